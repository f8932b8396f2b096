package io.otelier.runtime.internal.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.api.telemetry.MetricsLevel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PrometheusEndpointTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final MetricsRegistry registry = new MetricsRegistry(MetricsLevel.NORMAL,
            Map.of("service.name", "otelcol"));
    private PrometheusEndpoint endpoint;

    @AfterEach
    void stop() {
        if (endpoint != null) {
            endpoint.stop();
        }
    }

    private PrometheusEndpoint started() throws IOException {
        endpoint = new PrometheusEndpoint("127.0.0.1", 0, registry);
        endpoint.start();
        return endpoint;
    }

    private HttpResponse<byte[]> send(String method, String path, String... headers) throws Exception {
        InetSocketAddress address = endpoint.address();
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + address.getPort() + path)).timeout(Duration.ofSeconds(5))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void servesTheRegistryOverHttp() throws Exception {
        started();
        ObsMetrics obs = new ObsMetrics(registry);
        obs.receiverAccepted("traces", "otlp", "grpc", 7);

        HttpResponse<byte[]> response = send("GET", "/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains(PrometheusEndpoint.CONTENT_TYPE);
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(body).contains("# TYPE otelcol_receiver_accepted_spans counter\n"
                + "otelcol_receiver_accepted_spans{receiver=\"otlp\",transport=\"grpc\"} 7\n");
        assertThat(body).contains("target_info{service_name=\"otelcol\"} 1");

        obs.receiverAccepted("traces", "otlp", "grpc", 3);
        assertThat(new String(send("GET", "/metrics").body(), StandardCharsets.UTF_8))
                .contains("otelcol_receiver_accepted_spans{receiver=\"otlp\",transport=\"grpc\"} 10\n");
    }

    @Test
    void compressesWhenTheScraperAcceptsGzip() throws Exception {
        started();
        registry.counter("c", "", "").add(1);

        HttpResponse<byte[]> response = send("GET", "/metrics", "Accept-Encoding", "gzip");

        assertThat(response.headers().firstValue("Content-Encoding")).contains("gzip");
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(registry.render());
        }
    }

    @Test
    void otherPathsAndMethodsAreRefused() throws Exception {
        started();

        assertThat(send("GET", "/").statusCode()).isEqualTo(404);
        assertThat(send("GET", "/metricsx").statusCode()).isEqualTo(404);
        HttpResponse<byte[]> post = send("POST", "/metrics");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
        HttpResponse<byte[]> head = send("HEAD", "/metrics");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void portInUseNamesTheAddress() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            endpoint = new PrometheusEndpoint("127.0.0.1", port, registry);

            assertThatThrownBy(endpoint::start)
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("binding address 127.0.0.1:" + port + " for Prometheus exporter: ")
                    .hasMessageContaining("in use");
            assertThat(endpoint.address()).isNull();
        }
    }

    @Test
    void unknownHostNamesTheAddress() {
        endpoint = new PrometheusEndpoint("no-such-host.invalid", 8888, registry);

        assertThatThrownBy(endpoint::start)
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("binding address no-such-host.invalid:8888 for Prometheus exporter: ");
    }

    @Test
    void stopReleasesThePortAtOnceAndEndsItsThreads() throws Exception {
        int port = started().address().getPort();
        send("GET", "/metrics");

        endpoint.stop();
        endpoint.stop();

        // A restarted endpoint (config reload) binds the same port straight away.
        PrometheusEndpoint again = new PrometheusEndpoint("127.0.0.1", port, registry);
        again.start();
        assertThat(again.address().getPort()).isEqualTo(port);
        again.stop();
        assertThat(endpoint.address()).isNull();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (metricsThreadAlive(port) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(metricsThreadAlive(port)).as("endpoint thread still running").isFalse();
    }

    private static boolean metricsThreadAlive(int port) {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().equals("otelier-metrics-" + port));
    }

    @Test
    void startingTwiceIsAnError() throws Exception {
        started();

        assertThatThrownBy(endpoint::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void bracketedIpv6LiteralIsAccepted() throws Exception {
        endpoint = new PrometheusEndpoint("[::1]", 0, registry);
        try {
            endpoint.start();
        } catch (IOException e) {
            assertThat(e).hasMessageStartingWith("binding address [::1]:0 for Prometheus exporter: ");
            return; // no IPv6 loopback on this machine: the message is the thing to check
        }
        assertThat(endpoint.address().getAddress().getHostAddress()).isIn("0:0:0:0:0:0:0:1", "::1");
    }

    @Test
    void levelNoneServesNothing() throws Exception {
        endpoint = new PrometheusEndpoint("127.0.0.1", 0, new MetricsRegistry(MetricsLevel.NONE));

        endpoint.start();

        assertThat(endpoint.address()).isNull();
    }
}
