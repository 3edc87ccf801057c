import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.fixture.LinkType;
import dev.brigade.fixture.Session;
import dev.brigade.fixture.SideBySide;
import dev.brigade.fixture.SideBySideResult;
import dev.brigade.fixture.TaskKind;
import dev.brigade.measure.PairedRatio;
import java.time.Duration;

/**
 * An A/A comparison in a fresh JVM: two identical 500-task QUEUE brigades, one a side ("two"), or one brigade that
 * both sides run ("one"); prints arm, kind, ratio a/b of wall time per hop with its interval, pairs, 0, and side a's
 * time per hop in ns. Run from the project's root after ./mvnw -q -o -pl fixtures package, one JVM at a time:
 *
 *   CP=fixtures/target/classes:$(./mvnw -q -o -pl fixtures dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
 *   for i in $(seq 1 20); do for arm in one two; do
 *     java --enable-native-access=ALL-UNNAMED -cp "$CP" docs/data/offset-2026-12-05/OneOrTwoBrigades.java $arm VIRTUAL 2000
 *   done; done
 */
public class OneOrTwoBrigades {
    public static void main(String[] args) throws Exception {
        String arm = args[0];
        TaskKind kind = TaskKind.valueOf(args[1]);
        Session a;
        Session b;
        Session shared = null;
        if (arm.equals("one")) {
            Session one = open(kind);
            shared = one;
            a = Session.of(() -> run(one), 500);
            b = Session.of(() -> run(one), 500);
        } else {
            a = open(kind);
            b = open(kind);
        }
        SideBySideResult r = SideBySide.create().measure(Duration.ofMillis(Long.parseLong(args[2]))).compare(a, b);
        PairedRatio p = r.nanosPerUnit();
        System.out.printf("%s\t%s\t%.4f\t%.4f\t%.4f\t%d\t0\t%.0f%n", arm, kind, p.median(), p.low(), p.high(),
                r.pairs(), r.a().nanosPerUnit().median());
        a.close();
        b.close();
        if (shared != null) {
            shared.close();
        }
    }

    static void run(Session s) {
        try {
            s.run();
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }

    static Session open(TaskKind kind) {
        return BrigadeFixture.create().tasks(500).kind(kind).link(LinkType.QUEUE).open();
    }
}
