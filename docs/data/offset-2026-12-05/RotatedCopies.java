import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.fixture.LinkType;
import dev.brigade.fixture.Session;
import dev.brigade.fixture.SideBySide;
import dev.brigade.fixture.SideBySideResult;
import dev.brigade.fixture.TaskKind;
import dev.brigade.measure.PairedRatio;
import java.time.Duration;

/**
 * An A/A comparison in a fresh JVM of "several copies per side, rotated": N identical 500-task QUEUE brigades a side,
 * "rotatedN" switching copy on every round-trip, "timedN" every 50 ms; "fixed" (or "fixed1") is one copy a side.
 * Prints arm, kind, ratio a/b of wall time per hop, its interval, pairs, seconds, side a's time per hop in ns (and,
 * for timedN and fixed1, each side's round-trips per round). Run as OneOrTwoBrigades.java says, with arguments e.g.
 * "rotated4 VIRTUAL 2000".
 */
public class RotatedCopies {
    public static void main(String[] args) throws Exception {
        String arm = args[0];
        TaskKind kind = TaskKind.valueOf(args[1]);
        int copies = arm.equals("fixed") ? 1 : Integer.parseInt(arm.replaceAll("\\D", ""));
        Session[] a = new Session[copies];
        Session[] b = new Session[copies];
        for (int i = 0; i < copies; i++) {
            a[i] = BrigadeFixture.create().tasks(500).kind(kind).link(LinkType.QUEUE).open();
            b[i] = BrigadeFixture.create().tasks(500).kind(kind).link(LinkType.QUEUE).open();
        }
        boolean timed = arm.startsWith("timed");
        Session sa = copies == 1 ? a[0] : Session.of(new Rotor(a, timed), 500);
        Session sb = copies == 1 ? b[0] : Session.of(new Rotor(b, timed), 500);
        long t0 = System.nanoTime();
        SideBySideResult r = SideBySide.create().measure(Duration.ofMillis(Long.parseLong(args[2]))).compare(sa, sb);
        PairedRatio p = r.nanosPerUnit();
        System.out.printf("%s\t%s\t%.4f\t%.4f\t%.4f\t%d\t%.1f\t%.0f\t%d\t%d%n", arm, kind, p.median(), p.low(),
                p.high(), r.pairs(), (System.nanoTime() - t0) / 1e9, r.a().nanosPerUnit().median(),
                r.a().stats().operationsPerRound(), r.b().stats().operationsPerRound());
        for (int i = 0; i < copies; i++) {
            a[i].close();
            b[i].close();
        }
    }

    static final class Rotor implements Runnable {
        final Session[] copies;
        final boolean timed;
        int at;
        long since = System.nanoTime();

        Rotor(Session[] copies, boolean timed) {
            this.copies = copies;
            this.timed = timed;
        }

        @Override
        public void run() {
            long now = System.nanoTime();
            if (!timed || now - since > 50_000_000L) {
                at = (at + 1) % copies.length;
                since = now;
            }
            try {
                copies[at].run();
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        }
    }
}
