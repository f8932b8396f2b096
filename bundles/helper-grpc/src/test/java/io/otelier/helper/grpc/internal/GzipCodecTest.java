package io.otelier.helper.grpc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class GzipCodecTest {

    private final GzipCodec codec = new GzipCodec();

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 100, 65_535, 65_536, 65_537, 200_000, 1_500_000})
    void whatItWritesIsGzipThatTheJdkReadsBack(int size) throws IOException {
        byte[] compressible = compressible(size);
        byte[] random = new byte[size];
        new Random(size).nextBytes(random);
        for (byte[] message : new byte[][] {compressible, random}) {
            assertThat(gunzip(gzip(message, 7_000))).isEqualTo(message);
            assertThat(gunzip(gzip(message, 1))).as("written byte by byte").isEqualTo(message);
        }
    }

    @Test
    void headerAndCompressedSizeAreThoseOfTheJdksStreamAtLevelSix() throws IOException {
        byte[] message = compressible(300_000);
        ByteArrayOutputStream jdk = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(jdk) {
            {
                def.setLevel(6);
            }
        }) {
            out.write(message);
        }
        byte[] ours = gzip(message, 8192);
        assertThat(Arrays.copyOf(ours, 10)).isEqualTo(Arrays.copyOf(jdk.toByteArray(), 10));
        assertThat(ours).isEqualTo(jdk.toByteArray());
    }

    @Test
    void pooledDeflatersStartEveryMessageAfresh() throws IOException {
        byte[] first = compressible(100_000);
        byte[] second = compressible(5_000);
        OutputStream unfinished = codec.compress(new ByteArrayOutputStream());
        unfinished.write(first);
        unfinished.close();
        assertThat(gunzip(gzip(second, 4096))).isEqualTo(second);
        assertThat(gunzip(gzip(first, 4096))).isEqualTo(first);
    }

    @Test
    void aClosedStreamRefusesWrites() throws IOException {
        OutputStream out = codec.compress(new ByteArrayOutputStream());
        out.close();
        out.close();
        assertThatThrownBy(() -> out.write(1)).isInstanceOf(IOException.class).hasMessage("gzip stream closed");
    }

    private byte[] gzip(byte[] message, int chunk) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = codec.compress(sink)) {
            for (int off = 0; off < message.length; off += chunk) {
                int n = Math.min(chunk, message.length - off);
                if (n == 1) {
                    out.write(message[off]);
                } else {
                    out.write(message, off, n);
                }
            }
        }
        return sink.toByteArray();
    }

    private static byte[] gunzip(byte[] gzip) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        }
    }

    /** Span-like text: repetitive, as telemetry is, so deflate has matches to find. */
    private static byte[] compressible(int size) {
        byte[] out = new byte[size];
        Random random = new Random(42);
        String[] words = {"service.name", "checkout", "GET /cart", "http.status_code", "200", "span", "trace"};
        int i = 0;
        while (i < size) {
            byte[] word = (words[random.nextInt(words.length)] + random.nextInt(100)).getBytes();
            int n = Math.min(word.length, size - i);
            System.arraycopy(word, 0, out, i, n);
            i += n;
        }
        return out;
    }
}
