import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.fixture.LinkType;
import dev.brigade.fixture.Session;
import dev.brigade.fixture.SideBySide;
import dev.brigade.fixture.SideBySideResult;
import dev.brigade.fixture.TaskKind;
import dev.brigade.measure.PairedRatio;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;

/**
 * An A/A comparison in a fresh JVM on one 500-task QUEUE brigade, as a paired run of @AgainstBase measures it: side
 * a's rounds run one copy of the hop's class (CodecWork, loaded by a class loader of its own as the base build is),
 * side b's rounds run
 *   one          the same copy,
 *   two          a second copy, loaded by a second class loader; a is measured first, as the current side is,
 *   two-b-first  a second copy, which runs alone for 1 s before the comparison: b's copy is compiled first,
 *   four         two copies a side, four class loaders: each side runs its two copies in turn, a round-trip each,
 *   two-primed   two copies, which take turns a round-trip each for 10 ms before the comparison, so that the profile
 *                of the brigade's call site of the hop holds both when the JIT first compiles it.
 * Measured with Brigade at 1e31f13, whose paired runs began with 5 ms of side a's operations alone, then b's; since
 * then their first operations take turns, so that at later commits the arm two does what two-primed did.
 * Prints arm, kind, ratio a/b of wall time per hop with its interval, pairs, JIT pairs set aside, and side a's time
 * per hop in ns. A fifth argument, a round's length in ms (SideBySide.round; 50 ms by default until f38f734, 10 ms
 * since), puts it before the row and prints a second line, "#ratios", with every pair's ratio a/b in the order
 * measured (docs/data/rounds-2026-12-06/). Run from the project's root after ./mvnw -q -o -pl fixtures package, one
 * JVM at a time:
 *
 *   D=docs/data/offset-2026-12-06
 *   javac -d /tmp/copies-work $D/work/CodecWork.java
 *   CP=fixtures/target/classes:$(./mvnw -q -o -pl fixtures dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
 *   for i in $(seq 1 15); do for arm in one two two-b-first four two-primed; do
 *     java --enable-native-access=ALL-UNNAMED -cp "$CP" $D/Copies.java $arm PLATFORM 2000 /tmp/copies-work
 *   done; done
 */
public class Copies {
    /** The hop the brigade's tasks run in the round under way: side a's copy in a's rounds, b's in b's. */
    static volatile Runnable hop;

    public static void main(String[] args) throws Exception {
        String arm = args[0];
        TaskKind kind = TaskKind.valueOf(args[1]);
        Duration measure = Duration.ofMillis(Long.parseLong(args[2]));
        Path classes = Path.of(args[3]);
        Runnable copyA = load(classes);
        Runnable copyB = arm.equals("one") ? copyA : load(classes);
        Runnable[] sideA = arm.equals("four") ? new Runnable[] {copyA, load(classes)} : new Runnable[] {copyA};
        Runnable[] sideB = arm.equals("four") ? new Runnable[] {copyB, load(classes)} : new Runnable[] {copyB};
        int[] turns = new int[2];
        hop = copyA;
        Session brigade = BrigadeFixture.create().tasks(500).kind(kind).link(LinkType.QUEUE)
                .work(() -> hop.run()).open();
        if (arm.equals("two-b-first")) {
            hop = copyB;
            long end = System.nanoTime() + 1_000_000_000L;
            while (System.nanoTime() < end) {
                brigade.run();
            }
        }
        if (arm.equals("two-primed")) {
            long end = System.nanoTime() + 10_000_000L;
            while (System.nanoTime() < end) {
                hop = copyA;
                brigade.run();
                hop = copyB;
                brigade.run();
            }
        }
        Session a = Session.of(() -> {
            hop = sideA[turns[0]++ % sideA.length];
            run(brigade);
        }, 500);
        Session b = Session.of(() -> {
            hop = sideB[turns[1]++ % sideB.length];
            run(brigade);
        }, 500);
        SideBySide comparison = SideBySide.create().measure(measure);
        if (args.length > 4) {
            comparison.round(Duration.ofMillis(Long.parseLong(args[4])));
            System.out.print(args[4] + "\t");
        }
        SideBySideResult r = comparison.compare(a, b);
        PairedRatio p = r.nanosPerUnit();
        System.out.printf("%s\t%s\t%.4f\t%.4f\t%.4f\t%d\t%d\t%.0f%n", arm, kind, p.median(), p.low(), p.high(),
                r.pairs(), r.jitPairs(), r.a().nanosPerUnit().median());
        if (args.length > 4) {
            System.out.println("#ratios\t" + p.pairRatios().stream().map(x -> String.format("%.4f", x))
                    .collect(java.util.stream.Collectors.joining(",")));
        }
        brigade.close();
    }

    static Runnable load(Path classes) throws Exception {
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                ClassLoader.getPlatformClassLoader());
        return (Runnable) loader.loadClass("CodecWork").getConstructor().newInstance();
    }

    static void run(Session s) {
        try {
            s.run();
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }
}
