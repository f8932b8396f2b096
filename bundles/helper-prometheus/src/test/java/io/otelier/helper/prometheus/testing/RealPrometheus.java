package io.otelier.helper.prometheus.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.otelier.testkit.Ports;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Prometheus (Debian's {@code prometheus} package) started by a test on a free loopback port, with its
 * own storage and the remote-write receiver on. Without the binary the test is skipped, unless
 * {@code OTELIER_REQUIRE_PEERS} is set (CI installs it): then it fails.
 */
public final class RealPrometheus implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path binary;
    private final Path dir;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;

    private RealPrometheus(Path binary, Path dir, int port) {
        this.binary = binary;
        this.dir = dir;
        this.port = port;
    }

    /**
     * Starts Prometheus and waits until it is ready.
     *
     * @param scrapeConfigs YAML list items under {@code scrape_configs:} (indented by two), or empty
     */
    public static RealPrometheus start(String scrapeConfigs) throws Exception {
        Path binary = binary();
        Path dir = Files.createTempDirectory("otelier-prometheus");
        Files.writeString(dir.resolve("prometheus.yml"), "global:\n  scrape_interval: 1s\n  evaluation_interval: 1h\n"
                + (scrapeConfigs.isEmpty() ? "" : "scrape_configs:\n" + scrapeConfigs));
        RealPrometheus prometheus = new RealPrometheus(binary, dir, Ports.freeLoopbackPort());
        prometheus.launch();
        return prometheus;
    }

    /** The binary on PATH; skips (or fails under OTELIER_REQUIRE_PEERS) when there is none. */
    public static Path binary() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String entry : path.split(File.pathSeparator)) {
            Path candidate = Path.of(entry.isEmpty() ? "." : entry, "prometheus");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        String reason = "prometheus is not on PATH (Debian: apt-get install prometheus)";
        if (System.getenv("OTELIER_REQUIRE_PEERS") != null) {
            throw new AssertionError(reason + "; OTELIER_REQUIRE_PEERS is set, so this fails instead of skipping");
        }
        assumeTrue(false, reason);
        throw new IllegalStateException("unreachable");
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public String remoteWriteUrl() {
        return url() + "/api/v1/write";
    }

    /** Stops the server (SIGTERM, which flushes its own WAL); the storage stays. */
    public void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            process = null;
        }
    }

    /** Starts it again on the same port and storage. */
    public void restart() throws Exception {
        stop();
        launch();
    }

    /** The label sets of an instant query's vector result. */
    public List<Map<String, String>> series(String promql) throws Exception {
        List<Map<String, String>> out = new ArrayList<>();
        for (JsonNode r : api("/api/v1/query?query=" + encode(promql)).path("data").path("result")) {
            Map<String, String> labels = new TreeMap<>();
            r.path("metric").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            out.add(labels);
        }
        return out;
    }

    /** The {@code [unix seconds, value]} pairs of each series of a range query. */
    public List<List<double[]>> range(String promql, double start, double end, double stepSeconds) throws Exception {
        List<List<double[]>> out = new ArrayList<>();
        for (JsonNode r : api("/api/v1/query_range?query=" + encode(promql) + "&start=" + start + "&end=" + end
                + "&step=" + stepSeconds).path("data").path("result")) {
            List<double[]> values = new ArrayList<>();
            r.path("values").forEach(v -> values.add(new double[] {v.get(0).asDouble(), v.get(1).asDouble()}));
            out.add(values);
        }
        return out;
    }

    /** The raw sample times (unix seconds) of each series a range selector such as {@code m[120s]} selects. */
    public List<List<Double>> sampleTimes(String rangeSelector) throws Exception {
        List<List<Double>> out = new ArrayList<>();
        for (JsonNode r : api("/api/v1/query?query=" + encode(rangeSelector)).path("data").path("result")) {
            List<Double> times = new ArrayList<>();
            r.path("values").forEach(v -> times.add(v.get(0).asDouble()));
            out.add(times);
        }
        return out;
    }

    /** Polls an instant query until it returns {@code atLeast} series or the time is up. */
    public List<Map<String, String>> awaitSeries(String promql, int atLeast, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        List<Map<String, String>> found = series(promql);
        while (found.size() < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(200);
            found = series(promql);
        }
        return found;
    }

    /** The active scrape targets' health, e.g. {@code up}. */
    public JsonNode targets() throws Exception {
        return api("/api/v1/targets");
    }

    public String log() throws IOException {
        return Files.readString(dir.resolve("prometheus.log"));
    }

    @Override
    public void close() throws Exception {
        stop();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private void launch() throws Exception {
        process = new ProcessBuilder(binary.toString(), "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + port,
                "--web.enable-remote-write-receiver", "--log.level=warn")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolve("prometheus.log").toFile())).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("prometheus exited: " + log());
            }
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(URI.create(url() + "/-/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("prometheus not ready in 30s: " + log());
    }

    private JsonNode api(String pathAndQuery) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url() + pathAndQuery))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(response.body());
        if (!"success".equals(body.path("status").asText())) {
            throw new IllegalStateException(pathAndQuery + " → " + response.body());
        }
        return body;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
