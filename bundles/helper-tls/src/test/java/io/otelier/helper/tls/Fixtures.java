package io.otelier.helper.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/** The certificates of src/test/resources/tls (made by gen.sh) and a one-shot loopback handshake. */
final class Fixtures {

    private Fixtures() {
    }

    static String file(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/tls/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(String name) {
        try {
            return Files.readString(Path.of(file(name)), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TlsServerSettings server() {
        return TlsServerSettings.withFiles(file("server.pem"), file("server-key.pem"));
    }

    static TlsClientSettings trustingCa() {
        return TlsClientSettings.defaults().withCaFile(file("ca.pem"));
    }

    /** What both ends saw after a successful exchange of one byte each way. */
    record Result(SSLSession client, SSLSession server) {
    }

    /**
     * Accepts one connection on 127.0.0.1, port 0, and dials it as {@code host}; throws what the client side
     * threw (the server's failure otherwise).
     */
    static Result handshake(SSLContext serverContext, SSLContext clientContext, String host) throws Exception {
        try (SSLServerSocket listener = (SSLServerSocket) serverContext.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<SSLSession> served = CompletableFuture.supplyAsync(() -> {
                try (SSLSocket s = (SSLSocket) listener.accept()) {
                    s.setSoTimeout(5000);
                    s.startHandshake();
                    int b = s.getInputStream().read();
                    s.getOutputStream().write(b + 1);
                    s.getOutputStream().flush();
                    return s.getSession();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            SSLSession clientSession;
            try (SSLSocket client = (SSLSocket) clientContext.getSocketFactory().createSocket(host,
                    listener.getLocalPort())) {
                client.setSoTimeout(5000);
                client.startHandshake();
                OutputStream out = client.getOutputStream();
                out.write(41);
                out.flush();
                InputStream in = client.getInputStream();
                int answer = in.read();
                if (answer != 42) {
                    throw new IOException("unexpected answer " + answer);
                }
                clientSession = client.getSession();
            } catch (Exception e) {
                served.handle((r, x) -> null).get(10, TimeUnit.SECONDS);
                throw e;
            }
            // the client is closed first: a TLS 1.3 close waits for the peer's close_notify
            return new Result(clientSession, served.get(10, TimeUnit.SECONDS));
        }
    }
}
