package io.fomo.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay on 127.0.0.1 in front of a real PostgreSQL server that, when armed, loses the answer to the
 * next {@code COMMIT}: it passes the client's COMMIT on to the server, lets the server commit, swallows
 * the server's reply and cuts both connections. The client then sees its connection lost at commit,
 * without knowing whether the transaction committed; it did. This is the network failure that makes an
 * append ambiguous.
 */
final class CommitDroppingProxy implements AutoCloseable {

    private static final byte[] COMMIT = "COMMIT".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final AtomicBoolean armed = new AtomicBoolean();
    private final AtomicInteger dropped = new AtomicInteger();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    CommitDroppingProxy(String targetHost, int targetPort) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.acceptor = new Thread(this::accept, "commit-dropping-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Loses the answer to the next COMMIT that passes. */
    void dropNextCommitAnswer() {
        armed.set(true);
    }

    /** How many COMMIT answers were lost. */
    int dropped() {
        return dropped.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(targetHost, targetPort);
                open.add(client);
                open.add(upstream);
                AtomicBoolean swallow = new AtomicBoolean();
                start(() -> clientToServer(client, upstream, swallow));
                start(() -> serverToClient(upstream, client, swallow));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void start(Runnable r) {
        Thread t = new Thread(r, "commit-dropping-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private void clientToServer(Socket client, Socket upstream, AtomicBoolean swallow) {
        byte[] buf = new byte[65_536];
        try (InputStream in = client.getInputStream(); OutputStream out = upstream.getOutputStream()) {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                boolean drop = contains(buf, n, COMMIT) && armed.compareAndSet(true, false);
                if (drop) {
                    swallow.set(true);
                }
                out.write(buf, 0, n);
                out.flush();
                if (drop) {
                    // Let the server commit and answer (into the void), then cut both sides.
                    Thread.sleep(500);
                    dropped.incrementAndGet();
                    closeQuietly(client);
                    closeQuietly(upstream);
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // a side closed
        } finally {
            closeQuietly(client);
            closeQuietly(upstream);
        }
    }

    private static void serverToClient(Socket upstream, Socket client, AtomicBoolean swallow) {
        byte[] buf = new byte[65_536];
        try (InputStream in = upstream.getInputStream(); OutputStream out = client.getOutputStream()) {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                if (!swallow.get()) {
                    out.write(buf, 0, n);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // a side closed
        } finally {
            closeQuietly(client);
            closeQuietly(upstream);
        }
    }

    private static boolean contains(byte[] buf, int n, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= n; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (buf[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : open) {
            closeQuietly(s);
        }
    }
}
