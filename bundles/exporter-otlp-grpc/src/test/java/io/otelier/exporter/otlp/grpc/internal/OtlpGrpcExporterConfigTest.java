package io.otelier.exporter.otlp.grpc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.api.component.ComponentId;
import io.otelier.helper.exporter.QueueSettings;
import io.otelier.helper.exporter.RetrySettings;
import io.otelier.helper.grpc.GrpcClientSettings;
import io.otelier.runtime.internal.config.ConfigLoader;
import io.otelier.runtime.internal.config.ConfigResolver;
import io.otelier.runtime.internal.config.FactoryLookup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Keys, defaults and validation as upstream's otlpexporter, bound by the collector's own config loader. */
class OtlpGrpcExporterConfigTest {

    @TempDir
    Path dir;

    @Test
    void defaultsAreUpstreams() {
        OtlpGrpcExporterConfig c = new OtlpGrpcExporterFactory().createDefaultConfig();

        assertThat(c.endpoint()).isEmpty();
        assertThat(c.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.compression()).isEqualTo("gzip");
        assertThat(c.writeBufferSize()).isEqualTo(512 * 1024);
        assertThat(c.readBufferSize()).isZero();
        assertThat(c.keepalive()).as("off unless written").isNull();
        assertThat(c.balancerName()).isEqualTo("round_robin");
        assertThat(c.waitForReady()).isFalse();
        assertThat(c.headers()).isEmpty();
        assertThat(c.tls().insecure()).isFalse();
        assertThat(c.sendingQueue()).isEqualTo(QueueSettings.defaults());
        assertThat(c.retryOnFailure()).isEqualTo(RetrySettings.defaults());
    }

    @Test
    void theHandsOnSectionBindsUnderTheDeprecatedAliasWithAWarning() {
        ConfigLoader.Result loaded = load("""
                exporters:
                  otlp:
                    endpoint: jaeger-collector.jaeger:14250
                    tls:
                      insecure: true
                """);

        OtlpGrpcExporterConfig c = exporter(loaded, "otlp");
        assertThat(c.endpoint()).isEqualTo("jaeger-collector.jaeger:14250");
        assertThat(c.tls().insecure()).isTrue();
        assertThat(c.compression()).isEqualTo("gzip");
        assertThat(c.sendingQueue()).isEqualTo(QueueSettings.defaults());
        assertThat(loaded.warnings()).singleElement().asString().startsWith(
                "exporters::otlp: exporter type \"otlp\" is a deprecated alias of \"otlp_grpc\"; use \"otlp_grpc\" instead");
    }

    @Test
    void thePrimaryTypeNameBindsWithoutAWarning() {
        ConfigLoader.Result loaded = load("exporters:\n  otlp_grpc/gateway:\n    endpoint: gateway:4317\n");

        assertThat(exporter(loaded, "otlp_grpc/gateway").endpoint()).isEqualTo("gateway:4317");
        assertThat(loaded.warnings()).isEmpty();
    }

    @Test
    void everyUpstreamKeyBinds() {
        OtlpGrpcExporterConfig c = exporter(load("""
                exporters:
                  otlp_grpc:
                    endpoint: https://collector.example.com:4317
                    timeout: 10s
                    tls:
                      ca_file: /certs/ca.pem
                      insecure_skip_verify: true
                    headers:
                      x-scope-orgid: tenant-a
                    compression: zstd
                    read_buffer_size: 1024
                    write_buffer_size: 2048
                    wait_for_ready: true
                    keepalive:
                      time: 20s
                    balancer_name: pick_first
                    authority: otel.example.com
                    user_agent: custom/1.0
                    sending_queue:
                      num_consumers: 4
                      queue_size: 100
                      sizer: items
                      block_on_overflow: true
                    retry_on_failure:
                      initial_interval: 1s
                      max_interval: 10s
                      max_elapsed_time: 1m
                """), "otlp_grpc");

        assertThat(c.endpoint()).isEqualTo("https://collector.example.com:4317");
        assertThat(c.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.tls().caFile()).isEqualTo("/certs/ca.pem");
        assertThat(c.tls().insecureSkipVerify()).isTrue();
        assertThat(c.headers()).containsExactly(Map.entry("x-scope-orgid", "tenant-a"));
        assertThat(c.compression()).isEqualTo("zstd");
        assertThat(c.readBufferSize()).isEqualTo(1024);
        assertThat(c.writeBufferSize()).isEqualTo(2048);
        assertThat(c.waitForReady()).isTrue();
        assertThat(c.keepalive()).as("a written keepalive starts from zero values, as upstream's None")
                .isEqualTo(new GrpcClientSettings.Keepalive(Duration.ofSeconds(20), Duration.ZERO, false));
        assertThat(c.balancerName()).isEqualTo("pick_first");
        assertThat(c.authority()).isEqualTo("otel.example.com");
        assertThat(c.sendingQueue()).isEqualTo(QueueSettings.defaults().withNumConsumers(4).withQueueSize(100)
                .withSizer("items").withBlockOnOverflow(true));
        assertThat(c.retryOnFailure().initialInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.retryOnFailure().multiplier()).as("default kept").isEqualTo(1.5);

        GrpcClientSettings client = c.clientSettings("default-agent");
        assertThat(client.userAgent()).isEqualTo("custom/1.0");
        assertThat(client.endpoint()).isEqualTo(c.endpoint());
        assertThat(client.headers()).isEqualTo(c.headers());
        assertThat(client.keepalive()).isEqualTo(c.keepalive());
    }

