package dev.brigade.examples.echo;

import static dev.brigade.assertj.BrigadeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.brigade.fixture.Cost;
import dev.brigade.fixture.CostMeter;
import dev.brigade.fixture.MemoryResult;
import dev.brigade.fixture.TaskKind;
import dev.brigade.junit.BrigadeExtension;
import dev.brigade.junit.Constants;
import dev.brigade.measure.Bytes;
import dev.brigade.measure.LinearFit;
import dev.brigade.measure.Probe;
import dev.brigade.measure.ProbeSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.ConnectException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A loopback echo server, thread per connection against virtual thread per connection, hundreds of connections
 * open at once: memory per connection, context switches per request and the cost of opening a connection.
 *
 * <p>The clients are the same for both servers (a virtual thread per connection, a fixed number of requests each),
 * so the differences are the server's. Both servers are measured in the same run and compared: the ratios travel
 * between machines, absolute figures do not.
 */
@ExtendWith(BrigadeExtension.class)
class EchoServerTest {

    /** Connections open at once at {@code brigade.scale = 1}; this suite runs at 0.2: 1,000 connections. */
    static final int CONNECTIONS_AT_FULL_SCALE = 5_000;
    /** Requests each connection sends in one round. */
    static final int REQUESTS_PER_CONNECTION = 20;
    /** Measured rounds per server; the round with the median figure counts. */
    static final int ROUNDS = 3;
    /** Population sizes of the memory fit: n/8, 2n/8, ... n. */
    static final int MEMORY_STEPS = 8;

    static int connections;

    @RegisterExtension
    static final BeforeAllCallback SCALED_CONNECTIONS = context -> connections = (int) Math.round(
            CONNECTIONS_AT_FULL_SCALE * context.getConfigurationParameter(Constants.SCALE_PROPERTY_NAME,
                    Double::parseDouble).orElse(Constants.SCALE_DEFAULT));

    @Test
    void a_virtual_thread_per_connection_takes_less_memory_than_a_platform_thread() throws IOException {
        MemoryResult platform = memoryPerConnection(TaskKind.PLATFORM);
        MemoryResult virtual = memoryPerConnection(TaskKind.VIRTUAL);
        System.out.println(platform + "\n" + virtual);

        assertThat(platform).memoryPerTask().isAtLeast(Bytes.kib(8));
        assertThat(virtual).heapPerTask().isAtMost(Bytes.kib(16));
        assertThat(virtual).isSmallerThan(platform).byAtLeast(2.0);
    }

    @Test
    void a_virtual_thread_per_connection_switches_context_less_often_per_request(CostMeter meter) throws IOException {
        Cost platformRequest = requests(TaskKind.PLATFORM, meter);
        Cost virtualRequest = requests(TaskKind.VIRTUAL, meter);

        assertThat(platformRequest).perOperation().contextSwitches().isAtLeast(1.0);
        assertThat(virtualRequest).perOperation().contextSwitches()
                .isAtMost(platformRequest.perOperation().contextSwitches() / 1.25);
    }

    /**
     * {@link #ROUNDS} rounds of {@link #REQUESTS_PER_CONNECTION} requests on each of {@link #connections} open
     * connections, after one round of warm-up: the round with the median context switches per request.
     */
    private static Cost requests(TaskKind kind, CostMeter meter) throws IOException {
        List<Cost> rounds = new ArrayList<>();
        try (EchoServer server = EchoServer.perConnection(kind);
             EchoClients clients = EchoClients.to(server.address()).open(connections)) {
            long requests = (long) REQUESTS_PER_CONNECTION * connections;
            clients.requests(REQUESTS_PER_CONNECTION); // warm-up
            for (int round = 0; round < ROUNDS; round++) {
                rounds.add(meter.measure(requests, () -> clients.requests(REQUESTS_PER_CONNECTION)));
            }
        }
        return median(rounds, c -> c.perOperation().contextSwitches());
    }

    @Test
    void a_virtual_thread_per_connection_is_cheaper_to_open(CostMeter meter) throws IOException {
        List<Cost> platform = new ArrayList<>();
        List<Cost> virtual = new ArrayList<>();
        try (EchoServer platformServer = EchoServer.threadPerConnection();
             EchoServer virtualServer = EchoServer.virtualThreadPerConnection()) {
            openAndClose(platformServer); // warm-up
            openAndClose(virtualServer);
            for (int round = 0; round < ROUNDS; round++) {
                platform.add(open(meter, platformServer));
                virtual.add(open(meter, virtualServer));
            }
        }
        Cost platformConnection = median(platform, Cost::wallNanos);
        Cost virtualConnection = median(virtual, Cost::wallNanos);

        assertThat(virtualConnection).perOperation().isFasterThan(platformConnection).byAtLeast(1.5);
        assertThat(virtualConnection).perOperation().isCheaperThan(platformConnection).byAtLeast(1.5);
    }

    private static void openAndClose(EchoServer server) {
        try (EchoClients clients = EchoClients.to(server.address())) {
            clients.open(connections);
        }
    }

