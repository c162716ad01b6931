package cn.siyiban.ops.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on 127.0.0.1 that behaves like a bad village link. It cuts a share of the
 * connections after a random number of bytes in either direction, so a request or a response
 * stops mid-stream, and delays each of the others by a random time before passing it on.
 *
 * <p>SymmetricDS keeps its HTTP connections alive, so without a limit a whole test run used only
 * about ten connections and the proxy cut one or two. Every connection therefore lives at most
 * 2 to 8 seconds, after which the proxy resets it, as a mobile link that drops now and then.
 */
final class FlakyProxy implements AutoCloseable {

    private final int targetPort;
    private final double cutShare;
    private final int maxDelayMillis;
    private final Random random;
    private final ServerSocket server;
    private final Thread acceptor;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger cut = new AtomicInteger();
    private final AtomicInteger resets = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();
    private volatile boolean closed;
    private volatile boolean down;

    /**
     * @param cutShare       share of connections to cut, 0 to 1
     * @param maxDelayMillis upper bound of the delay before an uncut connection is passed on
     */
    FlakyProxy(int targetPort, double cutShare, int maxDelayMillis, long seed) throws IOException {
        this.targetPort = targetPort;
        this.cutShare = cutShare;
        this.maxDelayMillis = maxDelayMillis;
        this.random = new Random(seed);
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::accept, "flaky-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * Takes the link down or brings it back. While down, the proxy resets every new connection at
     * once, as a village link that is out; connections already open end within their lifetime.
     */
    void setDown(boolean down) {
        this.down = down;
    }

    int port() {
        return server.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    int cutConnections() {
        return cut.get();
    }

    /** Returns the number of connections reset at the end of their lifetime while still open. */
    int lifetimeResets() {
        return resets.get();
    }

    long bytesPassed() {
        return bytes.get();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                if (down) {
                    client.setSoLinger(true, 0);
                    closeQuietly(client);
                    continue;
                }
                connections.incrementAndGet();
                boolean cutThis;
                int budget;
                boolean cutResponse;
                int delay;
                int lifetime;
                synchronized (random) {
                    cutThis = random.nextDouble() < cutShare;
                    // A budget of up to 8 KiB cuts inside the HTTP headers or inside a batch.
                    budget = random.nextInt(8_192);
                    cutResponse = random.nextBoolean();
                    delay = cutThis ? 0 : random.nextInt(maxDelayMillis + 1);
                    lifetime = 2_000 + random.nextInt(6_000);
                }
                if (cutThis) {
                    cut.incrementAndGet();
                }
                Thread handler = new Thread(() -> relay(client, cutThis, budget, cutResponse, delay, lifetime),
                        "flaky-proxy");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("flaky proxy: accept failed: " + e);
                }
            }
        }
    }

    private void relay(Socket client, boolean cutThis, int budget, boolean cutResponse, int delayMillis,
                       int lifetimeMillis) {
        try (client; Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            AtomicLong requestBudget = new AtomicLong(cutThis && !cutResponse ? budget : Long.MAX_VALUE);
            AtomicLong responseBudget = new AtomicLong(cutThis && cutResponse ? budget : Long.MAX_VALUE);
            Thread up = new Thread(() -> pump(client, upstream, requestBudget), "flaky-proxy-up");
            up.setDaemon(true);
            up.start();
            Thread reaper = new Thread(() -> reset(client, upstream, lifetimeMillis), "flaky-proxy-lifetime");
            reaper.setDaemon(true);
            reaper.start();
            pump(upstream, client, responseBudget);
            up.join(60_000);
        } catch (IOException e) {
            // The peer closed or the cut closed both sockets.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Copies {@code from} to {@code to} until either ends or {@code budget} bytes have passed, then closes both. */
    private void pump(Socket from, Socket to, AtomicLong budget) {
        byte[] buffer = new byte[4_096];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                long left = budget.get();
                if (read >= left) {
                    out.write(buffer, 0, (int) left);
                    out.flush();
                    bytes.addAndGet(left);
                    // Reset instead of a clean FIN, as a dropped mobile link looks to the peers.
                    from.setSoLinger(true, 0);
                    to.setSoLinger(true, 0);
                    break;
                }
                budget.addAndGet(-read);
                out.write(buffer, 0, read);
                out.flush();
                bytes.addAndGet(read);
            }
        } catch (IOException e) {
            // One side went away; closing both below ends the other pump.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    /** Resets both sockets after {@code lifetimeMillis}, unless they closed before. */
    private void reset(Socket client, Socket upstream, int lifetimeMillis) {
        try {
            Thread.sleep(lifetimeMillis);
            if (!client.isClosed() || !upstream.isClosed()) {
                resets.incrementAndGet();
                client.setSoLinger(true, 0);
                upstream.setSoLinger(true, 0);
                closeQuietly(client);
                closeQuietly(upstream);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // Closed meanwhile.
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
    }
}
