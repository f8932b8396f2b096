package io.otelier.tests.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hot-swap load test (issue 5, bounded to about 75 s): OTLP/HTTP clients send more than 5,000 spans/s for
 * 60 s into pipeline "traces" (otlp → batch → otlp_http, whose bundle is updated 10 times) while the config is
 * reloaded 10 times (half of them invalid); pipeline "traces/steady" (its own receiver, nop exporter) shares
 * nothing with the swapped bundle. Every span the client got a success for must reach the sink.
 */
class HotSwapLoadTest {

    private static final Path DIST = Path.of(System.getProperty("otelier.dist"));
    private static final long RUN_NANOS = Duration.ofSeconds(60).toNanos();
    private static final int SPANS_PER_REQUEST = 100;
    private static final int SWAPPED_CLIENTS = 4;
    /** Requests per second per client: 4 × 15 × 100 = 6,000 spans/s offered. */
    private static final int RATE_PER_CLIENT = 15;

    /** First arrival (nanoTime) of each span id at the sink, and how many arrived more than once. */
    private static final class TimedSink implements AutoCloseable {
        final ConcurrentHashMap<Long, Long> arrivals = new ConcurrentHashMap<>();
        final AtomicLong duplicates = new AtomicLong();
        private final HttpServer server;

        TimedSink() throws Exception {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
            server.setExecutor(Executors.newFixedThreadPool(2));
            server.createContext("/v1/traces", ex -> {
                try (ex) {
                    InputStream in = ex.getRequestBody();
                    if ("gzip".equalsIgnoreCase(ex.getRequestHeaders().getFirst("Content-Encoding"))) {
                        in = new GZIPInputStream(in);
                    }
                    ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(in.readAllBytes());
                    long now = System.nanoTime();
                    for (ResourceSpans rs : request.getResourceSpansList()) {
                        for (ScopeSpans ss : rs.getScopeSpansList()) {
                            for (Span s : ss.getSpansList()) {
                                if (arrivals.putIfAbsent(Long.parseLong(s.getName()), now) != null) {
                                    duplicates.incrementAndGet();
                                }
                            }
                        }
                    }
                    ex.sendResponseHeaders(200, -1);
                }
            });
            server.start();
        }

        String endpoint() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** What one sending client saw. */
    private static final class ClientStats {
        /** span id → nanoTime the acknowledged attempt was sent. */
        final ConcurrentHashMap<Long, Long> acked = new ConcurrentHashMap<>();
        final List<long[]> requestLatencies = Collections.synchronizedList(new ArrayList<>());
        final AtomicLong refusals = new AtomicLong();
        final AtomicLong sentSpans = new AtomicLong();
    }

    /** Intervals (nanoTime) during which a bundle update or a reload was in progress, plus a second after. */
    private final List<long[]> swapWindows = Collections.synchronizedList(new ArrayList<>());

