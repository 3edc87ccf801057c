package dev.brigade.examples.echo;

import dev.brigade.fixture.TaskKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A TCP echo server on the loopback interface that serves every connection on a task of its own: a platform thread
 * ({@link #threadPerConnection()}) or a virtual thread ({@link #virtualThreadPerConnection()}).
 *
 * <p>Use it as the component under test of a worked example: blocking {@code java.net} sockets, 127.0.0.1 and an
 * ephemeral port. Thread-safe. {@link #close()} stops accepting, closes every connection and waits for every task
 * of the server to end, so nothing outlives it.
 */
public final class EchoServer implements AutoCloseable {

    /** Connections the kernel queues before the acceptor takes them (Linux caps it at {@code somaxconn}). */
    static final int BACKLOG = 4_096;
    /** Bytes a connection's task reads at once. */
    static final int BUFFER_BYTES = 1_024;
    /** How long {@link #close()} waits for the tasks to end. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final TaskKind kind;
    private final ServerSocket listener;
    private final Thread.Builder connectionTasks;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final Set<Thread> tasks = ConcurrentHashMap.newKeySet();
    private final LongAdder bytesEchoed = new LongAdder();
    private final Thread acceptor;
    private volatile boolean closed;
    private volatile IOException acceptFailure;

    private EchoServer(TaskKind kind, Thread.Builder acceptorTask, Thread.Builder connectionTasks) throws IOException {
        this.kind = kind;
        this.connectionTasks = connectionTasks;
        this.listener = new ServerSocket(0, BACKLOG, InetAddress.getLoopbackAddress());
        this.acceptor = acceptorTask.start(this::acceptUntilClosed);
    }

    /** A server that starts a platform thread for every connection: the classic thread-per-connection server. */
    public static EchoServer threadPerConnection() throws IOException {
        return new EchoServer(TaskKind.PLATFORM, Thread.ofPlatform().name("echo-acceptor").daemon(true),
                Thread.ofPlatform().name("echo-connection-", 0).daemon(true));
    }

    /** A server that starts a virtual thread for every connection, the same code on the JDK's virtual threads. */
    public static EchoServer virtualThreadPerConnection() throws IOException {
        return new EchoServer(TaskKind.VIRTUAL, Thread.ofVirtual().name("echo-acceptor"),
                Thread.ofVirtual().name("echo-connection-", 0));
    }

    /**
     * The server whose connection tasks are of {@code kind}.
     *
     * @throws IllegalArgumentException for {@code ASYNC}: a blocking server needs a thread per connection
     */
    public static EchoServer perConnection(TaskKind kind) throws IOException {
        return switch (kind) {
            case PLATFORM -> threadPerConnection();
            case VIRTUAL -> virtualThreadPerConnection();
            case ASYNC -> throw new IllegalArgumentException("kind = ASYNC: the echo server blocks in a thread per "
                    + "connection; use PLATFORM or VIRTUAL");
        };
    }

    /** The kind of task that serves a connection. */
    public TaskKind kind() {
        return kind;
    }

    /** Where clients connect: 127.0.0.1 and the port the system chose. */
    public InetSocketAddress address() {
        return new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort());
    }

    /** Connections open now. */
    public int openConnections() {
        return connections.size();
    }

    /** Bytes echoed so far, over all connections. */
    public long bytesEchoed() {
        return bytesEchoed.sum();
    }

    private void acceptUntilClosed() {
        while (!closed) {
            Socket connection;
            try {
                connection = listener.accept();
            } catch (IOException e) {
                if (!closed) {
                    acceptFailure = e; // e.g. out of file descriptors: stop accepting, close() reports it
                }
                return;
            }
            serve(connection);
        }
    }

    private void serve(Socket connection) {
        connections.add(connection);
        Thread task = connectionTasks.unstarted(() -> echo(connection));
        tasks.add(task);
        try {
            task.start();
        } catch (OutOfMemoryError e) { // no native thread left: refuse this connection, keep serving the others
            tasks.remove(task);
            connections.remove(connection);
            closeQuietly(connection);
        }
    }

    /** Writes back what the connection sends until the client closes it, or the server does. */
    private void echo(Socket connection) {
        try (connection; InputStream in = connection.getInputStream();
             OutputStream out = connection.getOutputStream()) {
            connection.setTcpNoDelay(true);
            byte[] buffer = new byte[BUFFER_BYTES];
            for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                bytesEchoed.add(n);
            }
        } catch (IOException e) {
            // the client went away or close() closed the socket: the connection ends either way
        } finally {
            connections.remove(connection);
            tasks.remove(Thread.currentThread());
        }
    }

    /**
     * Stops accepting, closes every connection and waits up to {@link #STOP_TIMEOUT} for every task to end.
     *
     * @throws IllegalStateException when a task did not end in time, or accepting had failed
     */
    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        awaitEnd(List.of(acceptor), deadline);
        connections.forEach(EchoServer::closeQuietly);
        List<Thread> alive = awaitEnd(List.copyOf(tasks), deadline);
        if (!alive.isEmpty()) {
            throw new IllegalStateException(kind + " echo server: " + alive.size() + " connection tasks did not end "
                    + "within " + STOP_TIMEOUT.toSeconds() + " s of close(), e.g. " + alive.get(0));
        }
        if (acceptFailure != null) {
            throw new IllegalStateException(kind + " echo server stopped accepting connections: " + acceptFailure,
                    acceptFailure);
        }
    }

    /** Joins the threads until the deadline; returns those still alive. */
    private static List<Thread> awaitEnd(List<Thread> threads, long deadlineNanos) {
        try {
            for (Thread t : threads) {
                long left = deadlineNanos - System.nanoTime();
                if (left > 0) {
                    t.join(Duration.ofNanos(left));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while closing the echo server", e);
        }
        return threads.stream().filter(Thread::isAlive).toList();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing a socket that failed is all we can do with it
        }
    }

    @Override
    public String toString() {
        return kind + " echo server on " + address() + ", " + openConnections() + " connections";
    }
}
