package io.otelier.helper.fileconsumer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * The identity of a file: its first bytes (up to fingerprint_size). A file that grows keeps its identity as long as
 * its new first bytes start with the old ones; a file that is rewritten gets a new one.
 */
public final class Fingerprint {

    private final byte[] firstBytes;

    public Fingerprint(byte[] firstBytes) {
        this.firstBytes = firstBytes;
    }

    /**
     * Reads the first {@code size} bytes of {@code channel}, decompressed when {@code decompress} is set and the
     * file starts with the gzip magic number.
     */
    public static Fingerprint of(FileChannel channel, int size, boolean decompress) throws IOException {
        if (decompress && Gzip.isGzip(channel)) {
            try (InputStream in = new GZIPInputStream(Channels.newInputStream(new PositionedChannel(channel, 0)))) {
                return new Fingerprint(in.readNBytes(size));
            } catch (java.io.EOFException e) {
                return new Fingerprint(new byte[0]);
            }
        }
        ByteBuffer buf = ByteBuffer.allocate(size);
        long position = 0;
        while (buf.hasRemaining()) {
            int n = channel.read(buf, position);
            if (n <= 0) {
                break;
            }
            position += n;
        }
        return new Fingerprint(Arrays.copyOf(buf.array(), buf.position()));
    }

    public int length() {
        return firstBytes.length;
    }

    public byte[] bytes() {
        return firstBytes.clone();
    }

    /** True when this (newer) fingerprint begins with {@code old}, which is not empty. */
    public boolean startsWith(Fingerprint old) {
        int n = old.firstBytes.length;
        if (n == 0 || n > firstBytes.length) {
            return false;
        }
        return Arrays.equals(firstBytes, 0, n, old.firstBytes, 0, n);
    }

    /** This fingerprint cut to {@code size} bytes (after fingerprint_size was lowered). */
    public Fingerprint truncatedTo(int size) {
        return size >= firstBytes.length ? this : new Fingerprint(Arrays.copyOf(firstBytes, size));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fingerprint f && Arrays.equals(firstBytes, f.firstBytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(firstBytes);
    }
}
