package clinic.smp.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP server that accepts connections and never answers: what a client of a frozen PostgreSQL sees (the kernel
 * completes the handshake, nobody replies to the startup message).
 */
public final class SilentServer implements AutoCloseable {

    private final ServerSocket socket;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    public SilentServer() {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(() -> {
            while (!socket.isClosed()) {
                try {
                    accepted.add(socket.accept());
                } catch (IOException closed) {
                    return;
                }
            }
        }, "silent-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String jdbcUrl(String parameters) {
        return "jdbc:postgresql://127.0.0.1:" + socket.getLocalPort() + "/postgres?" + parameters;
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket client : accepted) {
            client.close();
        }
    }
}
