package io.otelier.tests.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The core distribution as a user runs it: bin/otelcol starting Felix with the real bundles, plus the
 * test-only generator receiver dropped into deploy/.
 */
class DistributionTest {

    private static final Duration READY = Duration.ofSeconds(30);
    private static Path pristine;

    @TempDir
    Path work;

    @BeforeAll
    static void locateDistribution() {
        pristine = Paths.get(System.getProperty("otelier.dist")).toAbsolutePath().normalize();
        assertThat(pristine.resolve("bin/otelcol")).isExecutable();
    }

    /**
     * Hot swap addresses bundles by symbolic name ({@code otelcol bundles update <bsn>}): every Otelier bundle
     * must be named after its artifact, never after the parent pom that a module's bnd.bnd is evaluated in.
     */
    @Test
    void everyOtelierBundleIsNamedAfterItsArtifact() throws IOException {
        Pattern otelierJar = Pattern.compile("([a-z0-9-]+)-\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\.jar");
        int checked = 0;
        try (Stream<Path> jars = Files.list(pristine.resolve("bundles"))) {
            for (Path jar : (Iterable<Path>) jars::iterator) {
                String name;
                try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
                    name = file.getManifest().getMainAttributes().getValue("Bundle-SymbolicName");
                }
                var m = otelierJar.matcher(jar.getFileName().toString());
                if (name != null && name.startsWith("io.otelier.") && m.matches()) {
                    assertThat(name.split(";")[0]).as(jar.getFileName().toString()).isEqualTo("io.otelier." + m.group(1));
                    checked++;
                }
            }
        }
        assertThat(checked).as("Otelier bundles in the distribution").isGreaterThanOrEqualTo(10);
    }

    /** A copy of the distribution with the generator bundle in deploy/. */
    private Path distributionWithGenerator() throws IOException {
        Path copy = work.resolve("otelcol");
        try (Stream<Path> files = Files.walk(pristine)) {
            for (Path src : (Iterable<Path>) files::iterator) {
                Path dst = copy.resolve(pristine.relativize(src).toString());
                if (Files.isDirectory(src)) {
                    Files.createDirectories(dst);
                } else {
                    Files.copy(src, dst, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        Files.copy(Paths.get(System.getProperty("otelier.generator")), copy.resolve("deploy/test-generator.jar"));
        return copy;
    }

    private Path config(String name, String yaml) throws IOException {
        Path file = work.resolve(name);
        Files.writeString(file, yaml);
        return file;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String pipelineConfig(int metricsPort) {
        return """
                receivers:
                  generator:
                    items: 200
                  generator/metrics:
                    items: 50
                  generator/logs:
                    items: 3
                processors:
                  batch:
                    timeout: 100ms
                  memory_limiter:
                    check_interval: 1s
                    limit_percentage: 90
                    spike_limit_percentage: 10
                exporters:
                  debug:
                  nop:
                connectors:
                  forward:
                service:
                  telemetry:
                    metrics:
                      readers:
                        - pull:
                            exporter:
                              prometheus:
                                host: 127.0.0.1
                                port: %d
                  pipelines:
                    traces/in:
                      receivers: [generator]
                      processors: [memory_limiter, batch]
                      exporters: [debug, forward]
                    traces/out:
                      receivers: [forward]
                      exporters: [debug, nop]
                    metrics:
                      receivers: [generator/metrics]
                      processors: [batch]
                      exporters: [debug]
                    logs:
                      receivers: [generator/logs]
                      exporters: [debug]
                """.formatted(metricsPort);
    }

    @Test
    void dataFlowsThroughBatchDebugAndForwardAndIsCounted() throws Exception {
        Path dist = distributionWithGenerator();
        int port = freePort();
        Path cfg = config("pipelines.yaml", pipelineConfig(port));
        try (CollectorProcess c = CollectorProcess.start(dist, work, "--config", cfg.toString())) {
            c.awaitOutput("Everything is ready", 1, READY);
            assertThat(c.all()).containsPattern("Everything is ready.*startup_time");
            // traces/in delivers once to debug and once, via forward and traces/out, again to the same exporter
            c.awaitOutput(Pattern.quote("Traces {\"resource spans\": 1, \"spans\": 200}"), 2, READY);
            c.awaitOutput(Pattern.quote("Metrics {\"resource metrics\": 1, \"metrics\": 1, \"data points\": 50}"), 1,
                    READY);
            c.awaitOutput(Pattern.quote("Logs {\"resource logs\": 1, \"log records\": 3}"), 1, READY);

            String metrics = scrape(port);
            assertThat(metrics).containsPattern(
                    "otelcol_receiver_accepted_spans\\w*\\{[^}]*receiver=\"generator\"[^}]*\\} 200\\b");
            assertThat(metrics).containsPattern(
                    "otelcol_exporter_sent_spans\\w*\\{[^}]*exporter=\"debug\"[^}]*\\} 400\\b");
            assertThat(metrics).containsPattern(
                    "otelcol_exporter_sent_log_records\\w*\\{[^}]*exporter=\"debug\"[^}]*\\} 3\\b");
            assertThat(metrics).contains("otelcol_process_uptime");

            assertThat(c.terminate(Duration.ofSeconds(30))).isEqualTo(0);
            assertThat(c.all()).contains("Shutdown complete");
        }
    }

    private static String scrape(int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    @Test
    void sighupReloadsAndNeverKills() throws Exception {
        Path dist = distributionWithGenerator();
        int port = freePort();
        Path cfg = config("reload.yaml", pipelineConfig(port));
        try (CollectorProcess c = CollectorProcess.start(dist, work, "--config", cfg.toString())) {
            c.awaitOutput("Everything is ready", 1, READY);
            c.awaitOutput(Pattern.quote("\"spans\": 200}"), 2, READY);
            // an invalid config on reload is rejected and the old pipelines keep running
            Files.writeString(cfg, pipelineConfig(port).replace("items: 200", "itemz: 200"));
            c.signal("HUP");
            c.awaitOutput("Config reload rejected", 1, READY);
            assertThat(c.process.isAlive()).isTrue();
            // a valid one replaces the pipelines: the generator runs again with the new size
            Files.writeString(cfg, pipelineConfig(port).replace("items: 200", "items: 7"));
            c.signal("HUP");
            c.awaitOutput(Pattern.quote("Traces {\"resource spans\": 1, \"spans\": 7}"), 2, READY);
            assertThat(c.process.isAlive()).isTrue();
            assertThat(c.terminate(Duration.ofSeconds(30))).isEqualTo(0);
        }
    }

    @Test
    void sigtermDrainsWhatTheBatchProcessorStillHolds() throws Exception {
        Path dist = distributionWithGenerator();
        Path cfg = config("drain.yaml", """
                receivers:
                  generator:
                    items: 5
                processors:
                  batch:
                    timeout: 1h
                    send_batch_size: 1000
                exporters:
                  debug:
                service:
                  telemetry:
                    metrics:
                      level: none
                  pipelines:
                    traces:
                      receivers: [generator]
                      processors: [batch]
                      exporters: [debug]
                """);
        try (CollectorProcess c = CollectorProcess.start(dist, work, "--config", cfg.toString())) {
            c.awaitOutput("generator done", 1, READY);
            Thread.sleep(500);
            // the batch waits for 1000 spans or an hour: nothing has been exported yet
            assertThat(c.all()).doesNotContain("\"spans\": 5}");
            assertThat(c.terminate(Duration.ofSeconds(30))).isEqualTo(0);
            assertThat(c.all()).contains("Traces {\"resource spans\": 1, \"spans\": 5}");
        }
    }

    @Test
    void twoCollectorsRunSideBySideFromOneFolder() throws Exception {
        Path dist = distributionWithGenerator();
        Path a = config("a.yaml", pipelineConfig(freePort()));
        Path b = config("b.yaml", pipelineConfig(freePort()));
        try (CollectorProcess first = CollectorProcess.start(dist, work, "--config", a.toString());
                CollectorProcess second = CollectorProcess.start(dist, work, "--config", b.toString())) {
            first.awaitOutput("Everything is ready", 1, READY);
            second.awaitOutput("Everything is ready", 1, READY);
            assertThat(Files.exists(dist.resolve("felix-cache"))).isFalse();
            assertThat(first.terminate(Duration.ofSeconds(30))).isEqualTo(0);
            assertThat(second.terminate(Duration.ofSeconds(30))).isEqualTo(0);
        }
    }

    @Test
    void componentsListsTheLiveFactoriesAsYaml() throws Exception {
        Path dist = distributionWithGenerator();
        CollectorProcess c = CollectorProcess.run(dist, work, "components");
        assertThat(c.exitCode()).isEqualTo(0);
        String yaml = c.out();
        assertThat(yaml).startsWith("buildinfo:\n    command: otelcol\n");
        assertThat(yaml).contains("receivers:\n    - name: generator\n");
        for (String name : List.of("nop", "batch", "memory_limiter", "debug", "forward")) {
            assertThat(yaml).contains("    - name: " + name + "\n");
        }
        assertThat(yaml).containsPattern("module: io\\.otelier\\.exporter-debug \\S+");
        assertThat(yaml).contains("traces-to-traces:");
        // logs never go to stdout
        assertThat(yaml).doesNotContain("\tinfo\t");
    }

    @Test
    void versionAndHelp() throws Exception {
        CollectorProcess v = CollectorProcess.run(pristine, work, "--version");
        assertThat(v.exitCode()).isEqualTo(0);
        assertThat(v.out()).matches("otelcol version \\S+\\n");
        CollectorProcess h = CollectorProcess.run(pristine, work, "--help");
        assertThat(h.exitCode()).isEqualTo(0);
        assertThat(h.out()).contains("--config", "--set", "--feature-gates", "validate", "components");
    }

    @Test
    void usageAndConfigErrorsExitNonZeroWithOneLineAndNoStackTrace() throws Exception {
        Path bad = config("bad.yaml", """
                receivers:
                  nop:
                exporters:
                  debug:
                    verbositty: detailed
                service:
                  pipelines:
                    traces:
                      receivers: [nop]
                      exporters: [debug]
                """);
        record Case(String name, String[] args, String expected) {
        }
        List<Case> cases = List.of(
                new Case("unknown flag", new String[] {"--frobnicate"}, "unknown flag: --frobnicate"),
                new Case("unknown feature gate", new String[] {"--feature-gates", "no.such.gate", "--config",
                        bad.toString()}, "no such feature gate \"no.such.gate\""),
                new Case("missing file", new String[] {"--config", work.resolve("absent.yaml").toString()},
                        "absent.yaml"),
                new Case("unknown key", new String[] {"--config", bad.toString()}, "exporters::debug::verbositty"),
                new Case("validate unknown key", new String[] {"validate", "--config", bad.toString()},
                        "exporters::debug::verbositty"),
                new Case("no config", new String[] {}, "at least one config flag must be provided"));
        for (Case k : cases) {
            CollectorProcess c = CollectorProcess.run(pristine, work, k.args());
            assertThat(c.exitCode()).as(k.name()).isNotEqualTo(0);
            List<String> errorLines = Arrays.stream(c.err().split("\n")).filter(l -> l.startsWith("Error:")).toList();
            assertThat(errorLines).as(k.name() + ": " + c.err()).hasSize(1);
            assertThat(errorLines.get(0)).as(k.name()).contains(k.expected());
            assertThat(c.all()).as(k.name()).doesNotContain("\tat ").doesNotContain("Exception in thread");
        }
    }

    @Test
    void handsOnConfigsAreRejectedNamingTheMissingComponents() throws Exception {
        Path examples = Paths.get(System.getProperty("otelier.examples")).resolve("handson");
        record Case(String file, List<String> missing) {
        }
        for (Case k : List.of(new Case("log-collector.yaml", List.of("filelog")))) {
            CollectorProcess c = CollectorProcess.run(pristine, work, "validate", "--config",
                    examples.resolve(k.file()).toString());
            assertThat(c.exitCode()).as(k.file()).isNotEqualTo(0);
            assertThat(c.err()).as(k.file()).contains(k.missing()).contains("is not part of this distribution");
        }
    }

    @Test
    void handsOnMetricsConfigValidatesUnmodifiedWithDeprecationWarnings() throws Exception {
        Path config = Paths.get(System.getProperty("otelier.examples")).resolve("handson/metrics-collector.yaml");
        CollectorProcess c = CollectorProcess.run(pristine, work, "validate", "--config", config.toString());
        assertThat(c.exitCode()).as(c.all()).isEqualTo(0);
        assertThat(c.err()).contains("receivers::hostmetrics").contains("exporters::prometheusremotewrite")
                .contains("deprecated alias");
    }

    @Test
    void handsOnTraceConfigValidatesUnmodifiedWithADeprecationWarningForOtlp() throws Exception {
        Path config = Paths.get(System.getProperty("otelier.examples")).resolve("handson/trace-collector.yaml");
        CollectorProcess c = CollectorProcess.run(pristine, work, "validate", "--config", config.toString());
        assertThat(c.exitCode()).as(c.all()).isEqualTo(0);
        assertThat(c.err()).contains("exporters::otlp").contains("deprecated alias of \"otlp_grpc\"");
    }

    @Test
    void validateAcceptsAGoodConfigWithoutStartingAnything() throws Exception {
        Path dist = distributionWithGenerator();
        Path cfg = config("good.yaml", pipelineConfig(freePort()));
        CollectorProcess c = CollectorProcess.run(dist, work, "validate", "--config", cfg.toString());
        assertThat(c.exitCode()).as(c.all()).isEqualTo(0);
        assertThat(c.all()).doesNotContain("Everything is ready").doesNotContain("spans");
    }
}
