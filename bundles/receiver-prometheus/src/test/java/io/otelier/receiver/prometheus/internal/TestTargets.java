package io.otelier.receiver.prometheus.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * An in-test HTTP server with a healthy target ({@code /metrics}, gzip when asked), one serving malformed
 * text ({@code /bad}), one that never answers in time ({@code /slow}) and one behind basic auth
 * ({@code /private}). Records each request's headers.
 */
final class TestTargets implements AutoCloseable {

    static final String THREAD_PREFIX = "test-target-";
    static final String HEALTHY = """
            # HELP test_requests_total Requests.
            # TYPE test_requests_total counter
            test_requests_total{code="200"} 42
            # TYPE test_temperature gauge
            test_temperature 21.5
            """;

    final HttpServer server;
    final List<String> acceptHeaders = new CopyOnWriteArrayList<>();
    final List<String> userAgents = new CopyOnWriteArrayList<>();
    final List<String> timeoutHeaders = new CopyOnWriteArrayList<>();
    final AtomicInteger privateHits = new AtomicInteger();
    private final ExecutorService executor;

    TestTargets() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, THREAD_PREFIX + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/metrics", ex -> {
            acceptHeaders.add(ex.getRequestHeaders().getFirst("Accept"));
            userAgents.add(ex.getRequestHeaders().getFirst("User-Agent"));
            timeoutHeaders.add(ex.getRequestHeaders().getFirst("X-Prometheus-Scrape-Timeout-Seconds"));
            boolean gzip = "gzip".equals(ex.getRequestHeaders().getFirst("Accept-Encoding"));
            respond(ex, HEALTHY, gzip);
        });
        server.createContext("/bad", ex -> respond(ex, "good_metric 1\nbad_metric{oops 2\n", false));
        server.createContext("/slow", ex -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(ex, HEALTHY, false);
        });
        server.createContext("/private", ex -> {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (!"Basic dXNlcjpzM2NyM3Q=".equals(auth)) { // user:s3cr3t
                ex.sendResponseHeaders(401, -1);
                ex.close();
                return;
            }
            privateHits.incrementAndGet();
            respond(ex, "private_metric 7\n", false);
        });
        server.start();
    }

    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    private static void respond(HttpExchange ex, String body, boolean gzip) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (gzip) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            try (GZIPOutputStream z = new GZIPOutputStream(buf)) {
                z.write(bytes);
            }
            bytes = buf.toByteArray();
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
        }
        ex.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        } catch (IOException e) {
            // the scraper gave up (timeout test)
        }
    }

    @Override
    public void close() throws InterruptedException {
        server.stop(0);
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