    @Test
    void theUserAgentDefaultsToUpstreamsShape() {
        OtlpGrpcExporterConfig c = exporter(load("exporters:\n  otlp_grpc:\n    endpoint: a:4317\n"), "otlp_grpc");

        assertThat(c.clientSettings("Otelier/1.0 (linux/amd64)").userAgent()).isEqualTo("Otelier/1.0 (linux/amd64)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no endpoint          | {tls: {insecure: true}}                    | exporters::otlp_grpc: requires a non-empty "endpoint"
            empty endpoint       | {endpoint: ""}                             | exporters::otlp_grpc: requires a non-empty "endpoint"
            scheme only          | {endpoint: http://}                        | exporters::otlp_grpc: requires a non-empty "endpoint"
            dns scheme only      | {endpoint: dns:///}                        | exporters::otlp_grpc: requires a non-empty "endpoint"
            no port              | {endpoint: collector}                      | exporters::otlp_grpc::endpoint: address collector: missing port in address
            compression          | {endpoint: a:4317, compression: lz4}       | exporters::otlp_grpc::compression: unsupported compression type "lz4"
            balancer             | {endpoint: a:4317, balancer_name: random}  | exporters::otlp_grpc::balancer_name: invalid balancer_name: random
            negative timeout     | {endpoint: a:4317, timeout: -1s}           | exporters::otlp_grpc::timeout: timeout value must be greater than or equal to 0
            queue consumers      | {endpoint: a:4317, sending_queue: {num_consumers: 0}} | exporters::otlp_grpc::sending_queue::num_consumers: `num_consumers` must be positive
            queue sizer          | {endpoint: a:4317, sending_queue: {sizer: spans}}     | exporters::otlp_grpc::sending_queue::sizer: invalid sizer: "spans"
            retry jitter         | {endpoint: a:4317, retry_on_failure: {randomization_factor: 2}} | exporters::otlp_grpc::retry_on_failure::randomization_factor: randomization_factor value must be less than or equal to 1
            auth                 | {endpoint: a:4317, auth: {authenticator: oauth2client}} | exporters::otlp_grpc::auth: is not supported by this distribution yet
            queue batching       | {endpoint: a:4317, sending_queue: {batch: {}}}          | exporters::otlp_grpc::sending_queue::batch: is not supported by this distribution yet
            tls reload           | {endpoint: a:4317, tls: {reload_interval: 1m}}          | exporters::otlp_grpc::tls::reload_interval: is not supported by this distribution yet
            typo                 | {endpoint: a:4317, compresion: gzip}       | compresion
            """)
    void invalidConfigsAreRejectedWithUpstreamsMessages(String name, String section, String expected) {
        assertThatThrownBy(() -> load("exporters:\n  otlp_grpc: " + section + "\n"))
                .hasMessageContaining(expected);
    }

    @Test
    void aDisabledQueueAndRetryBind() {
        OtlpGrpcExporterConfig c = exporter(load("""
                exporters:
                  otlp_grpc:
                    endpoint: a:4317
                    sending_queue:
                      enabled: false
                    retry_on_failure:
                      enabled: false
                """), "otlp_grpc");

        assertThat(c.sendingQueue().enabled()).isFalse();
        assertThat(c.retryOnFailure().enabled()).isFalse();
    }

    private ConfigLoader.Result load(String yaml) {
        Path file = dir.resolve("config.yaml");
        try {
            Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ConfigResolver.Resolved resolved = new ConfigResolver(name -> null).resolve(List.of(file.toString()), List.of());
        return new ConfigLoader(FactoryLookup.of(new OtlpGrpcExporterFactory()), resolved.sources())
                .load(resolved.tree());
    }

    private static OtlpGrpcExporterConfig exporter(ConfigLoader.Result loaded, String id) {
        return (OtlpGrpcExporterConfig) loaded.config().exporters().get(ComponentId.parse(id));
    }
}
