package io.otelier.helper.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.api.config.ConfigException;
import io.otelier.helper.tls.TlsClientSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GrpcClientSettingsTest {

    @Test
    void defaultsAreUpstreams() {
        GrpcClientSettings s = GrpcClientSettings.defaults();

        assertThat(s.endpoint()).isEmpty();
        assertThat(s.tls()).isEqualTo(TlsClientSettings.defaults());
        assertThat(s.tls().insecure()).as("TLS on by default").isFalse();
        assertThat(s.headers()).isEmpty();
        assertThat(s.compression()).isEmpty();
        assertThat(s.isCompressed()).isFalse();
        assertThat(s.balancerName()).isEqualTo("round_robin");
        assertThat(s.keepalive()).isEqualTo(new GrpcClientSettings.Keepalive(Duration.ofSeconds(10),
                Duration.ofSeconds(10), false));
        assertThat(s.waitForReady()).isFalse();
        assertThat(s.authority()).isEmpty();
        assertThat(s.userAgent()).isEmpty();
        assertThat(s.readBufferSize()).isZero();
        assertThat(s.writeBufferSize()).isZero();
        assertThatCode(s::validate).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost:4317", "127.0.0.1:4317", "[::1]:4317", "otel.example.com:443",
            "http://localhost:4317", "https://otel.example.com:443", "dns:///collector:4317",
            "dns://8.8.8.8/collector:4317", "passthrough:///collector:4317", "",
            // upstream validates only the path of a URI, and this one has none
            "dns://authority-only"})
    void endpointsUpstreamAccepts(String endpoint) {
        assertThatCode(GrpcClientSettings.defaults().withEndpoint(endpoint)::validate).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "localhost|endpoint: address localhost: missing port in address",
        "localhost:abc|endpoint: invalid port \"abc\"",
        "localhost:|endpoint: invalid port \"\"",
        "::1:4317|endpoint: address ::1:4317: too many colons in address",
        "[::1:4317|endpoint: address [::1:4317: missing ']' in address",
        "https://localhost|endpoint: address localhost: missing port in address",
        "unix://|endpoint: unix socket path cannot be empty",
        "unix:///var/run/otel.sock|endpoint: unix socket endpoints are not supported by this distribution yet",
    })
    void endpointsUpstreamRejects(String endpoint, String message) {
        assertThatThrownBy(GrpcClientSettings.defaults().withEndpoint(endpoint)::validate)
                .isInstanceOf(ConfigException.class).hasMessage(message);
    }

    @Test
    void unknownBalancerIsRejected() {
        GrpcClientSettings s = new GrpcClientSettings("localhost:1234", null, null, "gzip", 0, 0, false, null, "test",
                null, null, null, null, null);
        assertThatThrownBy(s::validate).hasMessage("balancer_name: invalid balancer_name: test");
        assertThatCode(new GrpcClientSettings("localhost:1234", null, null, "", 0, 0, false, null, "pick_first",
                null, null, null, null, null)::validate).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "zstd", "snappy", "none", ""})
    void grpcCompressions(String compression) {
        assertThatCode(GrpcClientSettings.defaults().withCompression(compression)::validate).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "bad|compression: unsupported compression type \"bad\"",
        "deflate|compression: unsupported compression type \"deflate\" (valid for gRPC: gzip, zstd, snappy, none)",
        "zlib|compression: unsupported compression type \"zlib\" (valid for gRPC: gzip, zstd, snappy, none)",
    })
    void otherCompressionsAreRejected(String compression, String message) {
        assertThatThrownBy(GrpcClientSettings.defaults().withCompression(compression)::validate).hasMessage(message);
    }

    @Test
    void headerNamesMustBeMetadataKeys() {
        assertThatCode(GrpcClientSettings.defaults().withHeaders(Map.of("X-Scope-OrgID", "a", "trace-bin", "b"))
                ::validate).doesNotThrowAnyException();
        assertThatThrownBy(GrpcClientSettings.defaults().withHeaders(Map.of("bad header", "x"))::validate)
                .hasMessage("headers: header key \"bad header\" contains illegal characters not in [0-9a-z-_.]");
    }

    @Test
    void unsupportedExtensionsAreRejected() {
        GrpcClientSettings auth = new GrpcClientSettings("localhost:1234", null, null, null, 0, 0, false, null, null,
                null, null, Map.of("authenticator", "oauth2client"), null, null);
        assertThatThrownBy(auth::validate).hasMessage("auth: is not supported by this distribution yet");
        assertThat(GrpcClientSettings.UNSUPPORTED_KEYS).contains("auth", "dialer_middleware", "middlewares",
                "tls::reload_interval", "tls::curve_preferences", "tls::tpm");
        assertThat(GrpcClientSettings.unsupportedKeysUnder("")).isEqualTo(GrpcClientSettings.UNSUPPORTED_KEYS);
    }

    @Test
    void headerValuesStayOutOfToString() {
        GrpcClientSettings s = GrpcClientSettings.defaults().withHeaders(Map.of("authorization", "Bearer s3cr3t"));
        assertThat(s.toString()).contains("authorization").doesNotContain("s3cr3t");
    }

    @Test
    void plaintextOnlyWhenInsecureWithoutCaAndNotHttps() {
        GrpcClientSettings insecure = GrpcClientSettings.defaults().withTls(TlsClientSettings.plaintext());
        assertThat(GrpcChannels.plaintext(insecure.withEndpoint("localhost:4317"))).isTrue();
        assertThat(GrpcChannels.plaintext(insecure.withEndpoint("http://localhost:4317"))).isTrue();
        assertThat(GrpcChannels.plaintext(insecure.withEndpoint("https://localhost:4317"))).isFalse();
        assertThat(GrpcChannels.plaintext(GrpcClientSettings.defaults().withEndpoint("localhost:4317"))).isFalse();
        assertThat(GrpcChannels.plaintext(GrpcClientSettings.defaults().withEndpoint("http://localhost:4317")))
                .as("tls.insecure decides, not the http scheme").isFalse();
    }
}
