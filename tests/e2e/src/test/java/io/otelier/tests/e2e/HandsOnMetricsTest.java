package io.otelier.tests.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hands-on's metrics pipeline (hostmetrics cpu+memory → debug + prometheusremotewrite) runs unmodified
 * on the distribution: only the remote-write endpoint, which points at the user's cluster, is changed with
 * --set to a local receiver that records what arrives.
 */
class HandsOnMetricsTest {

    @TempDir
    Path work;

    /** A remote-write endpoint that keeps each request's headers; the body is snappy-compressed protobuf. */
    private static final class RemoteWriteSink implements AutoCloseable {
        final HttpServer server;
        final List<String> requests = new ArrayList<>();

        RemoteWriteSink() throws Exception {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/v1/write", ex -> {
                try (ex) {
                    byte[] body = ex.getRequestBody().readAllBytes();
                    synchronized (this) {
                        requests.add(ex.getRequestHeaders().getFirst("Content-Encoding") + " "
                                + ex.getRequestHeaders().getFirst("Content-Type") + " "
                                + ex.getRequestHeaders().getFirst("X-Prometheus-Remote-Write-Version") + " "
                                + body.length);
                        notifyAll();
                    }
                    ex.sendResponseHeaders(204, -1);
                }
            });
            server.start();
        }

        String endpoint() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/write";
        }

        synchronized boolean awaitRequest(long seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (requests.isEmpty() && System.nanoTime() < deadline) {
                TimeUnit.NANOSECONDS.timedWait(this, deadline - System.nanoTime());
            }
            return !requests.isEmpty();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    @Test
    void hostMetricsReachDebugAndRemoteWrite() throws Exception {
        Path dist = Paths.get(System.getProperty("otelier.dist")).toAbsolutePath().normalize();
        Path config = Paths.get(System.getProperty("otelier.examples")).resolve("handson/metrics-collector.yaml");
        try (RemoteWriteSink sink = new RemoteWriteSink();
                CollectorProcess c = CollectorProcess.start(dist, work, "--config", config.toString(), "--set",
                        "exporters::prometheusremotewrite::endpoint=" + sink.endpoint(),
                        // keep the test off the default internal-metrics port 8888
                        "--set", "service::telemetry::metrics::level=none")) {
            c.awaitOutput("Everything is ready", 1, Duration.ofSeconds(30));
            // the first scrape comes after initial_delay (1s), then every 30s
            c.awaitOutput("Metrics \\{\"resource metrics\": \\d+, \"metrics\": \\d+, \"data points\": \\d+\\}", 1,
                    Duration.ofSeconds(30));
            assertThat(sink.awaitRequest(30)).as(c.all()).isTrue();
            assertThat(sink.requests.get(0)).startsWith("snappy application/x-protobuf 0.1.0 ");
            assertThat(c.terminate(Duration.ofSeconds(30))).isEqualTo(0);
        }
    }
}
