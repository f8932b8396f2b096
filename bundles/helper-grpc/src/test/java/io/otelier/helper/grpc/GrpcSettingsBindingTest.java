package io.otelier.helper.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.api.component.ComponentKind;
import io.otelier.api.component.Factory;
import io.otelier.api.config.ComponentConfig;
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

/** Upstream-shaped YAML bound by the collector's own binder onto a config that embeds both settings. */
class GrpcSettingsBindingTest {

    /** A receiver-like config: a server section off by default, a client section squashed in upstream style. */
    record Section(GrpcServerSettings grpc, GrpcClientSettings client) implements ComponentConfig {
    }

    @TempDir
    Path dir;

    @Test
    void everyUpstreamKeyBinds() {
        Section s = bind("""
                grpc:
                  endpoint: 0.0.0.0:4317
                  transport: tcp
                  dialer:
                    timeout: 5s
                  max_recv_msg_size_mib: 16
                  max_concurrent_streams: 100
                  read_buffer_size: 524288
                  write_buffer_size: 524288
                  include_metadata: true
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
                  tls:
                    cert_file: /certs/server.crt
                    key_file: /certs/server.key
                client:
                  endpoint: collector:4317
                  tls:
                    insecure: true
                  headers:
                    x-scope-orgid: tenant-a
                  compression: zstd
                  read_buffer_size: 1024
                  write_buffer_size: 2048
                  wait_for_ready: true
                  keepalive:
                    time: 20s
                    timeout: 3s
                    permit_without_stream: true
                  balancer_name: pick_first
                  authority: otel.example.com
                  user_agent: otelier/0.1
                """);

        GrpcServerSettings grpc = s.grpc();
        assertThat(grpc.endpoint()).isEqualTo("0.0.0.0:4317");
        assertThat(grpc.dialer().timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(grpc.maxRecvMsgSizeMib()).isEqualTo(16);
        assertThat(grpc.maxConcurrentStreams()).isEqualTo(100);
        assertThat(grpc.readBufferSize()).isEqualTo(524288);
        assertThat(grpc.includeMetadata()).isTrue();
        assertThat(grpc.keepalive().serverParameters()).isEqualTo(new GrpcServerSettings.ServerParameters(
                Duration.ofSeconds(11), Duration.ofSeconds(12), Duration.ofSeconds(13), Duration.ofSeconds(30),
                Duration.ofSeconds(5)));
        assertThat(grpc.keepalive().enforcementPolicy())
                .isEqualTo(new GrpcServerSettings.EnforcementPolicy(Duration.ofSeconds(10), true));
        assertThat(grpc.tls().certFile()).isEqualTo("/certs/server.crt");
        assertThat(grpc.tls().minVersion()).as("tls section defaults").isEqualTo("1.2");

        GrpcClientSettings client = s.client();
        assertThat(client.endpoint()).isEqualTo("collector:4317");
        assertThat(client.tls().insecure()).isTrue();
        assertThat(client.headers()).containsExactly(Map.entry("x-scope-orgid", "tenant-a"));
        assertThat(client.compression()).isEqualTo("zstd");
        assertThat(client.readBufferSize()).isEqualTo(1024);
        assertThat(client.writeBufferSize()).isEqualTo(2048);
        assertThat(client.waitForReady()).isTrue();
        assertThat(client.keepalive())
                .isEqualTo(new GrpcClientSettings.Keepalive(Duration.ofSeconds(20), Duration.ofSeconds(3), true));
        assertThat(client.balancerName()).isEqualTo("pick_first");
        assertThat(client.authority()).isEqualTo("otel.example.com");
        assertThat(client.userAgent()).isEqualTo("otelier/0.1");
    }

    @Test
    void aBareSectionMeansDefaults() {
        Section s = bind("grpc:\nclient:\n  endpoint: collector:4317\n");

        assertThat(s.grpc()).isEqualTo(GrpcServerSettings.defaults());
        assertThat(s.client()).isEqualTo(GrpcClientSettings.defaults().withEndpoint("collector:4317"));
    }

    @Test
    void partialKeepaliveKeepsTheOtherDefaults() {
        Section s = bind("grpc:\n  keepalive:\n    server_parameters:\n      time: 1m\nclient:\n  keepalive:\n    time: 30s\n");

        assertThat(s.grpc().keepalive().serverParameters().time()).isEqualTo(Duration.ofMinutes(1));
        assertThat(s.grpc().keepalive().enforcementPolicy()).isEqualTo(GrpcServerSettings.EnforcementPolicy.defaults());
        assertThat(s.client().keepalive().timeout()).as("default kept").isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void unimplementedKeysAreRejectedAsSuch() {
        assertThatThrownBy(() -> bind("grpc:\n  auth:\n    authenticator: basicauth\n"))
                .hasMessageContaining("receivers::test::grpc::auth: is not supported by this distribution yet");
        assertThatThrownBy(() -> bind("client:\n  tls:\n    reload_interval: 1m\n"))
                .hasMessageContaining("receivers::test::client::tls::reload_interval: is not supported by this distribution yet");
    }

    @Test
    void typosAndBadValuesNameTheirPath() {
        assertThatThrownBy(() -> bind("grpc:\n  max_recv_msg_size: 4\n"))
                .hasMessageContaining("receivers::test::grpc")
                .hasMessageContaining("max_recv_msg_size");
        assertThatThrownBy(() -> bind("grpc:\n  max_recv_msg_size_mib: -1\n"))
                .hasMessageContaining("receivers::test::grpc::max_recv_msg_size_mib: invalid max_recv_msg_size_mib value");
        assertThatThrownBy(() -> bind("client:\n  endpoint: collector\n"))
                .hasMessageContaining("receivers::test::client::endpoint: address collector: missing port in address");
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
            return new Section(null, GrpcClientSettings.defaults());
        }

        @Override
        public Set<String> unsupportedKeys() {
            Set<String> keys = new HashSet<>(GrpcServerSettings.unsupportedKeysUnder("grpc"));
            keys.addAll(GrpcClientSettings.unsupportedKeysUnder("client"));
            return keys;
        }
    }
}