    /** What opening {@link #connections} connections costs, each answering one request; closed afterwards. */
    private static Cost open(CostMeter meter, EchoServer server) {
        try (EchoClients clients = EchoClients.to(server.address())) {
            return meter.measure(connections, () -> clients.open(connections));
        }
    }

    @Test
    void close_ends_every_connection_and_every_task() throws IOException {
        for (TaskKind kind : List.of(TaskKind.PLATFORM, TaskKind.VIRTUAL)) {
            long threadsBefore = echoThreads();
            try (EchoServer server = EchoServer.perConnection(kind);
                 EchoClients clients = EchoClients.to(server.address()).open(50);
                 Socket client = new Socket(server.address().getAddress(), server.address().getPort())) {
                client.setSoTimeout((int) EchoClients.TIMEOUT.toMillis());
                InputStream in = client.getInputStream();
                client.getOutputStream().write(1);
                assertThat(in.read()).isEqualTo(1);

                server.close(); // try-with-resources closes it again: close() may be called twice

                assertThat(in.read()).as("the server closed the connection").isEqualTo(-1);
                assertThat(server.openConnections()).isZero();
                assertThat(echoThreads()).isEqualTo(threadsBefore);
                assertThatThrownBy(() -> new Socket(server.address().getAddress(), server.address().getPort()).close())
                        .isInstanceOf(ConnectException.class);
            }
        }
    }

    @Test
    void refuses_more_connections_than_the_file_descriptor_limit_allows() throws IOException {
        long limit = ((com.sun.management.UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getMaxFileDescriptorCount();
        int tooMany = (int) Math.min(Integer.MAX_VALUE, limit / 2 + 1);
        try (EchoServer server = EchoServer.virtualThreadPerConnection();
             EchoClients clients = EchoClients.to(server.address())) {
            assertThatThrownBy(() -> clients.open(tooMany))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("connections = " + tooMany + " needs " + 2L * tooMany + " file descriptors")
                    .hasMessageContaining("ulimit -n = " + limit)
                    .hasMessageContaining("or raise ulimit -n");
            assertThat(clients.size()).isZero();
        }
    }

    @Test
    void serves_connections_on_platform_or_virtual_threads_only() {
        assertThatThrownBy(() -> EchoServer.perConnection(TaskKind.ASYNC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("kind = ASYNC: the echo server blocks in a thread per connection; use PLATFORM or VIRTUAL");
    }

    /**
     * Memory per connection: opens connections in {@link #MEMORY_STEPS} steps, reads RSS and used heap after a full
     * GC at each, and fits lines over the number of connections, as {@code SpawnFixture.parked(n)} does for tasks.
     * A first population, opened on a server of the same kind that is closed (every task ended) before the
     * measurement starts, pays the one-off costs: code, malloc arenas.
     */
    private static MemoryResult memoryPerConnection(TaskKind kind) throws IOException {
        try (EchoServer warmUp = EchoServer.perConnection(kind)) {
            openAndClose(warmUp);
        }
        List<MemoryResult.Point> points = new ArrayList<>();
        try (HeapKeptCommitted heap = new HeapKeptCommitted(); EchoServer server = EchoServer.perConnection(kind);
             EchoClients clients = EchoClients.to(server.address())) {
            for (int step = 1; step <= MEMORY_STEPS; step++) {
                clients.open(connections * step / MEMORY_STEPS - clients.size());
                System.gc();
                System.gc();
                ProbeSnapshot now = Probe.system().snapshot();
                points.add(new MemoryResult.Point(clients.size(), now.rssBytes(), now.usedHeapBytes()));
            }
        }
        double[] x = points.stream().mapToDouble(MemoryResult.Point::tasks).toArray();
        LinearFit rss = LinearFit.of(x, points.stream().mapToDouble(MemoryResult.Point::rssBytes).toArray());
        LinearFit heap = LinearFit.of(x, points.stream().mapToDouble(MemoryResult.Point::heapBytes).toArray());
        return new MemoryResult(kind, connections, rss.slopeEstimate("B"), heap.slopeEstimate("B"), rss.r2(),
                heap.r2(), points);
    }

    private static Cost median(List<Cost> costs, ToDoubleFunction<Cost> figure) {
        return costs.stream().sorted(Comparator.comparingDouble(figure)).toList().get(costs.size() / 2);
    }

    private static long echoThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("echo-")).count();
    }

    /**
     * Keeps a full GC from handing heap back to the OS while memory is measured ({@code MaxHeapFreeRatio = 100}),
     * so that RSS moves with the connections and not with the heap's size; restores the flag when closed.
     */
    private static final class HeapKeptCommitted implements AutoCloseable {
        private final HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(
                HotSpotDiagnosticMXBean.class);
        private final String saved = hotSpot.getVMOption("MaxHeapFreeRatio").getValue();

        HeapKeptCommitted() {
            hotSpot.setVMOption("MaxHeapFreeRatio", "100");
        }

        @Override
        public void close() {
            hotSpot.setVMOption("MaxHeapFreeRatio", saved);
        }
    }
}
