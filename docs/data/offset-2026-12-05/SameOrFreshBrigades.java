import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.fixture.LinkType;
import dev.brigade.fixture.Session;
import dev.brigade.fixture.SideBySide;
import dev.brigade.fixture.SideBySideResult;
import dev.brigade.fixture.TaskKind;
import dev.brigade.measure.PairedRatio;
import java.time.Duration;

/**
 * Three A/A comparisons in one fresh JVM: r1 and r2 on the same two 500-task QUEUE brigades, one after the other,
 * then r3 on two brigades opened afresh. Prints the kind, then per comparison: ratio a/b of wall time per hop, its
 * interval, side a's time per hop in ns. Run as OneOrTwoBrigades.java says, with arguments "VIRTUAL 1500".
 */
public class SameOrFreshBrigades {
    public static void main(String[] args) throws Exception {
        TaskKind kind = TaskKind.valueOf(args[0]);
        Duration measure = Duration.ofMillis(Long.parseLong(args[1]));
        StringBuilder out = new StringBuilder(kind.toString());
        Session a = open(kind);
        Session b = open(kind);
        out.append('\t').append(ratio(a, b, measure)).append('\t').append(ratio(a, b, measure));
        a.close();
        b.close();
        a = open(kind);
        b = open(kind);
        out.append('\t').append(ratio(a, b, measure));
        a.close();
        b.close();
        System.out.println(out);
    }

    static Session open(TaskKind kind) {
        return BrigadeFixture.create().tasks(500).kind(kind).link(LinkType.QUEUE).open();
    }

    static String ratio(Session a, Session b, Duration measure) {
        SideBySideResult r = SideBySide.create().measure(measure).compare(a, b);
        PairedRatio p = r.nanosPerUnit();
        return String.format("%.4f\t%.4f\t%.4f\t%.0f", p.median(), p.low(), p.high(), r.a().nanosPerUnit().median());
    }
}
