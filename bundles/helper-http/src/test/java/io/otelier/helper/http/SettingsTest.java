package io.otelier.helper.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.api.config.ConfigException;
import io.otelier.helper.tls.TlsClientSettings;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsTest {

    @Test
    void serverDefaultsAreUpstreams() {
        HttpServerSettings d = HttpServerSettings.defaults();
        assertThat(d.transport()).isEqualTo("tcp");
        assertThat(d.readHeaderTimeout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(d.writeTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(d.readTimeout()).isZero();
        assertThat(d.keepalive()).isEqualTo(new KeepaliveServerSettings(true, Duration.ofMinutes(1)));
        assertThat(d.tls()).isNull();
        assertThat(d.cors()).isNull();
        assertThat(d.maxRequestBodySize()).isZero();
        assertThat(d.effectiveMaxRequestBodySize()).isEqualTo(20L * 1024 * 1024);
        assertThat(d.compressionAlgorithms()).isNull();
        assertThat(d.effectiveCompressionAlgorithms())
                .containsExactly("", "gzip", "zstd", "zlib", "snappy", "deflate", "lz4", "x-snappy-framed");
        assertThat(d.effectiveIdleTimeout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(d.withKeepalive(new KeepaliveServerSettings(false, Duration.ofMinutes(1)))
                .withTimeouts(Duration.ofSeconds(7), Duration.ZERO, Duration.ZERO).effectiveIdleTimeout())
                .isEqualTo(Duration.ofSeconds(7));
        assertThatCode(() -> HttpServerSettings.defaults("localhost:4318").validate()).doesNotThrowAnyException();
    }

    @Test
    void serverKeysAreUpstreams() {
        assertThat(keys(HttpServerSettings.class)).containsExactlyInAnyOrder("endpoint", "transport", "tls", "cors",
                "max_request_body_size", "include_metadata", "response_headers", "compression_algorithms",
                "read_timeout", "read_header_timeout", "write_timeout", "keepalive");
        assertThat(keys(CorsSettings.class)).containsExactlyInAnyOrder("allowed_origins", "allowed_headers",
                "exposed_headers", "max_age");
        assertThat(keys(KeepaliveServerSettings.class)).containsExactlyInAnyOrder("enabled", "idle_timeout");
        assertThat(HttpServerSettings.unsupportedKeysUnder("protocols::http")).contains("protocols::http::auth",
                "protocols::http::middlewares", "protocols::http::tls::tpm", "protocols::http::tls::client_ca_file_reload");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "tcp|localhost|endpoint: address localhost: missing port in address",
        "tcp|::1:4318|endpoint: address ::1:4318: too many colons in address",
        "tcp|localhost:http|endpoint: address localhost:http: invalid port \"http\"",
        "tcp|localhost:70000|endpoint: address localhost:70000: invalid port \"70000\"",
        "unix|/tmp/otel.sock|transport: \"unix\" is not supported by this distribution yet",
        "udp|localhost:4318|transport: unknown network udp (valid: tcp, tcp4, tcp6)",
    })
    void badListenAddressesAreRejected(String transport, String endpoint, String message) {
        HttpServerSettings s = new HttpServerSettings(endpoint, transport, null, null, 0, false, null, null, null,
                null, null, null);
        assertThatThrownBy(s::validate).isInstanceOf(ConfigException.class).hasMessage(message);
    }

    @Test
    void goodListenAddressesPass() {
        for (String endpoint : List.of("localhost:4318", ":4318", "0.0.0.0:4318", "[::1]:4318", "")) {
            assertThatCode(() -> HttpServerSettings.defaults(endpoint).validate()).as(endpoint)
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void unknownCompressionAlgorithmIsRejected() {
        assertThatThrownBy(() -> HttpServerSettings.defaults(":4318").withCompressionAlgorithms(List.of("gzip", "br"))
                .validate()).hasMessageStartingWith("compression_algorithms: unsupported compression algorithm \"br\"");
    }

    @Test
    void clientDefaultsAreUpstreams() {
        HttpClientSettings d = HttpClientSettings.defaults();
        assertThat(d.tls()).isEqualTo(TlsClientSettings.defaults());
        assertThat(d.timeout()).isZero();
        assertThat(d.forceAttemptHttp2()).isTrue();
        assertThat(d.compressed()).isFalse();
        assertThat(d.cookies()).isNull();
        assertThatCode(d::validate).doesNotThrowAnyException();
        assertThat(keys(HttpClientSettings.class)).containsExactlyInAnyOrder("endpoint", "proxy_url", "tls",
                "read_buffer_size", "write_buffer_size", "timeout", "headers", "compression", "compression_params",
                "max_conns_per_host", "force_attempt_http2", "cookies");
        assertThat(HttpClientSettings.UNSUPPORTED_KEYS).contains("auth", "keepalive", "http2_ping_timeout",
                "tls::reload_interval");
    }

    @ParameterizedTest(name = "{0} level {1}")
    @CsvSource(delimiter = '|', value = {
        "br|0|compression: unsupported compression type \"br\"",
        "gzip|10|unsupported parameters {Level:10} for compression type \"gzip\"",
        "zlib|-3|unsupported parameters {Level:-3} for compression type \"zlib\"",
        "snappy|1|unsupported parameters {Level:1} for compression type \"snappy\"",
        "lz4|2|unsupported parameters {Level:2} for compression type \"lz4\"",
    })
    void badCompressionIsRejected(String type, int level, String message) {
        assertThatThrownBy(() -> HttpClientSettings.defaults().withCompression(type, level).validate())
                .isInstanceOf(ConfigException.class).hasMessage(message);
    }

    @ParameterizedTest(name = "{0} level {1}")
    @CsvSource({"gzip, -2", "gzip, 9", "deflate, -1", "zstd, 22", "zstd, -5", "snappy, 0", "none, 0", "'', 0",
        "x-snappy-framed, 0"})
    void goodCompressionPasses(String type, int level) {
        assertThatCode(() -> HttpClientSettings.defaults().withCompression(type, level).validate())
                .doesNotThrowAnyException();
    }

    @Test
    void restrictedHeadersAndBadProxiesAreRejected() {
        assertThatThrownBy(() -> HttpClientSettings.defaults().withHeaders(Map.of("Host", "x")).validate())
                .hasMessage("headers::Host: is not supported by this distribution yet");
        assertThatThrownBy(() -> HttpClientSettings.defaults().withProxyUrl("not a url").validate())
                .hasMessageStartingWith("proxy_url: parse \"not a url\"");
        assertThatCode(() -> HttpClientSettings.defaults().withProxyUrl("http://proxy:3128").validate())
                .doesNotThrowAnyException();
    }

    private static List<String> keys(Class<? extends Record> type) {
        return Stream.of(type.getRecordComponents())
                .map(c -> c.getName().replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT)).toList();
    }
}
