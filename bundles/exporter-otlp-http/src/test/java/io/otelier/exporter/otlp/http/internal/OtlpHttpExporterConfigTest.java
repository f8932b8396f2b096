package io.otelier.exporter.otlp.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.api.component.ComponentId;
import io.otelier.api.component.Signal;
import io.otelier.api.config.ConfigException;
import io.otelier.helper.exporter.QueueSettings;
import io.otelier.helper.exporter.RetrySettings;
import io.otelier.helper.http.HttpClientSettings;
import io.otelier.runtime.internal.config.ConfigLoader;
import io.otelier.runtime.internal.config.ConfigResolver;
import io.otelier.runtime.internal.config.FactoryLookup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Keys, defaults and validation as upstream's otlphttpexporter, bound by the collector's own config loader. */
class OtlpHttpExporterConfigTest {

    @TempDir
    Path dir;

    @Test
    void defaultsAreUpstreams() {
        OtlpHttpExporterConfig c = new OtlpHttpExporterFactory().createDefaultConfig();

        assertThat(c.endpoint()).isEmpty();
        assertThat(c.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.compression()).isEqualTo("gzip");
        assertThat(c.writeBufferSize()).isEqualTo(512 * 1024);
        assertThat(c.encoding()).isEqualTo("proto");
        assertThat(c.tracesEndpoint()).isEmpty();
        assertThat(c.sendingQueue()).isEqualTo(QueueSettings.defaults());
        assertThat(c.retryOnFailure()).isEqualTo(RetrySettings.defaults());
        assertThat(c.forceAttemptHttp2()).isEqualTo(HttpClientSettings.defaults().forceAttemptHttp2());
    }

    @Test
    void theDeprecatedAliasBindsWithAWarning() {
        ConfigLoader.Result loaded = load("exporters:\n  otlphttp:\n    endpoint: http://gateway:4318\n");

        assertThat(exporter(loaded, "otlphttp").endpoint()).isEqualTo("http://gateway:4318");
        assertThat(loaded.warnings()).singleElement().asString().startsWith("exporters::otlphttp: exporter type"
                + " \"otlphttp\" is a deprecated alias of \"otlp_http\"; use \"otlp_http\" instead");
    }

    @Test
    void thePrimaryTypeNameBindsWithoutAWarning() {
        ConfigLoader.Result loaded = load("exporters:\n  otlp_http/gateway:\n    endpoint: http://gateway:4318\n");

        assertThat(exporter(loaded, "otlp_http/gateway").endpoint()).isEqualTo("http://gateway:4318");
        assertThat(loaded.warnings()).isEmpty();
    }

    @Test
    void everyUpstreamKeyBinds() {
        OtlpHttpExporterConfig c = exporter(load("""
                exporters:
                  otlp_http:
                    endpoint: https://otel.example.com:4318/base/
                    traces_endpoint: https://traces.example.com/v1/traces
                    metrics_endpoint: http://metrics.example.com:9090/otlp/v1/metrics
                    logs_endpoint: http://logs.example.com/v1/logs
                    encoding: json
                    timeout: 10s
                    proxy_url: http://proxy:3128
                    tls:
                      insecure_skip_verify: true
                    headers:
                      Authorization: Bearer abc
                    compression: zstd
                    compression_params:
                      level: 3
                    read_buffer_size: 1024
                    write_buffer_size: 2048
                    max_conns_per_host: 4
                    force_attempt_http2: false
                    sending_queue:
                      queue_size: 50
                    retry_on_failure:
                      enabled: false
                """), "otlp_http");

        assertThat(c.endpoint()).isEqualTo("https://otel.example.com:4318/base/");
        assertThat(c.encoding()).isEqualTo("json");
        assertThat(c.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.proxyUrl()).isEqualTo("http://proxy:3128");
        assertThat(c.tls().insecureSkipVerify()).isTrue();
        assertThat(c.headers()).containsExactly(Map.entry("Authorization", "Bearer abc"));
        assertThat(c.compression()).isEqualTo("zstd");
        assertThat(c.compressionParams().level()).isEqualTo(3);
        assertThat(c.maxConnsPerHost()).isEqualTo(4);
        assertThat(c.forceAttemptHttp2()).isFalse();
        assertThat(c.sendingQueue().queueSize()).isEqualTo(50);
        assertThat(c.retryOnFailure().enabled()).isFalse();
        assertThat(c.clientSettings().timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.clientSettings().headers()).isEqualTo(c.headers());

        assertThat(c.signalUrl(Signal.TRACES)).isEqualTo(URI.create("https://traces.example.com/v1/traces"));
        assertThat(c.signalUrl(Signal.METRICS))
                .isEqualTo(URI.create("http://metrics.example.com:9090/otlp/v1/metrics"));
        assertThat(c.signalUrl(Signal.LOGS)).isEqualTo(URI.create("http://logs.example.com/v1/logs"));
    }

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource({
            "http://gateway:4318, traces, http://gateway:4318/v1/traces",
            "http://gateway:4318/, metrics, http://gateway:4318/v1/metrics",
            "https://otel.example.com/prefix, logs, https://otel.example.com/prefix/v1/logs",
            "https://otel.example.com/prefix/, traces, https://otel.example.com/prefix/v1/traces"})
    void signalUrlsAreTheBasePlusV1AndTheSignal(String endpoint, String signal, String expected) {
        OtlpHttpExporterConfig c = exporter(load("exporters:\n  otlp_http:\n    endpoint: " + endpoint + "\n"),
                "otlp_http");

        assertThat(c.signalUrl(Signal.fromId(signal).orElseThrow())).isEqualTo(URI.create(expected));
    }

