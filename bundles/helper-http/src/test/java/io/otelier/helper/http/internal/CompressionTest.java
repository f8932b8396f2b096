package io.otelier.helper.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CompressionTest {

    /** The text gen.go encoded. */
    static byte[] goPayload() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20000; i++) {
            sb.append("span-").append(i % 977).append(" service=checkout status=ok; ");
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = CompressionTest.class.getResourceAsStream("/compression/" + name)) {
            return in.readAllBytes();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gzip", "zlib", "zstd", "snappy", "x-snappy-framed", "lz4"})
    void decodesWhatUpstreamsLibrariesEncode(String encoding) throws IOException {
        byte[] encoded = fixture("payload." + encoding);
        assertThat(Compression.decode(encoding, encoded, encoded.length, 10_000_000)).isEqualTo(goPayload());
    }

    @Test
    void deflateIsTheZlibFormat() throws IOException {
        byte[] encoded = fixture("payload.zlib");
        assertThat(Compression.decode("deflate", encoded, encoded.length, 10_000_000)).isEqualTo(goPayload());
    }

    @Test
    void snappyAcceptsTheFramedFormatUnderItsName() throws IOException {
        byte[] encoded = fixture("payload.x-snappy-framed");
        assertThat(Compression.decode("snappy", encoded, encoded.length, 10_000_000)).isEqualTo(goPayload());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gzip", "zlib", "deflate", "zstd", "snappy", "x-snappy-framed", "lz4"})
    void encodeThenDecodeIsIdentity(String encoding) throws IOException {
        byte[] data = goPayload();
        byte[] encoded = Compression.encode(encoding, 0, data);
        assertThat(encoded.length).isLessThan(data.length);
        assertThat(Compression.decode(encoding, encoded, encoded.length, data.length)).isEqualTo(data);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gzip", "zlib", "zstd", "x-snappy-framed", "lz4"})
    void decodingStopsAtTheLimit(String encoding) throws IOException {
        byte[] encoded = fixture("payload." + encoding);
        assertThatThrownBy(() -> Compression.decode(encoding, encoded, encoded.length, 100_000))
                .isInstanceOf(BodyTooLargeException.class).hasMessage("http: request body too large");
    }

    @Test
    void snappyBlockChecksTheDeclaredLengthFirst() throws IOException {
        byte[] encoded = fixture("payload.snappy");
        assertThatThrownBy(() -> Compression.decode("snappy", encoded, encoded.length, 100_000))
                .isNotInstanceOf(BodyTooLargeException.class)
                .hasMessage("snappy: decoded size exceeds max request body size");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "gzip, gzip: invalid header",
        "zlib, zlib: invalid header",
        "deflate, zlib: invalid header",
        "snappy, snappy: corrupt input",
    })
    void brokenInputReadsLikeGo(String encoding, String message) {
        byte[] junk = "definitely not compressed".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> Compression.decode(encoding, junk, junk.length, 1000)).hasMessage(message);
    }

    @Test
    void truncatedStreamsFail() throws IOException {
        byte[] encoded = fixture("payload.gzip");
        assertThatThrownBy(() -> Compression.decode("gzip", encoded, encoded.length / 2, 10_000_000))
                .isInstanceOf(IOException.class).hasMessage("unexpected EOF");
        byte[] zstd = fixture("payload.zstd");
        assertThatThrownBy(() -> Compression.decode("zstd", zstd, zstd.length - 10, 10_000_000))
                .isInstanceOf(IOException.class);
    }

    @Test
    void levelsFollowUpstreamsMeaning() throws IOException {
        byte[] data = goPayload();
        byte[] stored = Compression.encode("gzip", 0, new byte[0]);
        assertThat(Compression.decode("gzip", stored, stored.length, 10)).isEmpty();
        // the level reaches the deflater (sizes differ), and every level decodes
        byte[] fast = Compression.encode("gzip", 1, data);
        byte[] best = Compression.encode("gzip", 9, data);
        assertThat(fast.length).isNotEqualTo(best.length);
        assertThat(Compression.decode("gzip", best, best.length, data.length)).isEqualTo(data);
        byte[] huffman = Compression.encode("zlib", -2, data);
        assertThat(Compression.decode("zlib", huffman, huffman.length, data.length)).isEqualTo(data);
        assertThat(Compression.zstdLevel(0)).isEqualTo(1);
        assertThat(Compression.zstdLevel(5)).isEqualTo(3);
        assertThat(Compression.zstdLevel(9)).isEqualTo(7);
        assertThat(Compression.zstdLevel(22)).isEqualTo(11);
    }

    @Test
    void acceptsFollowsUpstreamsAliases() {
        assertThat(Compression.accepts(Compression.SERVER_DEFAULTS, "identity")).isTrue();
        assertThat(Compression.accepts(java.util.List.of("gzip"), "identity")).isFalse();
        assertThat(Compression.accepts(java.util.List.of("gzip"), "")).isFalse();
        assertThat(Compression.accepts(Compression.SERVER_DEFAULTS, "GZIP")).isFalse();
    }
}