    @Test
    void updatesAndReloadsUnderLoadLoseNothing(@TempDir Path work) throws Exception {
        int swappedPort = freePort();
        int steadyPort = freePort();
        try (TimedSink sink = new TimedSink()) {
            Path config = work.resolve("config.yaml");
            Files.writeString(config, config(swappedPort, steadyPort, sink.endpoint(), "50ms"));
            try (HotSwapCollector c = HotSwapCollector.start(DIST, work, config)) {
                ClientStats swapped = new ClientStats();
                ClientStats steady = new ClientStats();
                AtomicBoolean running = new AtomicBoolean(true);
                AtomicLong ids = new AtomicLong();
                List<Thread> clients = new ArrayList<>();
                for (int i = 0; i < SWAPPED_CLIENTS; i++) {
                    clients.add(client("swapped-" + i, swappedPort, RATE_PER_CLIENT, SPANS_PER_REQUEST, ids, swapped,
                            running));
                }
                clients.add(client("steady", steadyPort, 20, 50, ids, steady, running));
                long start = System.nanoTime();
                clients.forEach(Thread::start);

                String jar = c.home.resolve("bundles/exporter-otlp-http-0.1.0-SNAPSHOT.jar").toString();
                int updates = 0;
                int validReloads = 0;
                int invalidReloads = 0;
                Thread.sleep(4_000);
                for (int step = 0; step < 20; step++) {
                    long from = System.nanoTime();
                    if (step % 2 == 0) {
                        HttpResponse<String> r = c.admin("POST", "/v1/bundles/update?bsn=io.otelier.exporter-otlp-http",
                                jar);
                        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                        c.awaitPipelinesOk();
                        updates++;
                    } else if (step % 4 == 1) {
                        Files.writeString(config, config(swappedPort, steadyPort, sink.endpoint(),
                                validReloads % 2 == 0 ? "100ms" : "50ms"));
                        HttpResponse<String> r = c.admin("POST", "/v1/reload", "");
                        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                        validReloads++;
                    } else {
                        String valid = Files.readString(config);
                        Files.writeString(config, valid.replace("timeout: ", "timeout: not-a-duration-"));
                        HttpResponse<String> r = c.admin("POST", "/v1/reload", "");
                        assertThat(r.statusCode()).isEqualTo(400);
                        assertThat(r.body()).contains("the running pipelines are kept");
                        assertThat(c.admin("GET", "/v1/pipelines", "").body())
                                .contains("traces: OK").contains("traces/steady: OK");
                        Files.writeString(config, valid);
                        invalidReloads++;
                    }
                    swapWindows.add(new long[] {from, System.nanoTime() + 1_000_000_000L});
                    Thread.sleep(Math.max(0, (start + (step + 2) * 2_800_000_000L - System.nanoTime()) / 1_000_000));
                }
                long left = RUN_NANOS - (System.nanoTime() - start);
                if (left > 0) {
                    Thread.sleep(left / 1_000_000);
                }
                running.set(false);
                for (Thread t : clients) {
                    t.join(30_000);
                }
                double seconds = (System.nanoTime() - start) / 1e9;

                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (System.nanoTime() < deadline && !sink.arrivals.keySet().containsAll(swapped.acked.keySet())) {
                    Thread.sleep(200);
                }
                List<Long> lost = swapped.acked.keySet().stream().filter(id -> !sink.arrivals.containsKey(id)).toList();

                List<Long> e2eSwapping = new ArrayList<>();
                List<Long> e2eQuiet = new ArrayList<>();
                swapped.acked.forEach((id, sent) -> {
                    Long arrived = sink.arrivals.get(id);
                    if (arrived != null) {
                        (duringSwap(sent) ? e2eSwapping : e2eQuiet).add(arrived - sent);
                    }
                });
                List<Long> steadySwapping = new ArrayList<>();
                List<Long> steadyQuiet = new ArrayList<>();
                synchronized (steady.requestLatencies) {
                    steady.requestLatencies.forEach(l -> (duringSwap(l[0]) ? steadySwapping : steadyQuiet).add(l[1]));
                }
                double rate = swapped.sentSpans.get() / seconds;
                System.out.printf("hot swap load: %.1f s, %d updates, %d valid + %d invalid reloads%n", seconds, updates,
                        validReloads, invalidReloads);
                System.out.printf("hot swap load: swapped pipeline offered %.0f spans/s, %d acknowledged, %d lost, %d"
                        + " duplicates, %d retryable refusals seen by the client%n", rate, swapped.acked.size(),
                        lost.size(), sink.duplicates.get(), swapped.refusals.get());
                System.out.printf("hot swap load: end-to-end p99 %.1f ms during swaps (%d spans), %.1f ms without"
                        + " (%d spans)%n", p99(e2eSwapping), e2eSwapping.size(), p99(e2eQuiet), e2eQuiet.size());
                System.out.printf("hot swap load: steady pipeline %d refusals, request p99 %.1f ms during swaps, %.1f"
                        + " ms without%n", steady.refusals.get(), p99(steadySwapping), p99(steadyQuiet));

                assertThat(updates).isEqualTo(10);
                assertThat(validReloads + invalidReloads).isEqualTo(10);
                assertThat(rate).as("offered load").isGreaterThanOrEqualTo(5_000);
                assertThat(lost).as("acknowledged spans missing at the sink").isEmpty();
                assertThat(steady.refusals.get()).as("retryable refusals on the steady pipeline").isZero();
                assertThat(p99(steadySwapping)).as("steady pipeline p99 during swaps")
                        .isLessThanOrEqualTo(3 * p99(steadyQuiet) + 50);
                assertThat(c.log()).contains("Config reload rejected; the running pipelines are kept");
            }
        }
    }

