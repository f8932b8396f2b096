package io.otelier.helper.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.api.component.ComponentKind;
import io.otelier.api.component.Factory;
import io.otelier.api.config.ComponentConfig;
import io.otelier.helper.tls.TlsServerSettings;
import io.otelier.runtime.internal.config.ConfigBinder;
import io.otelier.runtime.internal.config.ConfigResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Upstream-shaped YAML bound by the collector's own binder onto a config holding both settings. */
class HttpSettingsBindingTest {

    /** A component-like config: a server section off until written, a client section always there. */
    record Section(HttpServerSettings http, HttpClientSettings client) implements ComponentConfig {
    }

    @TempDir
    Path dir;

    @Test
    void everyImplementedUpstreamKeyBinds() {
        Section s = bind("""
                http:
                  endpoint: 0.0.0.0:4318
                  transport: tcp4
                  max_request_body_size: 1048576
                  include_metadata: true
                  response_headers:
                    X-Served-By: otelier
                  compression_algorithms: ["", gzip, zstd]
                  read_timeout: 10s
                  read_header_timeout: 5s
                  write_timeout: 1m30s
                  keepalive:
                    idle_timeout: 2m
                  cors:
                    allowed_origins: ["https://*.example.com"]
                    allowed_headers: [X-Custom]
                    exposed_headers: [X-Trace]
                    max_age: 7200
                  tls:
                    cert_file: /certs/server.crt
                    key_file: /certs/server.key
                    client_ca_file: /certs/ca.crt
                    min_version: "1.3"
                    cipher_suites: [TLS_AES_128_GCM_SHA256]
                client:
                  endpoint: https://backend:4318
                  proxy_url: http://proxy:3128
                  tls:
                    ca_file: /certs/ca.crt
                    insecure_skip_verify: true
                    server_name_override: backend.example.com
                  read_buffer_size: 4096
                  write_buffer_size: 524288
                  timeout: 30s
                  headers:
                    Authorization: Bearer token
                  compression: zstd
                  compression_params:
                    level: 9
                  max_conns_per_host: 4
                  force_attempt_http2: false
                  cookies:
                """);
        HttpServerSettings http = s.http();
        assertThat(http.endpoint()).isEqualTo("0.0.0.0:4318");
        assertThat(http.transport()).isEqualTo("tcp4");
        assertThat(http.maxRequestBodySize()).isEqualTo(1048576);
        assertThat(http.includeMetadata()).isTrue();
        assertThat(http.responseHeaders()).containsEntry("X-Served-By", "otelier");
        assertThat(http.compressionAlgorithms()).containsExactly("", "gzip", "zstd");
        assertThat(http.readTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(http.readHeaderTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(http.writeTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(http.keepalive()).isEqualTo(new KeepaliveServerSettings(true, Duration.ofMinutes(2)));
        assertThat(http.cors()).isEqualTo(new CorsSettings(List.of("https://*.example.com"), List.of("X-Custom"),
                List.of("X-Trace"), 7200));
        TlsServerSettings tls = http.tls();
        assertThat(tls.certFile()).isEqualTo("/certs/server.crt");
        assertThat(tls.clientCaFile()).isEqualTo("/certs/ca.crt");
        assertThat(tls.minVersion()).isEqualTo("1.3");
        assertThat(tls.cipherSuites()).containsExactly("TLS_AES_128_GCM_SHA256");

        HttpClientSettings client = s.client();
        assertThat(client.endpoint()).isEqualTo("https://backend:4318");
        assertThat(client.proxyUrl()).isEqualTo("http://proxy:3128");
        assertThat(client.tls().caFile()).isEqualTo("/certs/ca.crt");
        assertThat(client.tls().insecureSkipVerify()).isTrue();
        assertThat(client.tls().serverNameOverride()).isEqualTo("backend.example.com");
        assertThat(client.tls().minVersion()).isEqualTo("1.2");
        assertThat(client.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(client.headers()).containsEntry("Authorization", "Bearer token");
        assertThat(client.compression()).isEqualTo("zstd");
        assertThat(client.compressionParams().level()).isEqualTo(9);
        assertThat(client.maxConnsPerHost()).isEqualTo(4);
        assertThat(client.forceAttemptHttp2()).isFalse();
        assertThat(client.cookies()).isNotNull();
    }

    @Test
    void bareSectionsTakeTheirDefaults() {
        Section s = bind("http:\n  keepalive:\n    enabled: false\nclient:\n  endpoint: http://x:4318\n");
        assertThat(s.http()).isEqualTo(HttpServerSettings.defaults().withKeepalive(
                new KeepaliveServerSettings(false, Duration.ofMinutes(1))));
        assertThat(s.client()).isEqualTo(HttpClientSettings.defaults("http://x:4318"));
        assertThat(bind("http:\n  endpoint: localhost:4318\n  cors:\n").http().cors()).isEqualTo(CorsSettings.defaults());
        assertThat(bind("client:\n  endpoint: http://x:1\n").http()).isNull();
    }

    @Test
    void unsupportedKeysSayNotSupported() {
        assertThatThrownBy(() -> bind("http:\n  auth:\n    authenticator: basicauth\n"))
                .hasMessageContaining("receivers::test::http::auth: is not supported by this distribution yet");
        assertThatThrownBy(() -> bind("client:\n  keepalive:\n    max_idle_conns: 10\n"))
                .hasMessageContaining("receivers::test::client::keepalive: is not supported by this distribution yet");
        assertThatThrownBy(() -> bind("http:\n  tls:\n    cert_file: a\n    key_file: b\n    reload_interval: 1m\n"))
                .hasMessageContaining("receivers::test::http::tls::reload_interval: is not supported");
    }

    @Test
    void validationErrorsCarryTheFullPath() {
        assertThatThrownBy(() -> bind("http:\n  endpoint: localhost\n"))
                .hasMessageContaining("receivers::test::http::endpoint: address localhost: missing port in address");
        assertThatThrownBy(() -> bind("http:\n  endpoint: localhost:4318\n  tls:\n    cert_file: a.pem\n"))
                .hasMessageContaining("receivers::test::http::tls: TLS configuration must include both certificate "
                        + "and key (CertFile/CertPem and KeyFile/KeyPem)");
        assertThatThrownBy(() -> bind("http:\n  endpoint: localhost:4318\n  tls:\n"))
                .hasMessageContaining("receivers::test::http::tls: TLS configuration must include both certificate "
                        + "and key for server connections");
        assertThatThrownBy(() -> bind("client:\n  compression: br\n"))
                .hasMessageContaining("receivers::test::client::compression: unsupported compression type \"br\"");
        assertThatThrownBy(() -> bind("client:\n  tls:\n    min_version: \"1.4\"\n"))
                .hasMessageContaining("receivers::test::client::tls: invalid TLS min_version: unsupported TLS "
                        + "version: \"1.4\"");
        assertThatThrownBy(() -> bind("http:\n  endpoint: localhost:4318\n  max_request_body: 5\n"))
                .hasMessageContaining("max_request_body");
    }

    private Section bind(String yaml) {
        Path file = dir.resolve("config.yaml");
        try {
            Files.writeString(file, "receivers:\n  test:\n" + yaml.indent(4));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        ConfigResolver.Resolved resolved = new ConfigResolver(name -> null).resolve(List.of(file.toString()), List.of());
        @SuppressWarnings("unchecked")
        Object raw = ((Map<String, Object>) resolved.tree().get("receivers")).get("test");
        return new ConfigBinder(resolved.sources()).bind(List.of("receivers", "test"), new TestFactory(), raw);
    }

    private static final class TestFactory implements Factory<Section> {
        @Override
        public ComponentKind kind() {
            return ComponentKind.RECEIVER;
        }

        @Override
        public String type() {
            return "test";
        }

        @Override
        public Class<Section> configClass() {
            return Section.class;
        }

        @Override
        public Section createDefaultConfig() {
            return new Section(null, HttpClientSettings.defaults());
        }

        @Override
        public Set<String> unsupportedKeys() {
            Set<String> keys = new HashSet<>(HttpServerSettings.unsupportedKeysUnder("http"));
            keys.addAll(HttpClientSettings.unsupportedKeysUnder("client"));
            return keys;
        }
    }
}
