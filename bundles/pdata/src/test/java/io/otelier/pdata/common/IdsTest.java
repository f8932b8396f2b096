package io.otelier.pdata.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void traceIdHexRoundTrip() {
        String hex = "4bf92f3577b34da6a3ce929d0e0e4736";
        TraceId id = TraceId.fromHex(hex);

        assertThat(id.toHex()).isEqualTo(hex);
        assertThat(id.toString()).isEqualTo(hex);
        assertThat(id.isEmpty()).isFalse();
        assertThat(TraceId.fromHex(hex.toUpperCase())).isEqualTo(id).hasSameHashCodeAs(id);
        assertThat(TraceId.fromBytes(id.bytes())).isEqualTo(id);
        assertThat(id.high()).isEqualTo(0x4bf92f3577b34da6L);
        assertThat(id.low()).isEqualTo(0xa3ce929d0e0e4736L);
    }

    @Test
    void traceIdBytesAreBigEndianAndCopied() {
        byte[] bytes = new byte[16];
        for (int i = 0; i < 16; i++) {
            bytes[i] = (byte) (0xf0 + i);
        }
        TraceId id = TraceId.fromBytes(bytes);
        bytes[0] = 0;
        id.bytes()[1] = 0;

        assertThat(id.toHex()).isEqualTo("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff");
        assertThat(id.bytes()[0]).isEqualTo((byte) 0xf0);
    }

    @Test
    void emptyIds() {
        assertThat(TraceId.EMPTY.isEmpty()).isTrue();
        assertThat(TraceId.EMPTY.toHex()).isEqualTo("00000000000000000000000000000000");
        assertThat(TraceId.fromBytes(new byte[16])).isSameAs(TraceId.EMPTY);
        assertThat(TraceId.fromHex("")).isSameAs(TraceId.EMPTY);
        assertThat(SpanId.EMPTY.isEmpty()).isTrue();
        assertThat(SpanId.fromHex("0000000000000000")).isSameAs(SpanId.EMPTY);
        assertThat(SpanId.fromHex("")).isSameAs(SpanId.EMPTY);
    }

    @Test
    void spanIdHexRoundTrip() {
        SpanId id = SpanId.fromHex("00f067aa0ba902b7");

        assertThat(id.toHex()).isEqualTo("00f067aa0ba902b7");
        assertThat(id.asLong()).isEqualTo(0x00f067aa0ba902b7L);
        assertThat(SpanId.fromBytes(id.bytes())).isEqualTo(id);
        assertThat(SpanId.fromLong(-1).toHex()).isEqualTo("ffffffffffffffff");
        assertThat(id).isNotEqualTo(SpanId.fromHex("00f067aa0ba902b8"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"4bf92f3577b34da6a3ce929d0e0e473", "4bf92f3577b34da6a3ce929d0e0e47360",
            "4bf92f3577b34da6a3ce929d0e0e473g", "-bf92f3577b34da6a3ce929d0e0e4736", " 4bf92f3577b34da6a3ce929d0e0e473",
            "4bf92f3577b34da6a3ce929d0e0e473\u0663", "0x4bf92f3577b34da6a3ce929d0e0e47"})
    void invalidTraceIdHex(String hex) {
        assertThatThrownBy(() -> TraceId.fromHex(hex)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid trace id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"00f067aa0ba902b", "00f067aa0ba902b70", "00f067aa0ba902bz", "+0f067aa0ba902b7"})
    void invalidSpanIdHex(String hex) {
        assertThatThrownBy(() -> SpanId.fromHex(hex)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid span id");
    }

    @Test
    void wrongByteLengths() {
        assertThatThrownBy(() -> TraceId.fromBytes(new byte[8])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SpanId.fromBytes(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