    @Test
    void aSignalWithoutAnyEndpointCannotBeCreated() {
        OtlpHttpExporterConfig c = exporter(load(
                "exporters:\n  otlp_http:\n    traces_endpoint: http://a:4318/v1/traces\n"), "otlp_http");

        assertThatThrownBy(() -> new OtlpHttpExporterFactory().createLogs(new Fixture().settings, c))
                .isInstanceOf(ConfigException.class)
                .hasMessage("either endpoint or logs_endpoint must be specified");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no endpoint        | {encoding: json}                                  | exporters::otlp_http: at least one endpoint must be specified
            hands-on typo      | {endpoint: "https:/kube-prometheus-stack-prometheus.prometheus.svc:8080/prometheus/remote/write"} | exporters::otlp_http::endpoint: endpoint must be a valid URL: "https:/kube-prometheus-stack-prometheus.prometheus.svc:8080/prometheus/remote/write" has no host (expected https://host[:port][/path])
            no scheme          | {endpoint: "localhost:4318"}                      | exporters::otlp_http::endpoint: endpoint must be a valid URL: "localhost:4318" has the unsupported scheme "localhost" (expected http:// or https://)
            relative           | {endpoint: "gateway"}                             | exporters::otlp_http::endpoint: endpoint must be a valid URL: "gateway" has no scheme
            bad characters     | {endpoint: "http://gate way:4318"}                | exporters::otlp_http::endpoint: endpoint must be a valid URL: "http://gate way:4318" does not parse (Illegal character in authority at index 7)
            bad signal url     | {traces_endpoint: "http//collector/v1/traces"}    | exporters::otlp_http::traces_endpoint: traces_endpoint must be a valid URL: "http//collector/v1/traces" has no scheme
            underscore host    | {logs_endpoint: "http://otel_gw:4318/v1/logs"}    | exporters::otlp_http::logs_endpoint: logs_endpoint must be a valid URL: "http://otel_gw:4318/v1/logs" has an invalid host:port "otel_gw:4318"
            encoding           | {endpoint: "http://a:4318", encoding: xml}        | exporters::otlp_http::encoding: invalid encoding type: xml
            compression        | {endpoint: "http://a:4318", compression: brotli}  | exporters::otlp_http::compression: unsupported compression type "brotli"
            queue size         | {endpoint: "http://a:4318", sending_queue: {queue_size: 0}} | exporters::otlp_http::sending_queue::queue_size: `queue_size` must be positive
            retry              | {endpoint: "http://a:4318", retry_on_failure: {multiplier: -1}} | exporters::otlp_http::retry_on_failure::multiplier: multiplier value must be greater than or equal to 0
            profiles           | {endpoint: "http://a:4318", profiles_endpoint: "http://a:4318/p"} | exporters::otlp_http::profiles_endpoint: is not supported by this distribution yet
            auth               | {endpoint: "http://a:4318", auth: {authenticator: basicauth}}   | exporters::otlp_http::auth: is not supported by this distribution yet
            keepalive          | {endpoint: "http://a:4318", keepalive: {}}        | exporters::otlp_http::keepalive: is not supported by this distribution yet
            queue batching     | {endpoint: "http://a:4318", sending_queue: {batch: {}}} | exporters::otlp_http::sending_queue::batch: is not supported by this distribution yet
            typo               | {endpoint: "http://a:4318", encodng: json}        | encodng
            """)
    void invalidConfigsAreRejectedClearly(String name, String section, String expected) {
        assertThatThrownBy(() -> load("exporters:\n  otlp_http: " + section + "\n"))
                .hasMessageContaining(expected);
    }

    private ConfigLoader.Result load(String yaml) {
        Path file = dir.resolve("config.yaml");
        try {
            Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ConfigResolver.Resolved resolved = new ConfigResolver(name -> null).resolve(List.of(file.toString()), List.of());
        return new ConfigLoader(FactoryLookup.of(new OtlpHttpExporterFactory()), resolved.sources())
                .load(resolved.tree());
    }

    private static OtlpHttpExporterConfig exporter(ConfigLoader.Result loaded, String id) {
        return (OtlpHttpExporterConfig) loaded.config().exporters().get(ComponentId.parse(id));
    }
}
