package io.otelier.helper.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.api.config.ConfigException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class GrpcServerSettingsTest {

    @Test
    void defaultsAreUpstreams() {
        GrpcServerSettings s = GrpcServerSettings.defaults("localhost:4317");

        assertThat(s.endpoint()).isEqualTo("localhost:4317");
        assertThat(s.transport()).isEqualTo("tcp");
        assertThat(s.tls()).as("no TLS unless configured").isNull();
        assertThat(s.maxRecvMsgSizeMib()).isZero();
        assertThat(s.maxRecvMsgSizeBytes()).as("grpc's own 4 MiB").isZero();
        assertThat(s.maxConcurrentStreams()).isZero();
        assertThat(s.readBufferSize()).isZero();
        assertThat(s.writeBufferSize()).isZero();
        assertThat(s.includeMetadata()).isFalse();
        assertThat(s.keepalive()).isEqualTo(new GrpcServerSettings.Keepalive(
                new GrpcServerSettings.ServerParameters(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO,
                        Duration.ZERO),
                new GrpcServerSettings.EnforcementPolicy(Duration.ZERO, false)));
        assertThat(s.dialer().timeout()).isZero();
        assertThat(s.auth()).isNull();
        assertThat(s.middlewares()).isEmpty();
        assertThatCode(s::validate).doesNotThrowAnyException();
    }

    static Stream<Arguments> invalid() {
        GrpcServerSettings base = GrpcServerSettings.defaults("localhost:4317");
        return Stream.of(
                Arguments.of("negative max_recv_msg_size_mib", base.withMaxRecvMsgSizeMib(-1),
                        "max_recv_msg_size_mib: invalid max_recv_msg_size_mib value, must be between 1 and 8796093022207: -1"),
                Arguments.of("overflowing max_recv_msg_size_mib", base.withMaxRecvMsgSizeMib(Long.MAX_VALUE),
                        "max_recv_msg_size_mib: invalid max_recv_msg_size_mib value, must be between 1 and 8796093022207: "
                                + Long.MAX_VALUE),
                Arguments.of("negative read_buffer_size", with(base, "read", -1),
                        "read_buffer_size: read_buffer_size value must be greater than or equal to 0"),
                Arguments.of("negative write_buffer_size", with(base, "write", -1),
                        "write_buffer_size: write_buffer_size value must be greater than or equal to 0"),
                Arguments.of("max_concurrent_streams beyond uint32", with(base, "streams", 1L << 32),
                        "max_concurrent_streams: max_concurrent_streams must be between 0 and 4294967295: 4294967296"),
                Arguments.of("empty transport", transport(base, ""), "transport: invalid transport type \"\""),
                Arguments.of("unknown transport", transport(base, "quic"),
                        "transport: unsupported transport type \"quic\""),
                Arguments.of("udp", transport(base, "udp"),
                        "transport: transport \"udp\" cannot serve gRPC (valid: tcp, tcp4, tcp6)"),
                Arguments.of("unix socket", transport(base, "unix"),
                        "transport: transport \"unix\" is not supported by this distribution yet"),
                Arguments.of("auth", new GrpcServerSettings(base.endpoint(), "tcp", null, null, 0, 0, 0, 0, null, false,
                        Map.of("authenticator", "basicauth"), null), "auth: is not supported by this distribution yet"),
                Arguments.of("middlewares", new GrpcServerSettings(base.endpoint(), "tcp", null, null, 0, 0, 0, 0, null,
                        false, null, List.of(Map.of("id", "x"))), "middlewares: is not supported by this distribution yet"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void validateRejects(String name, GrpcServerSettings settings, String message) {
        assertThatThrownBy(settings::validate).isInstanceOf(ConfigException.class).hasMessage(message);
    }

    @Test
    void tcp4AndTcp6AreValid() {
        GrpcServerSettings base = GrpcServerSettings.defaults(":4317");
        assertThatCode(transport(base, "tcp4")::validate).doesNotThrowAnyException();
        assertThatCode(transport(base, "tcp6")::validate).doesNotThrowAnyException();
    }

    @Test
    void maxRecvMsgSizeInBytesIsCappedAtWhatGrpcJavaTakes() {
        GrpcServerSettings base = GrpcServerSettings.defaults("localhost:4317");
        assertThat(base.withMaxRecvMsgSizeMib(16).maxRecvMsgSizeBytes()).isEqualTo(16 * 1024 * 1024);
        assertThat(base.withMaxRecvMsgSizeMib(4096).maxRecvMsgSizeBytes()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void unsupportedKeysIncludeTheTlsOnesAndCanBePrefixed() {
        assertThat(GrpcServerSettings.UNSUPPORTED_KEYS).contains("auth", "middlewares", "tls::reload_interval",
                "tls::curve_preferences", "tls::tpm", "tls::client_ca_file_reload");
        assertThat(GrpcServerSettings.unsupportedKeysUnder("protocols::grpc"))
                .contains("protocols::grpc::auth", "protocols::grpc::tls::reload_interval")
                .hasSameSizeAs(GrpcServerSettings.UNSUPPORTED_KEYS);
    }

    private static GrpcServerSettings transport(GrpcServerSettings s, String transport) {
        return new GrpcServerSettings(s.endpoint(), transport, s.dialer(), s.tls(), s.maxRecvMsgSizeMib(),
                s.maxConcurrentStreams(), s.readBufferSize(), s.writeBufferSize(), s.keepalive(), s.includeMetadata(),
                s.auth(), s.middlewares());
    }

    private static GrpcServerSettings with(GrpcServerSettings s, String field, long value) {
        return new GrpcServerSettings(s.endpoint(), s.transport(), s.dialer(), s.tls(), s.maxRecvMsgSizeMib(),
                field.equals("streams") ? value : 0, field.equals("read") ? (int) value : 0,
                field.equals("write") ? (int) value : 0, s.keepalive(), s.includeMetadata(), s.auth(), s.middlewares());
    }
}
