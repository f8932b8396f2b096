package io.otelier.extension.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.api.config.ConfigException;
import io.otelier.runtime.admin.AdminDiscovery;
import io.otelier.runtime.admin.CollectorAdmin;
import io.otelier.testkit.TestHost;
import io.otelier.testkit.RecordingLogger;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminExtensionTest {

    /** A running collector as the extension sees it. */
    private static final class FakeCollector implements CollectorAdmin {
        Optional<String> reloadOutcome = Optional.empty();
        int reloads;

        @Override
        public Optional<String> reload(long timeoutMillis) {
            reloads++;
            return reloadOutcome;
        }

        @Override
        public String components() {
            return "receivers: []\n";
        }

        @Override
        public Map<String, String> pipelines() {
            Map<String, String> out = new LinkedHashMap<>();
            out.put("traces", "OK");
            out.put("traces/gen", "waiting for receiver \"generator\"");
            return out;
        }

        @Override
        public Optional<Path> deployFolder() {
            return Optional.empty();
        }
    }

    @Test
    void theEndpointMustBeLoopback() {
        new AdminConfig("127.0.0.1:0", "").validate();
        new AdminConfig("localhost:13199", "").validate();
        new AdminConfig("[::1]:13199", "").validate();
        for (String bad : List.of("0.0.0.0:13199", "127.0.0.1", "127.0.0.1:x", "127.0.0.1:70000")) {
            assertThatThrownBy(() -> new AdminConfig(bad, "").validate()).as(bad).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("endpoint");
        }
        assertThat(new AdminExtensionFactory().createDefaultConfig()).isEqualTo(new AdminConfig("127.0.0.1:0", ""));
        assertThat(new AdminExtensionFactory().type()).isEqualTo("otelier_admin");
    }

    @Test
    void lifecycleWritesPrivateFilesGuardsWithTheTokenAndCleansUp(@TempDir Path xdg) throws Exception {
        FakeCollector collector = new FakeCollector();
        int threadsBefore = Thread.activeCount();
        AdminExtension ext = new AdminExtension(AdminConfig.defaults(), new RecordingLogger(), () -> {
            throw new AssertionError("no bundle operation expected");
        }, () -> Optional.of(collector), Map.of("XDG_RUNTIME_DIR", xdg.toString()));
        ext.start(new TestHost());
        AdminDiscovery.Entry entry = AdminDiscovery.running(xdg.resolve("otelier")).get(0);
        assertThat(entry.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(entry.tokenFile()))).isEqualTo("rw-------");
        String token = Files.readString(entry.tokenFile()).strip();
        assertThat(token).hasSize(64);

        HttpClient http = HttpClient.newHttpClient();
        assertThat(call(http, entry, "GET", "/v1/pipelines", null).statusCode()).isEqualTo(401);
        assertThat(call(http, entry, "GET", "/v1/pipelines", "wrong").statusCode()).isEqualTo(401);
        HttpResponse<String> pipelines = call(http, entry, "GET", "/v1/pipelines", token);
        assertThat(pipelines.statusCode()).isEqualTo(200);
        assertThat(pipelines.body()).isEqualTo("traces: OK\ntraces/gen: waiting for receiver \"generator\"\n");
        assertThat(call(http, entry, "POST", "/v1/reload", token).body()).isEqualTo("config reloaded\n");
        collector.reloadOutcome = Optional.of("invalid configuration: boom");
        HttpResponse<String> rejected = call(http, entry, "POST", "/v1/reload", token);
        assertThat(rejected.statusCode()).isEqualTo(400);
        assertThat(rejected.body()).contains("the running pipelines are kept: invalid configuration: boom");
        assertThat(collector.reloads).isEqualTo(2);
        assertThat(call(http, entry, "GET", "/v1/nothing", token).statusCode()).isEqualTo(404);

        ext.shutdown();
        assertThat(entry.tokenFile()).doesNotExist();
        assertThat(AdminDiscovery.running(xdg.resolve("otelier"))).isEmpty();
        long deadline = System.currentTimeMillis() + 5_000;
        while (Thread.activeCount() > threadsBefore && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("otelier-admin"));
    }

    private static HttpResponse<String> call(HttpClient http, AdminDiscovery.Entry entry, String method, String path,
            String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://" + entry.endpoint() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aBundleIsKnownByItsManifest(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("b.jar");
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().putValue("Bundle-SymbolicName", "io.otelier.exporter-x;singleton:=true");
        m.getMainAttributes().putValue("Bundle-Version", "1.2.3.qualifier");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m)) {
            j.flush();
        }
        BundleOps.Identity id = BundleOps.identity(jar);
        assertThat(id.bsn()).isEqualTo("io.otelier.exporter-x");
        assertThat(id.version().toString()).isEqualTo("1.2.3.qualifier");

        Path plain = dir.resolve("plain.jar");
        try (OutputStream out = Files.newOutputStream(plain); JarOutputStream j = new JarOutputStream(out)) {
            j.flush();
        }
        assertThatThrownBy(() -> BundleOps.identity(plain)).isInstanceOf(BundleOps.OpException.class)
                .hasMessageContaining("not an OSGi bundle");
    }

    @Test
    void bundlesInstalledByReferenceAreListedByTheirFile() {
        assertThat(BundleOps.displayLocation("reference:file:/opt/otelcol/bundles/pdata.jar"))
                .isEqualTo("file:/opt/otelcol/bundles/pdata.jar");
        assertThat(BundleOps.displayLocation("file:/opt/otelcol/deploy/x.jar")).isEqualTo("file:/opt/otelcol/deploy/x.jar");
    }

    @Test
    void sourcesAreJarPathsOrMavenCoordinates(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("x.jar"), "");
        assertThat(BundleOps.resolve(jar.toString())).isEqualTo(jar);
        assertThatThrownBy(() -> BundleOps.resolve(dir.resolve("missing.jar").toString()))
                .isInstanceOf(BundleOps.OpException.class).hasMessageContaining("no such jar");
        assertThatThrownBy(() -> BundleOps.resolve("io.otelier:not-there:9.9.9-SNAPSHOT"))
                .isInstanceOf(BundleOps.OpException.class).hasMessageContaining("not in the local Maven repository");
    }
}
