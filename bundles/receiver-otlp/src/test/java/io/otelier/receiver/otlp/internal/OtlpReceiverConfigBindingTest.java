package io.otelier.receiver.otlp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.api.component.Signal;
import io.otelier.helper.grpc.GrpcServerSettings;
import io.otelier.helper.http.CorsSettings;
import io.otelier.runtime.internal.config.ConfigBinder;
import io.otelier.runtime.internal.config.ConfigResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Upstream's config_test.go cases, bound by the collector's own binder under {@code receivers::otlp}. */
class OtlpReceiverConfigBindingTest {

    @TempDir
    Path dir;

    @Test
    void bareSectionsTurnBothProtocolsOnWithTheirDefaults() {
        OtlpReceiverConfig config = bind("""
                protocols:
                  grpc:
                  http:
                """);

        assertThat(config.protocols()).isEqualTo(new Protocols(Protocols.grpcDefaults(), Protocols.httpDefaults()));
    }

    @Test
    void onlyGrpc() {
        assertThat(bind("protocols:\n  grpc:\n").protocols()).isEqualTo(new Protocols(Protocols.grpcDefaults(), null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http:", "http: null", "http: {}"})
    void onlyHttpHoweverItIsWritten(String section) {
        assertThat(bind("protocols:\n  " + section + "\n").protocols())
                .isEqualTo(new Protocols(null, Protocols.httpDefaults()));
    }

    @Test
    void everyUpstreamKeyOfTheExampleConfigBinds() {
        OtlpReceiverConfig config = bind("""
                protocols:
                  grpc:
                    tls:
                      cert_file: test.crt
                      key_file: test.key
                    max_recv_msg_size_mib: 32
                    max_concurrent_streams: 16
                    read_buffer_size: 1024
                    write_buffer_size: 1024
                    keepalive:
                      server_parameters:
                        max_connection_idle: 11s
                        max_connection_age: 12s
                        max_connection_age_grace: 13s
                        time: 30s
                        timeout: 5s
                      enforcement_policy:
                        min_time: 10s
                        permit_without_stream: true
                  http:
                    tls:
                      cert_file: test.crt
                      key_file: test.key
                    cors:
                      allowed_origins:
                        - https://*.test.com
                        - https://test.com
                      max_age: 7200
                    traces_url_path: traces
                    metrics_url_path: /v2/metrics
                    logs_url_path: log/ingest
                """);

        GrpcServerSettings grpc = config.protocols().grpc();
        assertThat(grpc.endpoint()).as("kept from the defaults").isEqualTo("localhost:4317");
        assertThat(grpc.tls().certFile()).isEqualTo("test.crt");
        assertThat(grpc.maxRecvMsgSizeMib()).isEqualTo(32);
        assertThat(grpc.maxConcurrentStreams()).isEqualTo(16);
        assertThat(grpc.readBufferSize()).isEqualTo(1024);
        assertThat(grpc.writeBufferSize()).isEqualTo(1024);
        assertThat(grpc.keepalive().serverParameters().maxConnectionAgeGrace()).isEqualTo(Duration.ofSeconds(13));
        assertThat(grpc.keepalive().enforcementPolicy().permitWithoutStream()).isTrue();

        HttpConfig http = config.protocols().http();
        assertThat(http.endpoint()).isEqualTo("localhost:4318");
        assertThat(http.tls().keyFile()).isEqualTo("test.key");
        assertThat(http.cors()).isEqualTo(new CorsSettings(List.of("https://*.test.com", "https://test.com"),
                List.of(), List.of(), 7200));
        assertThat(http.keepalive().idleTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(List.of(http.path(Signal.TRACES), http.path(Signal.METRICS), http.path(Signal.LOGS)))
                .containsExactly("/traces", "/v2/metrics", "/log/ingest");
    }

    @Test
    void squashedServerKeysBindOnTheHttpSection() {
        HttpConfig http = bind("""
                protocols:
                  http:
                    endpoint: 0.0.0.0:4318
                    max_request_body_size: 1024
                    include_metadata: true
                    response_headers:
                      X-Served-By: otelier
                    compression_algorithms: [gzip, zstd]
                    read_timeout: 5s
                    read_header_timeout: 2s
                    write_timeout: 3s
                    keepalive:
                      idle_timeout: 7s
                """).protocols().http();

        assertThat(http.endpoint()).isEqualTo("0.0.0.0:4318");
        assertThat(http.maxRequestBodySize()).isEqualTo(1024);
        assertThat(http.includeMetadata()).isTrue();
        assertThat(http.responseHeaders()).isEqualTo(Map.of("X-Served-By", "otelier"));
        assertThat(http.compressionAlgorithms()).containsExactly("gzip", "zstd");
        assertThat(http.toServerSettings().readTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(http.readHeaderTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(http.writeTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(http.keepalive().idleTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(http.path(Signal.TRACES)).isEqualTo("/v1/traces");
    }

    @ParameterizedTest
    @ValueSource(strings = {"protocols:\n", "", "protocols: {}\n"})
    void withoutAnyProtocolTheConfigIsInvalid(String yaml) {
        assertThatThrownBy(() -> bind(yaml))
                .hasMessageContaining("receivers::otlp::protocols: must specify at least one protocol when using the"
                        + " OTLP receiver");
    }

    @ParameterizedTest
    @ValueSource(strings = {"htttp", "thrift"})
    void anUnknownProtocolIsAnError(String name) {
        assertThatThrownBy(() -> bind("protocols:\n  grpc:\n  " + name + ":\n    endpoint: 127.0.0.1:1234\n"))
                .hasMessageContaining("receivers::otlp::protocols::" + name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"traces", "metrics", "logs"})
    void anInvalidPathIsUpstreamsError(String signal) {
        assertThatThrownBy(() -> bind("protocols:\n  http:\n    " + signal + "_url_path: \":invalid\"\n"))
                .hasMessageContaining("receivers::otlp::protocols::http::" + signal + "_url_path: invalid HTTP URL path"
                        + " set for signal: parse \":invalid\": missing protocol scheme");
    }

    @Test
    void profilesHaveNoPathInThisRelease() {
        assertThatThrownBy(() -> bind("protocols:\n  http:\n    profiles_url_path: /v1/profiles\n"))
                .hasMessageContaining("receivers::otlp::protocols::http::profiles_url_path");
    }

    @ParameterizedTest
    @ValueSource(strings = {"grpc", "http"})
    void authIsRecognisedButNotSupportedYet(String protocol) {
        assertThatThrownBy(() -> bind("protocols:\n  " + protocol + ":\n    auth:\n      authenticator: test\n"))
                .hasMessageContaining("receivers::otlp::protocols::" + protocol
                        + "::auth: is not supported by this distribution yet");
    }

    @Test
    void unixSocketsAreNotSupportedYet() {
        assertThatThrownBy(() -> bind("""
                protocols:
                  grpc:
                    transport: unix
                    endpoint: /tmp/grpc_otlp.sock
                """)).hasMessageContaining("receivers::otlp::protocols::grpc::transport:")
                .hasMessageContaining("not supported by this distribution yet");
    }

    private OtlpReceiverConfig bind(String yaml) {
        Path file = dir.resolve("config.yaml");
        try {
            Files.writeString(file, yaml.isEmpty() ? "receivers:\n  otlp:\n" : "receivers:\n  otlp:\n" + yaml.indent(4));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        ConfigResolver.Resolved resolved = new ConfigResolver(name -> null).resolve(List.of(file.toString()), List.of());
        @SuppressWarnings("unchecked")
        Object raw = ((Map<String, Object>) resolved.tree().get("receivers")).get("otlp");
        return new ConfigBinder(resolved.sources()).bind(List.of("receivers", "otlp"), new OtlpReceiverFactory(), raw);
    }
}
