package io.otelier.helper.fileconsumer.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The default chain, {@code trim(toLength(flush(newline)))} for an encoding whose newline is the single byte
 * {@code '\n'} (UTF-8 and the other ASCII-compatible ones), as one function: one loop to the next newline, eight
 * bytes at a time, and no calls between stages, which the C1 compiler would not inline. It also tells whether the
 * bytes it went over were all ASCII, so the reader can skip UTF-8's check of every byte when decoding.
 *
 * <p>It returns what the chain of {@link Splits#newline}, {@link SplitWrappers#flush}, {@link SplitWrappers#toLength}
 * and {@link SplitWrappers#trim} returns for every input ({@code FusedLineSplitTest} compares them), with one saving:
 * a token does not read the clock. The chain stamps the flush state's time on every token, but that stamp is never
 * compared: the next call without a token either has more data than the state's length (0 after a token), which
 * stamps the time again, or none at all, which only happens at the end of the data and resets the length.
 */
final class FusedLineSplit implements SplitFunc {

    /** Reads eight bytes of an array as one long; C1 compiles a constant VarHandle to a plain load. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private final int maxLength;
    private final boolean trimLeading;
    private final boolean trimTrailing;
    private final SplitWrappers.FlushState flush;
    private final long flushPeriodMillis;
    private final LongSupplier clockMillis;

    /** @param flushPeriod force_flush_period; zero or negative: partial entries are never flushed */
    FusedLineSplit(int maxLength, boolean preserveLeading, boolean preserveTrailing, SplitWrappers.FlushState flush,
            Duration flushPeriod, LongSupplier clockMillis) {
        this.maxLength = maxLength;
        this.trimLeading = !preserveLeading;
        this.trimTrailing = !preserveTrailing;
        boolean flushing = !flushPeriod.isZero() && !flushPeriod.isNegative();
        this.flush = flushing ? flush : null;
        this.flushPeriodMillis = flushing ? flushPeriod.toMillis() : 0;
        this.clockMillis = clockMillis;
    }

    @Override
    public void split(byte[] data, int off, int len, boolean atEOF, Split out) {
        int end = off + len;
        int i = off;
        // eight bytes at a time to the word holding the newline, then byte by byte; all bytes before it ORed
        long words = 0;
        while (i <= end - Long.BYTES) {
            long word = (long) LONGS.get(data, i);
            if (hasZeroByte(word ^ NEWLINES)) {
                break;
            }
            words |= word;
            i += Long.BYTES;
        }
        int bytes = 0;
        while (i < end) {
            byte c = data[i];
            if (c == '\n') {
                break;
            }
            bytes |= c;
            i++;
        }
        boolean ascii = (words & HIGH_BITS) == 0 && bytes >= 0;
        if (i < end) {
            if (flush != null) {
                flush.lastDataLength = 0;
            }
            int tokenEnd = i > off && data[i - 1] == '\r' ? i - 1 : i;
            int advance = i + 1 - off;
            if (tokenEnd - off > maxLength) {
                advance = maxLength;
                tokenEnd = off + maxLength;
            }
            trimmed(data, off, off, tokenEnd, advance, out);
            out.ascii(ascii);
            return;
        }
        if (atEOF && len == 0) {
            if (flush != null) {
                flush.lastDataLength = 0;
            }
            out.more();
            return;
        }
        // no newline: the flush state may cut the partial entry, then the length limit
        boolean flushed = false;
        if (flush != null) {
            if (len > flush.lastDataLength) {
                flush.lastDataChangeMillis = clockMillis.getAsLong();
                flush.lastDataLength = len;
            } else if (clockMillis.getAsLong() - flush.lastDataChangeMillis > flushPeriodMillis) {
                flush.lastDataChangeMillis = clockMillis.getAsLong();
                flush.lastDataLength = 0;
                flushed = true;
            }
        }
        if (len >= maxLength) {
            trimmed(data, off, off, off + maxLength, maxLength, out);
            out.ascii(ascii);
        } else if (flushed) {
            trimmed(data, off, off, end, len, out);
            out.ascii(ascii);
        } else {
            out.more();
        }
    }

    private void trimmed(byte[] data, int off, int start, int end, int advance, Split out) {
        if (trimTrailing) {
            while (end > start && isSpace(data[end - 1])) {
                end--;
            }
        }
        if (trimLeading) {
            while (start < end && isSpace(data[start])) {
                start++;
            }
        }
        out.token(advance, start - off, end - start);
    }

    /** Whether any of the eight bytes is zero (exact; which one is found byte by byte). */
    private static boolean hasZeroByte(long word) {
        return ((word - LOW_BITS) & ~word & HIGH_BITS) != 0;
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }
}
