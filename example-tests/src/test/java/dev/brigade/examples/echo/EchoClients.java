package dev.brigade.examples.echo;

import com.sun.management.UnixOperatingSystemMXBean;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Client connections to an {@link EchoServer}, held open by the test, that send bounded request loops.
 *
 * <p>A request is {@value #MESSAGE_BYTES} bytes written, and the same bytes read back. Every read and connect waits at
 * most {@link #TIMEOUT}, so a server that stops answering fails the test instead of hanging it. Not thread-safe: one
 * test thread opens, drives and closes it ({@link #requests(int)} runs its own tasks and waits for them).
 */
public final class EchoClients implements AutoCloseable {

    /** Bytes of one request, and of its echo. */
    public static final int MESSAGE_BYTES = 64;
    /** The longest a connect or a read may wait. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** File descriptors left free for the JVM, the build and the test itself. */
    static final int DESCRIPTORS_KEPT_FREE = 64;

    private final InetSocketAddress server;
    private final List<Socket> sockets = new ArrayList<>();

    private EchoClients(InetSocketAddress server) {
        this.server = server;
    }

    /** No connections yet, to the server at {@code server}. */
    public static EchoClients to(InetSocketAddress server) {
        return new EchoClients(server);
    }

    /** Open connections. */
    public int size() {
        return sockets.size();
    }

    /**
     * Opens {@code connections} more connections, all at once from a virtual thread each, and sends one request on
     * each: when it returns, the server runs a task for every one of them.
     *
     * @throws IllegalArgumentException when {@code connections < 1}, or when the client and server sockets would not
     *                                  fit under the process's file descriptor limit ({@code ulimit -n})
     * @throws UncheckedIOException     when a connection or its first request failed or timed out
     */
    public EchoClients open(int connections) {
        if (connections < 1) {
            throw new IllegalArgumentException("connections = " + connections + ": open at least 1");
        }
        checkDescriptors(connections);
        int first = sockets.size();
        for (int i = 0; i < connections; i++) {
            sockets.add(new Socket());
        }
        List<Future<Void>> connects = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = first; c < sockets.size(); c++) {
                Socket socket = sockets.get(c);
                byte[] message = message(c);
                connects.add(clients.submit(() -> connect(socket, message)));
            }
        }
        awaitAll(connects, "a client's connection failed");
        return this;
    }

    private Void connect(Socket socket, byte[] message) throws IOException {
        socket.setTcpNoDelay(true);
        socket.setSoTimeout((int) TIMEOUT.toMillis());
        socket.connect(server, (int) TIMEOUT.toMillis());
        request(socket, message, new byte[MESSAGE_BYTES]);
        return null;
    }

    private static void awaitAll(List<Future<Void>> tasks, String what) {
        for (Future<Void> task : tasks) {
            try {
                task.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw new UncheckedIOException(what + ": " + io.getMessage(), io);
                }
                throw new IllegalStateException(what + ": " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the clients", e);
            }
        }
    }

    /**
     * Every connection sends {@code perConnection} requests, one after the other, from a virtual thread of its own,
     * all connections at once; returns when every loop has ended.
     *
     * @return the number of requests answered: {@code perConnection × size()}
     * @throws UncheckedIOException when a request failed or timed out, naming the first failure
     */
    public long requests(int perConnection) {
        if (perConnection < 1) {
            throw new IllegalArgumentException("perConnection = " + perConnection + ": send at least 1 request");
        }
        List<Future<Void>> loops = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < sockets.size(); c++) {
                Socket socket = sockets.get(c);
                byte[] message = message(c);
                loops.add(clients.submit(() -> requestLoop(socket, message, perConnection)));
            }
        }
        awaitAll(loops, "a client's request loop failed");
        return (long) perConnection * sockets.size();
    }

    private static Void requestLoop(Socket socket, byte[] message, int requests) throws IOException {
        byte[] echo = new byte[MESSAGE_BYTES];
        for (int i = 0; i < requests; i++) {
            request(socket, message, echo);
        }
        return null;
    }

    private static void request(Socket socket, byte[] message, byte[] echo) throws IOException {
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        out.write(message);
        int read;
        try {
            read = in.readNBytes(echo, 0, echo.length);
        } catch (SocketTimeoutException e) {
            throw new SocketTimeoutException("no echo from " + socket.getRemoteSocketAddress() + " within "
                    + TIMEOUT.toSeconds() + " s");
        }
        if (read != message.length || !Arrays.equals(message, echo)) {
            throw new IOException("the server echoed " + read + " bytes that differ from the " + message.length
                    + " sent: " + Arrays.toString(Arrays.copyOf(echo, read)));
        }
    }

    /** A request that names its connection, so that a mixed-up echo shows. */
    private static byte[] message(int connection) {
        byte[] message = new byte[MESSAGE_BYTES];
        Arrays.fill(message, (byte) ('a' + connection % 26));
        return message;
    }

    /** Both ends of every connection are sockets of this JVM: two descriptors each. */
    private static void checkDescriptors(int connections) {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (!(os instanceof UnixOperatingSystemMXBean unix)) {
            return;
        }
        long limit = unix.getMaxFileDescriptorCount();
        long free = limit - unix.getOpenFileDescriptorCount() - DESCRIPTORS_KEPT_FREE;
        long needed = 2L * connections;
        if (needed > free) {
            throw new IllegalArgumentException("connections = " + connections + " needs " + needed + " file "
                    + "descriptors (the client and the server socket of each connection are both in this JVM), "
                    + "but only "
                    + Math.max(free, 0) + " of ulimit -n = " + limit + " are free (" + DESCRIPTORS_KEPT_FREE
                    + " kept for the JVM): open at most " + Math.max(free / 2, 0) + " connections, or raise ulimit -n");
        }
    }

    /** Closes every connection; the server's tasks for them end on their own. */
    @Override
    public void close() {
        IOException first = null;
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        sockets.clear();
        if (first != null) {
            throw new UncheckedIOException("closing a client connection failed", first);
        }
    }
}
