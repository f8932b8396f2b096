package io.otelier.helper.http.internal;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import net.jpountz.lz4.LZ4FrameInputStream;
import net.jpountz.lz4.LZ4FrameOutputStream;
import org.xerial.snappy.Snappy;
import org.xerial.snappy.SnappyFramedInputStream;
import org.xerial.snappy.SnappyFramedOutputStream;

/**
 * Content-Encodings as upstream's confighttp handles them: gzip, zlib and deflate (both the zlib format, as Go's
 * {@code compress/zlib}), zstd, snappy (block format, or the framing format when the body starts with its stream
 * identifier, which older collectors sent under "snappy"), x-snappy-framed, and lz4 (frame format).
 */
public final class Compression {

    /** Upstream's {@code defaultCompressionAlgorithms()}: what a server accepts unless configured. */
    public static final List<String> SERVER_DEFAULTS = List.of("", "gzip", "zstd", "zlib", "snappy", "deflate", "lz4",
            "x-snappy-framed");
    public static final List<String> KNOWN_DECODERS = List.of("", "identity", "gzip", "zstd", "zlib", "deflate",
            "snappy", "x-snappy-framed", "lz4");
    /** configcompression.Type values: what a client may be configured with. */
    public static final List<String> CLIENT_TYPES = List.of("", "none", "gzip", "zlib", "deflate", "snappy",
            "x-snappy-framed", "zstd", "lz4");

    /** klauspost/compress's default window; frames from default encoders declare up to this. */
    private static final long ZSTD_DEFAULT_ENCODER_WINDOW = 8L * 1024 * 1024;
    private static final long ZSTD_MAX_WINDOW = 1L << 29;
    private static final byte[] SNAPPY_FRAMING_HEADER = {(byte) 0xff, 0x06, 0x00, 0x00, 0x73, 0x4e, 0x61, 0x50, 0x70,
        0x59};

    private Compression() {
    }

    public static boolean isKnownDecoder(String name) {
        return KNOWN_DECODERS.contains(name);
    }

    /** "" and "identity" mean no encoding (RFC 9110 §8.4.1). */
    public static boolean isIdentity(String encoding) {
        return encoding.isEmpty() || encoding.equals("identity");
    }

    /** Whether a server accepting {@code enabled} decodes {@code encoding} (upstream's aliases applied). */
    public static boolean accepts(List<String> enabled, String encoding) {
        if (enabled.contains(encoding)) {
            return true;
        }
        return encoding.equals("identity") && enabled.contains("");
    }

    /**
     * Decodes a whole body.
     *
     * @param limit the most decoded bytes allowed
     * @throws BodyTooLargeException past {@code limit}
     * @throws IOException           with a message for a 400 answer
     */
    public static byte[] decode(String encoding, byte[] body, int length, long limit) throws IOException {
        InputStream in = new ByteArrayInputStream(body, 0, length);
        return switch (encoding) {
            case "gzip" -> readLimited(gzip(in), limit, length);
            case "zlib", "deflate" -> readLimited(zlib(in), limit, length);
            case "zstd" -> readLimited(zstd(in, limit), limit, length);
            case "snappy" -> isSnappyFramed(body, length)
                    ? readLimited(new SnappyFramedInputStream(in), limit, length)
                    : snappyBlock(body, length, limit);
            case "x-snappy-framed" -> readLimited(new SnappyFramedInputStream(in), limit, length);
            case "lz4" -> readLimited(new LZ4FrameInputStream(in), limit, length);
            default -> throw new IOException("unsupported Content-Encoding: " + encoding);
        };
    }

    private static InputStream gzip(InputStream in) throws IOException {
        try {
            return new GZIPInputStream(in, 8192);
        } catch (EOFException e) {
            throw new IOException("EOF", e);
        } catch (ZipException e) {
            throw new IOException("gzip: invalid header", e);
        }
    }

    private static InputStream zlib(InputStream in) throws IOException {
        // Go's zlib.NewReader checks the two header bytes up front: CMF must say deflate and (CMF<<8|FLG) % 31 == 0
        in.mark(2);
        int cmf = in.read();
        int flg = in.read();
        if (cmf < 0 || flg < 0) {
            throw new IOException("EOF");
        }
        if ((cmf & 0x0f) != 8 || ((cmf << 8) | flg) % 31 != 0) {
            throw new IOException("zlib: invalid header");
        }
        in.reset();
        return new InflaterInputStream(in);
    }

    private static InputStream zstd(InputStream in, long limit) throws IOException {
        ZstdInputStreamNoFinalizer zstd = new ZstdInputStreamNoFinalizer(in);
        // bound the window a frame may declare, as upstream does, so a tiny frame cannot claim a huge allocation
        long bound = Math.min(Math.max(ZSTD_DEFAULT_ENCODER_WINDOW, limit), ZSTD_MAX_WINDOW);
        zstd.setLongMax(64 - Long.numberOfLeadingZeros(bound - 1));
        return zstd;
    }

