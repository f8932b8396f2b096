package io.otelier.helper.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpClientTest {

    private final Echo echo = new Echo();
    private final AtomicInteger concurrent = new AtomicInteger();
    private final AtomicInteger maxConcurrent = new AtomicInteger();
    private HttpServer server;
    private String endpoint;

    @BeforeEach
    void start() throws IOException {
        server = HttpServers.start(HttpServerSettings.defaults("127.0.0.1:0"), Map.of("/echo", echo, "/slow", r -> {
            maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            Thread.sleep(100);
            concurrent.decrementAndGet();
            return HttpResponse.of(200, "text/plain", r.body());
        }, "/status", r -> new HttpResponse(503, "text/plain", "busy".getBytes(StandardCharsets.UTF_8),
                Map.of("Retry-After", "7"))));
        endpoint = "http://127.0.0.1:" + server.address().getPort();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void configuredHeadersGoOnEveryRequestAndWin() throws Exception {
        ConfiguredHttpClient client = HttpClients.create(HttpClientSettings.defaults(endpoint)
                .withHeaders(Map.of("Authorization", "Bearer t", "X-Scope", "configured")));
        client.send("POST", URI.create(endpoint + "/echo"), "application/json", new byte[1],
                Map.of("X-Scope", "per-request", "X-Extra", "1"));
        Headers h = echo.last().headers();
        assertThat(h.get("authorization")).isEqualTo("Bearer t");
        assertThat(h.all("x-scope")).containsExactly("configured");
        assertThat(h.get("x-extra")).isEqualTo("1");
        assertThat(h.get("content-type")).isEqualTo("application/json");
        assertThat(h.get("content-encoding")).isEmpty();
    }

    @Test
    void callerEncodedBodiesAreNotCompressedTwice() throws Exception {
        ConfiguredHttpClient client = HttpClients.create(HttpClientSettings.defaults(endpoint).withCompression("zstd", 0));
        byte[] gz = HttpServerTest.gzip("pre-encoded".getBytes(StandardCharsets.UTF_8));
        HttpResult r = client.send("POST", URI.create(endpoint + "/echo"), "text/plain", gz,
                Map.of("Content-Encoding", "gzip"));
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("pre-encoded");
    }

    @Test
    void statusHeadersAndBodyComeBack() throws Exception {
        HttpResult r = HttpClients.create(HttpClientSettings.defaults(endpoint))
                .post(URI.create(endpoint + "/status"), "text/plain", new byte[0]);
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.successful()).isFalse();
        assertThat(r.headers().get("retry-after")).isEqualTo("7");
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("busy");
    }

    @Test
    void timeoutEndsSlowRequests() {
        ConfiguredHttpClient client = HttpClients.create(HttpClientSettings.defaults(endpoint)
                .withTimeout(Duration.ofMillis(30)));
        assertThatThrownBy(() -> client.post(URI.create(endpoint + "/slow"), "text/plain", new byte[1]))
                .isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void maxConnsPerHostBoundsConcurrency() throws Exception {
        ConfiguredHttpClient client = HttpClients.create(HttpClientSettings.defaults(endpoint).withMaxConnsPerHost(2));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<HttpResult>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                results.add(pool.submit(() -> client.post(URI.create(endpoint + "/slow"), "text/plain", new byte[1])));
            }
            for (Future<HttpResult> f : results) {
                assertThat(f.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(maxConcurrent.get()).isBetween(1, 2);
    }

    @Test
    void unreachableEndpointFailsOnSendNotOnCreate() {
        ConfiguredHttpClient client = HttpClients.create(HttpClientSettings.defaults("http://127.0.0.1:1"));
        assertThat(client.endpoint()).isEqualTo(URI.create("http://127.0.0.1:1"));
        assertThatThrownBy(() -> client.post(URI.create("http://127.0.0.1:1/v1/traces"), "text/plain", new byte[1]))
                .isInstanceOf(IOException.class);
    }

    @Test
    void cookiesSectionKeepsCookies() throws Exception {
        server.stop();
        server = HttpServers.start(HttpServerSettings.defaults("127.0.0.1:0"), Map.of("/echo", r ->
                new HttpResponse(200, "text/plain", r.headers().get("cookie").getBytes(StandardCharsets.UTF_8),
                        Map.of("Set-Cookie", "session=abc; Path=/"))));
        endpoint = "http://127.0.0.1:" + server.address().getPort();
        HttpClientSettings base = HttpClientSettings.defaults(endpoint);
        HttpClientSettings withCookies = new HttpClientSettings(base.endpoint(), "", base.tls(), 0, 0, Duration.ZERO,
                Map.of(), "", CompressionParams.defaults(), 0, true, CookiesSettings.defaults());
        ConfiguredHttpClient jar = HttpClients.create(withCookies);
        jar.post(URI.create(endpoint + "/echo"), "text/plain", new byte[0]);
        assertThat(new String(jar.post(URI.create(endpoint + "/echo"), "text/plain", new byte[0]).body(),
                StandardCharsets.UTF_8)).isEqualTo("session=abc");
        ConfiguredHttpClient noJar = HttpClients.create(base);
        noJar.post(URI.create(endpoint + "/echo"), "text/plain", new byte[0]);
        assertThat(noJar.post(URI.create(endpoint + "/echo"), "text/plain", new byte[0]).body()).isEmpty();
    }
}
