import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.fixture.BrigadeResult;
import dev.brigade.fixture.TaskKind;
import dev.brigade.measure.Metric;
import java.time.Duration;

/** One brigade of 20 tasks doing the explanation tests' codec work (a 512-byte frame and 6,000 steps a hop). */
public class TlabCost {
    static volatile long sink;
    static volatile byte[] frame;

    static void hop() {
        frame = new byte[512];
        long s = 17;
        for (int i = 0; i < 6_000; i++) {
            s = s * 6364136223846793005L + i;
            s ^= s >>> 29;
        }
        sink = s;
    }

    public static void main(String[] a) {
        BrigadeResult r = BrigadeFixture.create().tasks(20).kind(TaskKind.valueOf(a[0])).measureMemory(false)
                .warmup(Duration.ofMillis(500)).measure(Duration.ofSeconds(2)).work(TlabCost::hop).run();
        System.out.println("ROW\t" + a[0] + "\t" + a[1] + "\t" + r.estimates().get(Metric.NANOS_PER_HOP).median()
                + "\t" + r.estimates().get(Metric.ALLOCATED_BYTES_PER_HOP).median());
    }
}
