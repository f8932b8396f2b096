package io.otelier.helper.grpc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Codec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CodecsTest {

    static Stream<Codec> codecs() {
        return Stream.of(new ZstdCodec(0), new SnappyCodec(), new Codec.Gzip());
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void roundTrip(Codec codec) throws IOException {
        byte[] payload = "resource_spans ".repeat(10_000).getBytes(StandardCharsets.UTF_8);

        byte[] compressed = compress(codec, payload);

        assertThat(compressed.length).isLessThan(payload.length / 10);
        assertThat(decompress(codec, compressed)).isEqualTo(payload);
    }

    @Test
    void snappyWritesTheFramingFormatGoReads() throws IOException {
        byte[] compressed = compress(new SnappyCodec(), "hello".getBytes(StandardCharsets.US_ASCII));

        // stream identifier chunk: type 0xff, length 6, "sNaPpY" (framing_format.txt, section 4.1)
        byte[] header = {(byte) 0xff, 6, 0, 0, 's', 'N', 'a', 'P', 'p', 'Y'};
        assertThat(Arrays.copyOf(compressed, header.length)).isEqualTo(header);
    }

    @Test
    void zstdWindowBoundFollowsTheLargestAcceptedMessage() {
        assertThat(ZstdCodec.windowLogFor(0)).as("8 MiB floor").isEqualTo(23);
        assertThat(ZstdCodec.windowLogFor(4 * 1024 * 1024)).isEqualTo(23);
        assertThat(ZstdCodec.windowLogFor(64 * 1024 * 1024)).isEqualTo(26);
        assertThat(ZstdCodec.windowLogFor(64 * 1024 * 1024 + 1)).isEqualTo(27);
        assertThat(ZstdCodec.windowLogFor(Integer.MAX_VALUE)).isEqualTo(31);
    }

    @Test
    void zstdRefusesAFrameDeclaringAWindowBeyondTheBound() throws IOException {
        // a frame written with a 16 MiB window, read by a decoder bounded at 8 MiB
        byte[] payload = new byte[20 * 1024 * 1024];
        new java.util.Random(1).nextBytes(payload);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream zstd = new com.github.luben.zstd.ZstdOutputStreamNoFinalizer(out).setWindowLog(24)) {
            zstd.write(payload);
        }

        assertThatThrownBy(() -> decompress(new ZstdCodec(0), out.toByteArray())).isInstanceOf(IOException.class);
        assertThat(decompress(new ZstdCodec(32 * 1024 * 1024), out.toByteArray())).isEqualTo(payload);
    }

    @Test
    void registriesKnowAllThree() {
        assertThat(Compression.compressors().lookupCompressor("zstd")).isNotNull();
        assertThat(Compression.compressors().lookupCompressor("snappy")).isNotNull();
        assertThat(Compression.compressors().lookupCompressor("gzip")).isNotNull();
        assertThat(Compression.decompressors(0).getAdvertisedMessageEncodings())
                .contains("gzip", "zstd", "snappy");
        assertThat(io.grpc.DecompressorRegistry.getDefaultInstance().lookupDecompressor("zstd"))
                .as("grpc's process-wide registry is left alone").isNull();
    }

    private static byte[] compress(Codec codec, byte[] payload) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream compressing = codec.compress(out)) {
            compressing.write(payload);
        }
        return out.toByteArray();
    }

    private static byte[] decompress(Codec codec, byte[] compressed) throws IOException {
        try (InputStream in = codec.decompress(new ByteArrayInputStream(compressed))) {
            return in.readAllBytes();
        }
    }
}