    private static boolean isSnappyFramed(byte[] body, int length) {
        return length >= SNAPPY_FRAMING_HEADER.length
                && Arrays.equals(body, 0, SNAPPY_FRAMING_HEADER.length, SNAPPY_FRAMING_HEADER, 0,
                        SNAPPY_FRAMING_HEADER.length);
    }

    private static byte[] snappyBlock(byte[] body, int length, long limit) throws IOException {
        int decodedLength;
        try {
            decodedLength = Snappy.uncompressedLength(body, 0, length);
        } catch (IOException e) {
            throw new IOException("snappy: corrupt input", e);
        }
        if (decodedLength > limit) {
            throw new IOException("snappy: decoded size exceeds max request body size");
        }
        byte[] out = new byte[decodedLength];
        try {
            Snappy.uncompress(body, 0, length, out, 0);
        } catch (IOException e) {
            throw new IOException("snappy: corrupt input", e);
        }
        return out;
    }

    /** Reads {@code in} to the end, failing as soon as more than {@code limit} bytes come out. */
    static byte[] readLimited(InputStream in, long limit, int sizeHint) throws IOException {
        try (InputStream stream = in) {
            int capacity = (int) Math.min(Math.max(8192L, sizeHint * 4L), Math.min(limit + 1, Integer.MAX_VALUE - 8));
            byte[] buf = new byte[capacity];
            int n = 0;
            while (true) {
                if (n == buf.length) {
                    if (n > limit) {
                        throw new BodyTooLargeException();
                    }
                    buf = Arrays.copyOf(buf, (int) Math.min((long) buf.length * 2, Integer.MAX_VALUE - 8));
                }
                int r = stream.read(buf, n, buf.length - n);
                if (r < 0) {
                    break;
                }
                n += r;
                if (n > limit) {
                    throw new BodyTooLargeException();
                }
            }
            return n == buf.length ? buf : Arrays.copyOf(buf, n);
        } catch (BodyTooLargeException e) {
            throw e;
        } catch (EOFException e) {
            throw new IOException("unexpected EOF", e);
        } catch (IOException | RuntimeException e) {
            throw new IOException(String.valueOf(e.getMessage()), e);
        }
    }

    /**
     * Encodes a request body as {@code type} at {@code level} (0: the type's default), as upstream's client
     * compressors do.
     */
    public static byte[] encode(String type, int level, byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length / 2));
        switch (type) {
            case "gzip" -> {
                try (OutputStream gz = new LeveledGzip(out, deflateLevel(level))) {
                    gz.write(data);
                }
            }
            case "zlib", "deflate" -> {
                Deflater deflater = deflater(level);
                try (OutputStream z = new DeflaterOutputStream(out, deflater)) {
                    z.write(data);
                } finally {
                    deflater.end();
                }
            }
            case "zstd" -> {
                return Zstd.compress(data, zstdLevel(level));
            }
            case "snappy" -> {
                return Snappy.compress(data);
            }
            case "x-snappy-framed" -> {
                try (OutputStream s = new SnappyFramedOutputStream(out)) {
                    s.write(data);
                }
            }
            case "lz4" -> {
                try (OutputStream l = new LZ4FrameOutputStream(out)) {
                    l.write(data);
                }
            }
            default -> throw new IllegalArgumentException("unsupported compression type \"" + type + "\"");
        }
        return out.toByteArray();
    }

    /** zlib levels: -1 default, -2 Huffman only, 0 none, 1..9; 0 in the config means the default. */
    private static int deflateLevel(int level) {
        return level == 0 ? Deflater.DEFAULT_COMPRESSION : level;
    }

    private static Deflater deflater(int level) {
        int l = deflateLevel(level);
        if (l == -2) {
            Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION);
            d.setStrategy(Deflater.HUFFMAN_ONLY);
            return d;
        }
        return new Deflater(l);
    }

    /** klauspost's EncoderLevelFromZstd: below 3 fastest, below 6 default, below 10 better, else best. */
    static int zstdLevel(int level) {
        int l = level == 0 ? -1 : level;
        if (l < 3) {
            return 1;
        }
        if (l < 6) {
            return 3;
        }
        return l < 10 ? 7 : 11;
    }

    private static final class LeveledGzip extends GZIPOutputStream {
        LeveledGzip(OutputStream out, int level) throws IOException {
            super(out, 8192);
            if (level == -2) {
                def.setStrategy(Deflater.HUFFMAN_ONLY);
            } else {
                def.setLevel(level);
            }
        }
    }
}
