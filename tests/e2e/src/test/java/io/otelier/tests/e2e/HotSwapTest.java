package io.otelier.tests.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hot swap against the real distribution: bundles installed, uninstalled and updated in a running collector
 * through the CLI and the admin endpoint, with the config reloaded live.
 */
class HotSwapTest {

    private static final Path DIST = Path.of(System.getProperty("otelier.dist"));
    private static final Path GENERATOR = Path.of(System.getProperty("otelier.generator"));

    private static final String BASE = """
            receivers:
              otlp:
                protocols:
                  http:
                    endpoint: 127.0.0.1:0
            exporters:
              debug:
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
                  exporters: [debug]
            """;

    private static final String WITH_GENERATOR = """
            receivers:
              generator:
                items: 3
                batches: 2
              otlp:
                protocols:
                  http:
                    endpoint: 127.0.0.1:0
            exporters:
              debug:
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
                  exporters: [debug]
                traces/gen:
                  receivers: [generator]
                  exporters: [debug]
            """;

    @Test
    void anInstalledBundleRunsAfterAReloadAndItsUninstallStopsOnlyItsPipeline(@TempDir Path work) throws Exception {
        Path config = work.resolve("config.yaml");
        Files.writeString(config, BASE);
        try (HotSwapCollector c = HotSwapCollector.start(DIST, work, config)) {
            var installed = c.cli("bundles", "install", GENERATOR.toString());
            assertThat(installed.exit()).as(installed.err()).isZero();
            assertThat(installed.out()).contains("installed io.otelier.test-generator");
            assertThat(c.cli("bundles", "list").out()).contains("io.otelier.test-generator").contains("deploy/");

            Files.writeString(config, WITH_GENERATOR);
            var reload = c.cli("reload");
            assertThat(reload.exit()).as(reload.err()).isZero();
            c.awaitLog("generator done", 1, Duration.ofSeconds(20));
            c.awaitLog("\"spans\": 3", 2, Duration.ofSeconds(20));

            var uninstalled = c.cli("bundles", "uninstall", "io.otelier.test-generator");
            assertThat(uninstalled.exit()).as(uninstalled.err()).isZero();
            c.awaitLog("Pipeline waits for a component factory.*\"pipeline\": \"traces/gen\"", 1,
                    Duration.ofSeconds(10));
            assertThat(c.log()).contains("\"type\": \"generator\", \"pipelines\": \"traces/gen\"")
                    .contains("\"unchanged_pipelines\": \"traces\"");
            HttpResponse<String> pipelines = c.admin("GET", "/v1/pipelines", "");
            assertThat(pipelines.body()).contains("traces: OK").contains("traces/gen: waiting for receiver \"generator\"");
            assertThat(c.cli("components", "--live").out()).doesNotContain("name: generator");

            assertThat(c.cli("bundles", "install", GENERATOR.toString()).exit()).isZero();
            c.awaitLog("generator done", 2, Duration.ofSeconds(20));
            c.awaitLog("\"spans\": 3", 4, Duration.ofSeconds(20));
            assertThat(c.cli("components", "--live").out()).contains("name: generator")
                    .contains("module: io.otelier.test-generator 0.1.0");

            Files.writeString(config, "receivers: {broken");
            var rejected = c.cli("reload");
            assertThat(rejected.exit()).isEqualTo(1);
            assertThat(rejected.err()).contains("config reload rejected, the running pipelines are kept");
            assertThat(c.admin("GET", "/v1/pipelines", "").body()).contains("traces: OK").contains("traces/gen: OK");
        }
    }