    private boolean duringSwap(long nanos) {
        synchronized (swapWindows) {
            for (long[] w : swapWindows) {
                if (nanos >= w[0] && nanos <= w[1]) {
                    return true;
                }
            }
        }
        return false;
    }

    private static double p99(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.99) - 1)) / 1e6;
    }

    /**
     * A client sending {@code rate} requests/s of {@code spans} spans each, numbered by {@code ids}; a refused
     * request is retried with the same spans (as OTLP clients do), so retries may become duplicates.
     */
    private static Thread client(String name, int port, int rate, int spans, AtomicLong ids, ClientStats stats,
            AtomicBoolean running) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create("http://127.0.0.1:" + port + "/v1/traces");
        Thread t = new Thread(() -> {
            long period = 1_000_000_000L / rate;
            long next = System.nanoTime();
            while (running.get()) {
                long first = ids.getAndAdd(spans);
                byte[] body = request(first, spans);
                stats.sentSpans.addAndGet(spans);
                while (running.get()) {
                    long sent = System.nanoTime();
                    int status;
                    try {
                        status = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15))
                                .header("Content-Type", "application/x-protobuf")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (Exception e) {
                        status = -1;
                    }
                    long done = System.nanoTime();
                    if (status == 200) {
                        for (long id = first; id < first + spans; id++) {
                            stats.acked.put(id, sent);
                        }
                        stats.requestLatencies.add(new long[] {sent, done - sent});
                        break;
                    }
                    stats.refusals.incrementAndGet();
                    sleep(100);
                }
                next += period;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    sleep(wait / 1_000_000);
                } else {
                    next = System.nanoTime();
                }
            }
        }, "load-" + name);
        t.setDaemon(true);
        return t;
    }

    private static byte[] request(long first, int spans) {
        ScopeSpans.Builder scope = ScopeSpans.newBuilder();
        for (long id = first; id < first + spans; id++) {
            ByteString spanId = ByteString.copyFrom(ByteBuffer.allocate(8).putLong(id + 1).array());
            ByteString traceId = ByteString.copyFrom(ByteBuffer.allocate(16).putLong(first + 1).putLong(id + 1).array());
            scope.addSpans(Span.newBuilder().setName(Long.toString(id)).setTraceId(traceId).setSpanId(spanId)
                    .setStartTimeUnixNano(1).setEndTimeUnixNano(2));
        }
        return ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder().addScopeSpans(scope))
                .build().toByteArray();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String config(int swappedPort, int steadyPort, String sink, String batchTimeout) {
        return """
                receivers:
                  otlp:
                    protocols:
                      http:
                        endpoint: 127.0.0.1:%d
                  otlp/steady:
                    protocols:
                      http:
                        endpoint: 127.0.0.1:%d
                processors:
                  batch:
                    timeout: %s
                exporters:
                  otlp_http:
                    endpoint: %s
                  nop:
                extensions:
                  otelier_admin:
                service:
                  extensions: [otelier_admin]
                  telemetry:
                    metrics:
                      level: none
                  pipelines:
                    traces:
                      receivers: [otlp]
                      processors: [batch]
                      exporters: [otlp_http]
                    traces/steady:
                      receivers: [otlp/steady]
                      exporters: [nop]
                """.formatted(swappedPort, steadyPort, batchTimeout, sink);
    }
}
