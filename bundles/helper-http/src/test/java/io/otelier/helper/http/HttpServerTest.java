package io.otelier.helper.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.helper.http.internal.Compression;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xerial.snappy.SnappyFramedOutputStream;

class HttpServerTest {

    private final List<HttpServer> servers = new ArrayList<>();
    private final Echo echo = new Echo();
    private final HttpClient jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AfterEach
    void stopServers() {
        servers.forEach(HttpServer::stop);
    }

    private HttpServer start(HttpServerSettings settings) throws IOException {
        return start(settings, Map.of("/echo", echo));
    }

    private HttpServer start(HttpServerSettings settings, Map<String, HttpHandler> handlers) throws IOException {
        HttpServer server = HttpServers.start(settings, handlers);
        servers.add(server);
        return server;
    }

    private static HttpServerSettings loopback() {
        return HttpServerSettings.defaults("127.0.0.1:0");
    }

    private static URI uri(HttpServer server, String path) {
        return URI.create("http://127.0.0.1:" + server.address().getPort() + path);
    }

    @Test
    void handlerGetsMethodPathQueryHeadersAndBody() throws Exception {
        HttpServer server = start(loopback());
        var response = jdk.send(java.net.http.HttpRequest.newBuilder(uri(server, "/echo?a=1&b=2"))
                .header("Content-Type", "application/x-protobuf; charset=x").header("X-Tenant", "acme")
                .POST(BodyPublishers.ofString("hello")).build(), BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("hello");
        assertThat(response.headers().firstValue("content-type")).hasValue("application/octet-stream");
        assertThat(response.headers().firstValue("content-length")).hasValue("5");
        HttpRequest seen = echo.last();
        assertThat(seen.method()).isEqualTo("POST");
        assertThat(seen.path()).isEqualTo("/echo");
        assertThat(seen.query()).isEqualTo("a=1&b=2");
        assertThat(seen.mediaType()).isEqualTo("application/x-protobuf");
        assertThat(seen.headers().get("x-tenant")).isEqualTo("acme");
        assertThat(seen.context().transport()).hasValue("http");
        assertThat(seen.context().peerAddress()).hasValueSatisfying(p -> assertThat(p).startsWith("127.0.0.1:"));
        assertThat(seen.context().metadata()).isEmpty();
    }

    @Test
    void headAnswersCarryNoBody() throws Exception {
        HttpServer server = start(loopback());
        try (RawHttp raw = new RawHttp(server.address())) {
            raw.write("HEAD /echo HTTP/1.1\r\nHost: x\r\n\r\n");
            raw.write("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nnext");
            RawHttp.Response head = raw.read();
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("content-length")).isEqualTo("0");
            // the next answer follows directly: no stray body bytes in between
            assertThat(raw.read().body()).isEqualTo("next");
        }
    }