    @Test
    void theCliExplainsWhenNoCollectorRuns(@TempDir Path work) throws Exception {
        var none = HotSwapCollector.cli(DIST, work, "bundles", "list");
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.err()).contains("no running collector with an admin endpoint found");
    }

    /**
     * 50 updates of one component bundle (the OTLP/HTTP exporter, used by the running pipeline): afterwards
     * the JVM has as many threads and bundle class loaders as before (each old revision was collected).
     */
    @Test
    void fiftyUpdatesLeakNeitherThreadsNorClassLoaders(@TempDir Path work) throws Exception {
        try (OtlpSink sink = new OtlpSink()) {
            Path config = work.resolve("config.yaml");
            Files.writeString(config, BASE.replace("  debug:\n", "  otlp_http:\n    endpoint: " + sink.endpoint() + "\n")
                    .replace("exporters: [debug]", "exporters: [otlp_http]"));
            try (HotSwapCollector c = HotSwapCollector.start(DIST, work, config)) {
                String jar = c.home.resolve("bundles/exporter-otlp-http-0.1.0-SNAPSHOT.jar").toString();
                for (int i = 0; i < 3; i++) {
                    update(c, jar);
                }
                int loadersBefore = bundleClassLoaders(c);
                int revisionsBefore = loadedRevisions(c);
                int threadsBefore = threads(c);
                for (int i = 0; i < 50; i++) {
                    update(c, jar);
                }
                int revisionsAfter = settledRevisions(c, revisionsBefore);
                int loadersAfter = bundleClassLoaders(c);
                int threadsAfter = settledThreads(c, threadsBefore);
                System.out.printf("hot swap leak check: threads %d -> %d, loaded revisions of the updated bundle %d -> %d"
                        + " (all bundle class loaders %d -> %d)%n", threadsBefore, threadsAfter, revisionsBefore,
                        revisionsAfter, loadersBefore, loadersAfter);
                assertThat(revisionsBefore).isEqualTo(1);
                assertThat(revisionsAfter).as("class loaders of the updated bundle").isEqualTo(revisionsBefore);
                assertThat(loadersAfter).as("no class loader per update").isLessThan(loadersBefore + 10);
                assertThat(threadsAfter).as("no thread per update").isLessThanOrEqualTo(threadsBefore + 2);
                assertThat(c.admin("GET", "/v1/pipelines", "").body()).contains("traces: OK");
            }
        }
    }

    /**
     * Updating an infrastructure bundle (pdata) refreshes everything wired to it: the runtime drains and stops,
     * the launcher starts the collector again on the new bundles; a client that retries loses nothing.
     */
    @Test
    void anInfrastructureUpdateRestartsTheWholeGraphLosingNothing(@TempDir Path work) throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (OtlpSink sink = new OtlpSink()) {
            Path config = work.resolve("config.yaml");
            Files.writeString(config, BASE.replace("127.0.0.1:0", "127.0.0.1:" + port)
                    .replace("  debug:\n", "  otlp_http:\n    endpoint: " + sink.endpoint() + "\n")
                    .replace("exporters: [debug]", "exporters: [otlp_http]"));
            try (HotSwapCollector c = HotSwapCollector.start(DIST, work, config)) {
                java.util.Set<String> acked = java.util.concurrent.ConcurrentHashMap.newKeySet();
                java.util.concurrent.atomic.AtomicBoolean sending = new java.util.concurrent.atomic.AtomicBoolean(true);
                Thread client = new Thread(() -> sendUntilStopped(port, acked, sending), "infra-client");
                client.start();
                Thread.sleep(1_000);
                String jar = c.home.resolve("bundles/pdata-0.1.0-SNAPSHOT.jar").toString();
                HttpResponse<String> r = c.admin("POST", "/v1/bundles/update?bsn=io.otelier.pdata", jar);
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                assertThat(r.body()).contains("updating infrastructure bundle io.otelier.pdata");
                c.awaitLog("restarting the collector", 1, Duration.ofSeconds(60));
                c.awaitLog("Everything is ready", 2, Duration.ofSeconds(60));
                Thread.sleep(1_000);
                sending.set(false);
                client.join(30_000);
                assertThat(sink.await(() -> new java.util.HashSet<>(sink.spanNames()).containsAll(acked), 30))
                        .as("every acknowledged span reached the sink").isTrue();
                System.out.printf("infrastructure update: %d spans acknowledged, all delivered%n", acked.size());
                assertThat(acked).as("spans sent around the restart").hasSizeGreaterThan(20);
                assertThat(c.process.isAlive()).isTrue();
            }
        }
    }

    /** One span per OTLP/HTTP request, each retried (refused, or no listener while restarting) until accepted. */
    private static void sendUntilStopped(int port, java.util.Set<String> acked,
            java.util.concurrent.atomic.AtomicBoolean sending) {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (int i = 0; sending.get(); i++) {
            String name = "span-" + i;
            byte[] body = io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest.newBuilder()
                    .addResourceSpans(io.opentelemetry.proto.trace.v1.ResourceSpans.newBuilder().addScopeSpans(
                            io.opentelemetry.proto.trace.v1.ScopeSpans.newBuilder().addSpans(
                                    io.opentelemetry.proto.trace.v1.Span.newBuilder().setName(name)
                                            .setTraceId(com.google.protobuf.ByteString.copyFrom(new byte[16]).concat(
                                                    com.google.protobuf.ByteString.EMPTY))
                                            .setSpanId(com.google.protobuf.ByteString.copyFrom(
                                                    java.nio.ByteBuffer.allocate(8).putLong(i + 1).array())))))
                    .build().toByteArray();
            while (sending.get()) {
                try {
                    int status = http.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://127.0.0.1:" + port + "/v1/traces"))
                            .header("Content-Type", "application/x-protobuf").timeout(Duration.ofSeconds(10))
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                            java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status == 200) {
                        acked.add(name);
                        break;
                    }
                } catch (java.io.IOException e) {
                    // the receiver is restarting: retry
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void update(HotSwapCollector c, String jar) throws Exception {
        HttpResponse<String> r = c.admin("POST", "/v1/bundles/update?bsn=io.otelier.exporter-otlp-http", jar);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        c.awaitPipelinesOk();
    }

    /** Live threads, a moment after a full GC (HTTP clients' selector threads end once their client is collected). */
    private static int threads(HotSwapCollector c) throws Exception {
        Thread.sleep(2_000);
        return CollectorProcess.count(Pattern.compile("(?m)^\""), c.jcmd("Thread.print"));
    }

    /**
     * Live threads once pool threads still winding down have ended (grpc spares after 5 s idle, JDK HTTP client
     * selectors once their client is collected): up to 10 s, a full GC between readings.
     */
    private static int settledThreads(HotSwapCollector c, int target) throws Exception {
        int count = threads(c);
        for (int i = 0; i < 5 && count > target; i++) {
            c.jcmd("GC.run");
            count = threads(c);
        }
        return count;
    }

    /**
     * Bundle class loaders after up to a few full GCs a second apart: objects with cleaners (sockets, HTTP
     * clients) need more than one collection before what they reference can go.
     */
    private static int settledRevisions(HotSwapCollector c, int target) throws Exception {
        int count = loadedRevisions(c);
        for (int i = 0; i < 8 && count > target; i++) {
            Thread.sleep(1_000);
            count = loadedRevisions(c);
        }
        return count;
    }

    /**
     * Revisions of the OTLP/HTTP exporter bundle whose class loader is alive after a full GC: each has its own
     * copy of the enum SignalFormat, whose constants exist as long as its class loader does.
     */
    private static int loadedRevisions(HotSwapCollector c) throws Exception {
        return CollectorProcess.count(Pattern.compile("\\sio\\.otelier\\.exporter\\.otlp\\.http\\.internal\\.SignalFormat\\s"),
                c.jcmd("GC.class_histogram"));
    }

    /** Felix bundle class loaders alive after a full GC (the histogram forces one). */
    private static int bundleClassLoaders(HotSwapCollector c) throws Exception {
        String histogram = c.jcmd("GC.class_histogram");
        Matcher m = Pattern.compile("\\s(\\d+)\\s+\\d+\\s+org\\.apache\\.felix\\.framework\\.BundleWiringImpl\\$BundleClassLoader\\b")
                .matcher(histogram);
        if (!m.find()) {
            throw new AssertionError("no bundle class loaders in the histogram:\n" + histogram);
        }
        return Integer.parseInt(m.group(1));
    }
}
