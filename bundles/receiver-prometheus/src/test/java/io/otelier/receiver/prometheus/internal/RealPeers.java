package io.otelier.receiver.prometheus.internal;

import static org.assertj.core.api.Assertions.fail;

import io.otelier.testkit.Ports;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Prometheus and node-exporter, started as processes on free loopback ports. Missing binaries skip
 * the test with the reason, unless {@code OTELIER_REQUIRE_PEERS} is set (CI installs them): then they fail it.
 */
final class RealPeers implements AutoCloseable {

    static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    static final Path NODE_EXPORTER = Path.of("/usr/bin/prometheus-node-exporter");

    private final List<Process> processes = new ArrayList<>();
    private final Path dir;

    RealPeers(Path dir) {
        this.dir = dir;
    }

    static void require(Path binary) {
        if (Files.isExecutable(binary)) {
            return;
        }
        String reason = binary + " is not installed (Debian packages prometheus and prometheus-node-exporter)";
        if (System.getenv("OTELIER_REQUIRE_PEERS") != null) {
            fail("OTELIER_REQUIRE_PEERS is set but " + reason);
        }
        Assumptions.abort(reason + "; set OTELIER_REQUIRE_PEERS to make this a failure");
    }

    /** @return host:port */
    String startNodeExporter() throws IOException, InterruptedException {
        require(NODE_EXPORTER);
        String address = "127.0.0.1:" + Ports.freeLoopbackPort();
        start("node-exporter", NODE_EXPORTER.toString(), "--web.listen-address=" + address);
        awaitOk("http://" + address + "/metrics");
        return address;
    }

    /** @return host:port */
    String startPrometheus() throws IOException, InterruptedException {
        require(PROMETHEUS);
        String address = "127.0.0.1:" + Ports.freeLoopbackPort();
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, "global: {scrape_interval: 1m}\n");
        start("prometheus", PROMETHEUS.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("prometheus-data"), "--web.listen-address=" + address);
        awaitOk("http://" + address + "/-/ready");
        return address;
    }

    private void start(String name, String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile()).start();
        processes.add(p);
    }

    private static void awaitOk(String url) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
                c.setConnectTimeout(500);
                c.setReadTimeout(2000);
                if (c.getResponseCode() == 200) {
                    c.getInputStream().readAllBytes();
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(100);
        }
        fail(url + " did not become ready within 20 s");
    }

    /** A plain text-format scrape, for comparing with what the receiver produced. */
    static byte[] scrapeText(String url) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setRequestProperty("Accept", "text/plain;version=0.0.4");
        try (var in = c.getInputStream()) {
            return in.readAllBytes();
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }
}
