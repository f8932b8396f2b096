package io.otelier.helper.fileconsumer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Go's {@code bufio.Scanner} with a position (upstream's fileconsumer scanner): tokens come out of the split function
 * over a buffer that grows up to {@code maxTokenSize}; {@link #position()} is the offset just past the last bytes the
 * split function consumed, which is what a checkpoint may record.
 */
public final class Scanner {

    private static final int MAX_EMPTY_READS = 100;

    private final InputStream source;
    private final SplitFunc split;
    private final SplitFunc.Split out = new SplitFunc.Split();
    private final int maxTokenSize;
    private byte[] buf;
    private int start;
    private int end;
    private boolean eof;
    private long position;
    private String error;
    private int tokenOffset;
    private int tokenLength;
    private boolean tokenAscii;

    public Scanner(InputStream source, int initialBufferSize, int maxTokenSize, long startPosition, SplitFunc split) {
        this.source = source;
        this.split = split;
        this.maxTokenSize = maxTokenSize;
        this.buf = new byte[Math.max(1, initialBufferSize)];
        this.position = startPosition;
    }

    /** Advances to the next token; false at the end of the data or on an error ({@link #error()}). */
    public boolean scan() throws IOException {
        while (true) {
            if (end > start || eof) {
                split.split(buf, start, end - start, eof, out);
                int advance = out.advance();
                if (advance < 0 || advance > end - start) {
                    error = "split function returned an invalid advance count";
                    return false;
                }
                start += advance;
                position += advance;
                if (out.hasToken()) {
                    tokenOffset = start - advance + out.tokenStart();
                    tokenLength = out.tokenLength();
                    tokenAscii = out.isAscii();
                    return true;
                }
            }
            if (eof) {
                return false;
            }
            if (start > 0 && (end == buf.length || start > buf.length / 2)) {
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                start = 0;
            }
            if (end == buf.length) {
                if (buf.length >= maxTokenSize) {
                    error = "log entry too large";
                    return false;
                }
                buf = Arrays.copyOf(buf, (int) Math.min((long) buf.length * 2, maxTokenSize));
            }
            read();
        }
    }

    private void read() throws IOException {
        for (int tries = 0; tries < MAX_EMPTY_READS; tries++) {
            int n = source.read(buf, end, buf.length - end);
            if (n < 0) {
                eof = true;
                return;
            }
            if (n > 0) {
                end += n;
                return;
            }
        }
        eof = true;
    }

    public byte[] buffer() {
        return buf;
    }

    public int tokenOffset() {
        return tokenOffset;
    }

    public int tokenLength() {
        return tokenLength;
    }

    /** The split function found the token's bytes all ASCII (false: not known). */
    public boolean tokenIsAscii() {
        return tokenAscii;
    }

    public long position() {
        return position;
    }

    /** Why scanning stopped early, or null. */
    public String error() {
        return error;
    }
}
