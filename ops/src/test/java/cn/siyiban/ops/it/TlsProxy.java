package cn.siyiban.ops.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A TLS-terminating proxy on 127.0.0.1 in front of central's plain HTTP port, as nginx runs in
 * front of central in the county: it decrypts each connection with central's certificate and
 * copies the bytes both ways.
 */
final class TlsProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int backendPort;
    private final AtomicInteger connections = new AtomicInteger();

    /** @param keyStore a PKCS12 file with central's key and certificate chain */
    TlsProxy(Path keyStore, char[] password, int port, int backendPort) {
        this.backendPort = backendPort;
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keyStore)) {
                keys.load(in, password);
            }
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, password);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(keyManagers.getKeyManagers(), null, null);
            server = tls.getServerSocketFactory().createServerSocket(port, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load " + keyStore, e);
        }
        daemon(this::acceptLoop, "tls-proxy-accept").start();
    }

    /** Returns the number of TLS connections accepted so far. */
    int connections() {
        return connections.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                connections.incrementAndGet();
                Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendPort);
                daemon(() -> pump(client, backend), "tls-proxy-up").start();
                daemon(() -> pump(backend, client), "tls-proxy-down").start();
            } catch (IOException e) {
                // The server socket was closed, or one client failed its handshake; keep serving the others.
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // The other side closed the connection.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    private static Thread daemon(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