    @Test
    void includeMetadataPutsHeadersInTheContext() throws Exception {
        HttpServer server = start(loopback().withIncludeMetadata(true));
        jdk.send(java.net.http.HttpRequest.newBuilder(uri(server, "/echo")).header("X-Tenant", "acme")
                .header("X-Tenant", "beta").header("Content-Encoding", "gzip")
                .POST(BodyPublishers.ofByteArray(gzip(new byte[] {1}))).build(), BodyHandlers.discarding());
        assertThat(echo.last().context().metadata("X-TENANT")).containsExactly("acme", "beta");
        assertThat(echo.last().context().metadata("content-encoding")).containsExactly("gzip");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "zlib", "deflate", "zstd", "snappy", "x-snappy-framed", "lz4"})
    void everyEncodingRoundTripsThroughClientAndServer(String encoding) throws Exception {
        HttpServer server = start(loopback());
        ConfiguredHttpClient client = HttpClients.create(HttpClientSettings.defaults(uri(server, "").toString())
                .withCompression(encoding, 0));
        byte[] payload = Echo.payload(300_000);
        HttpResult result = client.post(uri(server, "/echo"), "application/x-protobuf", payload);
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.body()).isEqualTo(payload);
        assertThat(echo.last().body()).isEqualTo(payload);
        // as upstream's decompressor: the handler sees neither header, the metadata would still have them
        assertThat(echo.last().headers().get("content-encoding")).isEmpty();
        assertThat(echo.last().headers().get("content-length")).isEmpty();
        assertThat(echo.last().headers().get("content-type")).isEqualTo("application/x-protobuf");
    }

    @Test
    void framedSnappyUnderTheSnappyNameIsDetected() throws Exception {
        HttpServer server = start(loopback());
        byte[] payload = Echo.payload(50_000);
        ByteArrayOutputStream framed = new ByteArrayOutputStream();
        try (SnappyFramedOutputStream out = new SnappyFramedOutputStream(framed)) {
            out.write(payload);
        }
        var response = jdk.send(java.net.http.HttpRequest.newBuilder(uri(server, "/echo"))
                .header("Content-Encoding", "snappy").POST(BodyPublishers.ofByteArray(framed.toByteArray())).build(),
                BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(payload);
    }

    @Test
    void identityAndEmptyEncodingsAreNoEncoding() throws Exception {
        HttpServer server = start(loopback());
        var response = jdk.send(java.net.http.HttpRequest.newBuilder(uri(server, "/echo"))
                .header("Content-Encoding", "identity").POST(BodyPublishers.ofString("plain")).build(),
                BodyHandlers.ofString());
        assertThat(response.body()).isEqualTo("plain");
    }

    @Test
    void chunkedBodiesWithoutContentLengthAreReadWhole() throws Exception {
        HttpServer server = start(loopback());
        try (RawHttp raw = new RawHttp(server.address())) {
            raw.write("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
            raw.write("5\r\nhello\r\n");
            raw.write("1;ext=1\r\n \r\n");
            raw.write("5\r\nworld\r\n0\r\n\r\n");
            RawHttp.Response r = raw.read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("hello world");
            assertThat(echo.last().headers().get("content-length")).isEmpty();
        }
        // and through the JDK client, streaming an InputStream (no length known)
        byte[] payload = Echo.payload(200_000);
        var response = jdk.send(java.net.http.HttpRequest.newBuilder(uri(server, "/echo"))
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(payload))).build(),
                BodyHandlers.ofByteArray());
        assertThat(response.body()).isEqualTo(payload);
    }

    @Test
    void chunkedGzipIsDecoded() throws Exception {
        HttpServer server = start(loopback());
        byte[] gz = gzip("compressed and chunked".getBytes(StandardCharsets.UTF_8));
        try (RawHttp raw = new RawHttp(server.address())) {
            raw.write("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n");
            int half = gz.length / 2;
            raw.write(Integer.toHexString(half) + "\r\n").write(java.util.Arrays.copyOfRange(gz, 0, half)).write("\r\n");
            raw.write(Integer.toHexString(gz.length - half) + "\r\n")
                    .write(java.util.Arrays.copyOfRange(gz, half, gz.length)).write("\r\n0\r\n\r\n");
            assertThat(raw.read().body()).isEqualTo("compressed and chunked");
        }
    }

    @Test
    void declaredBodyOverTheLimitIsRefusedBeforeItIsSent() throws Exception {
        HttpServer server = start(loopback().withMaxRequestBodySize(1024));
        try (RawHttp raw = new RawHttp(server.address())) {
            // the body never comes: the answer must not wait for it
            raw.write("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000\r\n\r\n");
            RawHttp.Response r = raw.read();
            assertThat(r.status()).isEqualTo(413);
            assertThat(r.body()).isEqualTo("http: request body too large\n");
            assertThat(r.header("connection")).isEqualTo("close");
            assertThat(raw.closedByServer()).isTrue();
        }
        assertThat(echo.seen).isEmpty();
    }

    @Test
    void chunkedBodyOverTheLimitIsCutOff() throws Exception {
        HttpServer server = start(loopback().withMaxRequestBodySize(1024));
        try (RawHttp raw = new RawHttp(server.address())) {
            raw.write("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
            raw.write("400\r\n" + "a".repeat(1024) + "\r\n");
            raw.write("1\r\nb\r\n");
            RawHttp.Response r = raw.read();
            assertThat(r.status()).isEqualTo(413);
            assertThat(raw.closedByServer()).isTrue();
        }
        assertThat(echo.seen).isEmpty();
    }

    @Test
    void bodyExactlyAtTheLimitPasses() throws Exception {
        HttpServer server = start(loopback().withMaxRequestBodySize(1024));
        var response = jdk.send(java.net.http.HttpRequest.newBuilder(uri(server, "/echo"))
                .POST(BodyPublishers.ofByteArray(new byte[1024])).build(), BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).hasSize(1024);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "zstd", "snappy", "x-snappy-framed", "lz4", "zlib"})
    void decompressedBodyOverTheLimitIs413(String encoding) throws Exception {
        HttpServer server = start(loopback().withMaxRequestBodySize(64 * 1024));
        byte[] bomb = Compression.encode(encoding, 0, new byte[1024 * 1024]);
        assertThat(bomb.length).isLessThan(64 * 1024);
        var response = jdk.send(java.net.http.HttpRequest.newBuilder(uri(server, "/echo"))
                .header("Content-Encoding", encoding).POST(BodyPublishers.ofByteArray(bomb)).build(),
                BodyHandlers.ofString());
        // snappy's block format declares its size up front: upstream refuses it as a bad body (400)
        assertThat(response.statusCode()).isEqualTo(encoding.equals("snappy") ? 400 : 413);
        assertThat(echo.seen).isEmpty();
    }

    @Test
    void unknownEncodingIs400WithUpstreamsMessage() throws Exception {
        HttpServer server = start(loopback());
        var response = jdk.send(java.net.http.HttpRequest.newBuilder(uri(server, "/echo"))
                .header("Content-Encoding", "br").POST(BodyPublishers.ofString("x")).build(), BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("unsupported Content-Encoding: br\n");
        assertThat(response.headers().firstValue("content-type")).hasValue("text/plain; charset=utf-8");
    }

    @Test
    void brokenCompressedBodyIs400() throws Exception {
        HttpServer server = start(loopback());
        var response = jdk.send(java.net.http.HttpRequest.newBuilder(uri(server, "/echo"))
                .header("Content-Encoding", "gzip").POST(BodyPublishers.ofString("not gzip")).build(),
                BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("gzip: invalid header\n");
    }

    @Test
    void onlyConfiguredAlgorithmsAreAccepted() throws Exception {
        HttpServer server = start(loopback().withCompressionAlgorithms(List.of("", "gzip")));
        var zstd = jdk.send(java.net.http.HttpRequest.newBuilder(uri(server, "/echo"))
                .header("Content-Encoding", "zstd").POST(BodyPublishers.ofByteArray(Compression.encode("zstd", 0,
                        new byte[10]))).build(), BodyHandlers.ofString());
        assertThat(zstd.statusCode()).isEqualTo(400);
        assertThat(zstd.body()).isEqualTo("unsupported Content-Encoding: zstd\n");
        var gzip = jdk.send(java.net.http.HttpRequest.newBuilder(uri(server, "/echo"))
                .header("Content-Encoding", "gzip").POST(BodyPublishers.ofByteArray(gzip(new byte[10]))).build(),
                BodyHandlers.ofString());
        assertThat(gzip.statusCode()).isEqualTo(200);
    }

    @Test
    void emptyAlgorithmListPassesBodiesThroughUndecoded() throws Exception {
        // upstream installs no decoder at all for an empty list
        HttpServer server = start(loopback().withCompressionAlgorithms(List.of()));
        byte[] gz = gzip("x".getBytes(StandardCharsets.UTF_8));
        var response = jdk.send(java.net.http.HttpRequest.newBuilder(uri(server, "/echo"))
                .header("Content-Encoding", "gzip").POST(BodyPublishers.ofByteArray(gz)).build(),
                BodyHandlers.ofByteArray());
        assertThat(response.body()).isEqualTo(gz);
    }

    @Test
    void unknownPathIs404AndTheConnectionStaysUsable() throws Exception {
        HttpServer server = start(loopback());
        try (RawHttp raw = new RawHttp(server.address())) {
            raw.write("POST /nope HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc");
            RawHttp.Response r = raw.read();
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.body()).isEqualTo("404 page not found\n");
            raw.write("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nok");
            assertThat(raw.read().body()).isEqualTo("ok");
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        HttpServer server = start(loopback());
        try (RawHttp raw = new RawHttp(server.address())) {
            raw.write("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\none"
                    + "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\ntwo"
                    + "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nthree");
            assertThat(raw.read().body()).isEqualTo("one");
            assertThat(raw.read().body()).isEqualTo("two");
            assertThat(raw.read().body()).isEqualTo("three");
        }
    }

    @Test
    void expectContinueIsHonoured() throws Exception {
        HttpServer server = start(loopback());
        var response = jdk.send(java.net.http.HttpRequest.newBuilder(uri(server, "/echo")).expectContinue(true)
                .POST(BodyPublishers.ofString("after continue")).build(), BodyHandlers.ofString());
        assertThat(response.body()).isEqualTo("after continue");
    }

    @Test
    void handlerFailuresAre500AndTheServerCarriesOn() throws Exception {
        HttpServer server = start(loopback(), Map.of("/boom", r -> {
            throw new IllegalStateException("boom");
        }, "/null", r -> null, "/error", r -> {
            throw new StackOverflowError();
        }, "/echo", echo));
        for (String path : List.of("/boom", "/null")) {
            var failed = jdk.send(java.net.http.HttpRequest.newBuilder(uri(server, path))
                    .POST(BodyPublishers.ofString("x")).build(), BodyHandlers.ofString());
            assertThat(failed.statusCode()).isEqualTo(500);
        }
        var fine = jdk.send(java.net.http.HttpRequest.newBuilder(uri(server, "/echo"))
                .POST(BodyPublishers.ofString("still here")).build(), BodyHandlers.ofString());
        assertThat(fine.body()).isEqualTo("still here");
    }

    @Test
    void responseHeadersAreAddedToEveryAnswer() throws Exception {
        HttpServer server = start(loopback().withResponseHeaders(Map.of("X-Served-By", "otelier")));
        var ok = jdk.send(java.net.http.HttpRequest.newBuilder(uri(server, "/echo"))
                .POST(BodyPublishers.ofString("x")).build(), BodyHandlers.discarding());
        var missing = jdk.send(java.net.http.HttpRequest.newBuilder(uri(server, "/missing"))
                .POST(BodyPublishers.ofString("x")).build(), BodyHandlers.discarding());
        assertThat(ok.headers().firstValue("x-served-by")).hasValue("otelier");
        assertThat(missing.headers().firstValue("x-served-by")).hasValue("otelier");
    }

    @Test
    void customErrorHandlerAnswersServerSideErrors() throws Exception {
        HttpServer server = HttpServers.start(loopback(), Map.of("/echo", echo),
                (request, status, message) -> HttpResponse.of(status == 413 ? 400 : status, "application/json",
                        ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8)),
                io.otelier.helper.http.internal.NopLogger.INSTANCE);
        servers.add(server);
        var response = jdk.send(java.net.http.HttpRequest.newBuilder(uri(server, "/echo"))
                .header("Content-Encoding", "br").POST(BodyPublishers.ofString("x")).build(), BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"message\":\"unsupported Content-Encoding: br\"}");
    }

    @Test
    void concurrentRequestsAreServedInParallel() throws Exception {
        CountDownLatch together = new CountDownLatch(8);
        AtomicInteger served = new AtomicInteger();
        HttpServer server = start(loopback(), Map.of("/slow", r -> {
            together.countDown();
            // every request waits for all eight to arrive: only possible if they run at once
            together.await(5, TimeUnit.SECONDS);
            served.incrementAndGet();
            return HttpResponse.of(200, "text/plain", r.body());
        }));
        ConfiguredHttpClient client = HttpClients.create(HttpClientSettings.defaults());
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<HttpResult>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                byte[] body = ("req-" + i).getBytes(StandardCharsets.UTF_8);
                results.add(pool.submit(() -> client.post(uri(server, "/slow"), "text/plain", body)));
            }
            for (int i = 0; i < results.size(); i++) {
                HttpResult r = results.get(i).get(20, TimeUnit.SECONDS);
                assertThat(r.status()).isEqualTo(200);
                assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("req-" + i);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(together.getCount()).isZero();
        assertThat(served).hasValue(64);
    }

    @Test
    void stopReleasesThePortAndEndsEveryThread() throws Exception {
        HttpServer server = HttpServers.start(loopback(), Map.of("/echo", echo));
        int port = server.address().getPort();
        jdk.send(java.net.http.HttpRequest.newBuilder(uri(server, "/echo")).POST(BodyPublishers.ofString("x")).build(),
                BodyHandlers.discarding());
        assertThat(serverThreads()).isNotEmpty();
        server.stop();
        try (ServerSocket again = new ServerSocket()) {
            again.setReuseAddress(true);
            again.bind(new InetSocketAddress("127.0.0.1", port));
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
        // a stopped event loop's thread exits just after its termination is signalled
        assertThat(serverThreadsOnceSettled(List::isEmpty)).isEmpty();
        server.stop(); // idempotent
    }

    @Test
    void stopDrainsInFlightRequests() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        HttpServer server = HttpServers.start(loopback(), Map.of("/slow", r -> {
            entered.countDown();
            Thread.sleep(300);
            return HttpResponse.of(200, "text/plain", "done".getBytes(StandardCharsets.UTF_8));
        }));
        int port = server.address().getPort();
        try (RawHttp idle = new RawHttp(server.address()); RawHttp busy = new RawHttp(server.address())) {
            idle.write("POST /slow HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
            entered.await(5, TimeUnit.SECONDS);
            assertThat(idle.read().status()).isEqualTo(200);
            busy.write("POST /slow HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
            Thread.sleep(50);
            long start = System.nanoTime();
            server.stop(Duration.ofSeconds(5));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
            RawHttp.Response r = busy.read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("done");
            assertThat(r.header("connection")).isEqualTo("close");
            assertThat(idle.closedByServer()).isTrue();
        }
        assertThatThrownBy(() -> new RawHttp(new InetSocketAddress("127.0.0.1", port)))
                .isInstanceOf(IOException.class);
    }

    @Test
    void bindingABusyPortFailsWithGosWording() throws Exception {
        HttpServer first = start(loopback());
        String endpoint = "127.0.0.1:" + first.address().getPort();
        int threadsBefore = serverThreads().size();
        assertThatThrownBy(() -> HttpServers.start(HttpServerSettings.defaults(endpoint), Map.of()))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("listen tcp " + endpoint + ": bind: address already in use");
        // the failed server ended the threads it had started
        assertThat(serverThreadsOnceSettled(t -> t.size() == threadsBefore)).hasSize(threadsBefore);
    }

    @Test
    void headerTimeoutClosesSlowClients() throws Exception {
        HttpServer server = start(loopback().withTimeouts(Duration.ZERO, Duration.ofMillis(200), Duration.ZERO));
        try (RawHttp raw = new RawHttp(server.address())) {
            raw.write("POST /echo HTTP/1.1\r\nHost: x\r\n");
            long start = System.nanoTime();
            assertThat(raw.closedByServer()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void idleTimeoutClosesKeptAliveConnections() throws Exception {
        HttpServer server = start(loopback().withKeepalive(new KeepaliveServerSettings(true, Duration.ofMillis(200))));
        try (RawHttp raw = new RawHttp(server.address())) {
            raw.write("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\nx");
            assertThat(raw.read().status()).isEqualTo(200);
            assertThat(raw.closedByServer()).isTrue();
        }
    }

    @Test
    void writeTimeoutDropsAnswersThatComeTooLate() throws Exception {
        HttpServer server = start(loopback().withTimeouts(Duration.ZERO, Duration.ofMinutes(1), Duration.ofMillis(200)),
                Map.of("/slow", r -> {
                    Thread.sleep(1000);
                    return HttpResponse.of(200, "text/plain", new byte[0]);
                }));
        try (RawHttp raw = new RawHttp(server.address())) {
            raw.write("POST /slow HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
            assertThatThrownBy(raw::read).isInstanceOf(IOException.class);
        }
    }

    @Test
    void malformedRequestsAre400AndClose() throws Exception {
        HttpServer server = start(loopback());
        try (RawHttp raw = new RawHttp(server.address())) {
            raw.write("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n");
            assertThat(raw.read().status()).isEqualTo(400);
        }
    }

    /** Server threads once {@code settled} holds, or as they are after 5 seconds. */
    static List<Thread> serverThreadsOnceSettled(java.util.function.Predicate<List<Thread>> settled)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<Thread> threads = serverThreads();
        while (!settled.test(threads) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            threads = serverThreads();
        }
        return threads;
    }

    /** Threads of every server in this JVM; tests run one at a time, so those of the test at hand. */
    static List<Thread> serverThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("otelier-http-") && t.isAlive()).toList();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }
}
