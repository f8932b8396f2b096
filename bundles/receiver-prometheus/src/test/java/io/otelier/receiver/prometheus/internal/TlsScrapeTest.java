package io.otelier.receiver.prometheus.internal;

import static io.otelier.receiver.prometheus.internal.ScrapeFixture.gaugeValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.otelier.pdata.Metrics;
import io.otelier.testkit.RecordingLogger;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** https targets: a self-signed server certificate (made with the JDK's keytool) and tls_config. */
class TlsScrapeTest {

    @TempDir
    static Path dir;

    private static HttpsServer server;
    private static Path caPem;
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor();

    @BeforeAll
    static void startServer() throws Exception {
        Path keystore = dir.resolve("server.p12");
        caPem = dir.resolve("server.pem");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-dname",
                "CN=localhost", "-ext", "san=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit");
        run(keytool, "-exportcert", "-rfc", "-alias", "server", "-keystore", keystore.toString(), "-storepass",
                "changeit", "-file", caPem.toString());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keystore)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ctx));
        server.createContext("/metrics", ex -> {
            byte[] body = "secure_metric 1\n".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
        DEADLINES.shutdownNow();
    }

    private static Metrics scrape(String tlsConfig, RecordingLogger logger) {
        PromConfig prom = PromConfigReader.read(new ConfigNode(new Yaml().load(
                "scrape_configs: [{job_name: tls, scheme: https, tls_config: " + tlsConfig + "}]"), "config"));
        ScrapeConfig cfg = prom.scrapeConfigs().get(0);
        ScrapeTarget target = ScrapeTarget.populate(cfg,
                Map.of("__address__", "127.0.0.1:" + server.getAddress().getPort()), Map.of());
        return new ScrapeLoop(cfg, target, Labels.EMPTY, false, "v", logger, new TargetFetcher(cfg, "ua", DEADLINES))
                .scrape(System.currentTimeMillis());
    }

    @Test
    void trustsTheConfiguredCa() {
        Metrics m = scrape("{ca_file: '" + caPem + "'}", new RecordingLogger());
        assertThat(gaugeValue(m, "up")).isEqualTo(1);
        assertThat(gaugeValue(m, "secure_metric")).isEqualTo(1);
    }

    @Test
    void anUnknownCertificateFailsTheScrape() {
        RecordingLogger logger = new RecordingLogger();
        Metrics m = scrape("{min_version: TLS12}", logger);
        assertThat(gaugeValue(m, "up")).isZero();
        assertThat(logger.entries()).anySatisfy(e -> assertThat(e.fields().toString()).contains("SSLHandshakeException"));
    }

    @Test
    void insecureSkipVerifyAcceptsIt() {
        Metrics m = scrape("{insecure_skip_verify: true}", new RecordingLogger());
        assertThat(gaugeValue(m, "up")).isEqualTo(1);
    }
}
