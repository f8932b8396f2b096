package io.otelier.receiver.otlp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.api.component.ComponentKind;
import io.otelier.api.component.Signal;
import io.otelier.api.component.Stability;
import io.otelier.api.config.ConfigException;
import io.otelier.helper.grpc.GrpcServerSettings;
import io.otelier.helper.http.HttpServerSettings;
import io.otelier.helper.http.KeepaliveServerSettings;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OtlpReceiverFactoryTest {

    private final OtlpReceiverFactory factory = new OtlpReceiverFactory();

    @Test
    void identifiesAsUpstreamsOtlpReceiver() {
        assertThat(factory.kind()).isEqualTo(ComponentKind.RECEIVER);
        assertThat(factory.type()).isEqualTo("otlp");
        assertThat(factory.deprecatedType()).isEmpty();
        assertThat(factory.signals()).isEqualTo(Map.of(
                Signal.TRACES, Stability.STABLE, Signal.METRICS, Stability.STABLE, Signal.LOGS, Stability.STABLE));
        assertThat(factory.configClass()).isEqualTo(OtlpReceiverConfig.class);
    }

    @Test
    void theServerSectionsUnimplementedKeysAreDeclaredUnderTheirProtocol() {
        assertThat(factory.unsupportedKeys())
                .contains("protocols::grpc::auth", "protocols::grpc::middlewares", "protocols::http::auth",
                        "protocols::http::middlewares", "protocols::http::tls::client_ca_file_reload",
                        "protocols::grpc::tls::client_ca_file_reload")
                .allSatisfy(k -> assertThat(k).matches("protocols::(grpc|http)::.+"))
                .hasSize(GrpcServerSettings.UNSUPPORTED_KEYS.size() + HttpServerSettings.UNSUPPORTED_KEYS.size());
    }

    @Test
    void byDefaultNeitherProtocolIsOnAndThatIsInvalid() {
        OtlpReceiverConfig config = factory.createDefaultConfig();

        assertThat(config.protocols()).isEqualTo(new Protocols(null, null));
        assertThatThrownBy(() -> config.protocols().validate())
                .isInstanceOf(ConfigException.class)
                .hasMessage("must specify at least one protocol when using the OTLP receiver");
    }

    @Test
    void grpcDefaultsAreUpstreams() {
        GrpcServerSettings grpc = Protocols.grpcDefaults();

        assertThat(grpc.endpoint()).isEqualTo("localhost:4317");
        assertThat(grpc.transport()).isEqualTo("tcp");
        assertThat(grpc.readBufferSize()).isEqualTo(512 * 1024);
        assertThat(grpc.writeBufferSize()).isZero();
        assertThat(grpc.tls()).isNull();
        assertThat(grpc.keepalive()).isEqualTo(GrpcServerSettings.Keepalive.defaults());
        assertThat(grpc.includeMetadata()).isFalse();
    }

    @Test
    void httpDefaultsAreUpstreams() {
        HttpConfig http = Protocols.httpDefaults();

        assertThat(http.endpoint()).isEqualTo("localhost:4318");
        assertThat(http.transport()).isEqualTo("tcp");
        assertThat(http.tls()).isNull();
        assertThat(http.cors()).isNull();
        assertThat(http.readHeaderTimeout()).isZero();
        assertThat(http.writeTimeout()).isZero();
        assertThat(http.keepalive()).isEqualTo(new KeepaliveServerSettings(true, Duration.ofSeconds(60)));
        assertThat(http.toServerSettings().effectiveMaxRequestBodySize()).isEqualTo(20L * 1024 * 1024);
        assertThat(List.of(http.path(Signal.TRACES), http.path(Signal.METRICS), http.path(Signal.LOGS)))
                .containsExactly("/v1/traces", "/v1/metrics", "/v1/logs");
    }

    /** The squashed section must follow helper-http's settings field by field, or keys would silently go missing. */
    @Test
    void theHttpSectionRestatesEveryServerSettingInOrder() {
        List<String> server = names(HttpServerSettings.class.getRecordComponents());
        List<String> section = names(HttpConfig.class.getRecordComponents());

        assertThat(section).containsExactlyElementsOf(concat(server,
                List.of("tracesUrlPath", "metricsUrlPath", "logsUrlPath")));
        HttpServerSettings custom = HttpServerSettings.defaults("0.0.0.0:9999").withMaxRequestBodySize(5)
                .withIncludeMetadata(true).withResponseHeaders(Map.of("X-A", "b"));
        assertThat(HttpConfig.of(custom, "/a", "/b", "/c").toServerSettings()).isEqualTo(custom);
    }

    @Test
    void badPathsAreRejectedWithUpstreamsMessage() {
        HttpConfig http = Protocols.httpDefaults().withPaths("/v1/traces", ":invalid", "/v1/logs");

        assertThatThrownBy(http::validate)
                .isInstanceOf(ConfigException.class)
                .hasMessage("metrics_url_path: invalid HTTP URL path set for signal: parse \":invalid\":"
                        + " missing protocol scheme");
    }

    @Test
    void theHttpServerSettingsAreValidatedToo() {
        HttpConfig http = Protocols.httpDefaults();
        HttpConfig bad = http.withServerSettings(http.toServerSettings().withEndpoint("localhost"));

        assertThatThrownBy(bad::validate).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("endpoint: ");
    }

    private static List<String> names(RecordComponent[] components) {
        return Arrays.stream(components).map(RecordComponent::getName).toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
