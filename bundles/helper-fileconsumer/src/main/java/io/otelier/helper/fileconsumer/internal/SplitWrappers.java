package io.otelier.helper.fileconsumer.internal;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The stages upstream wraps around a split function, innermost first: force flush of a partial entry after a
 * quiet period ({@code flush}), the max_log_size limit ({@code trim.ToLength} / {@code ToLengthWithTruncate}) and
 * whitespace trimming ({@code trim}).
 */
public final class SplitWrappers {

    private SplitWrappers() {
    }

    /** Per-file state of force_flush_period; lives in the file's metadata so it spans polls. */
    public static final class FlushState {
        long lastDataChangeMillis;
        int lastDataLength;

        public FlushState(long nowMillis) {
            lastDataChangeMillis = nowMillis;
        }
    }

    /** Per-file state of max_log_size_behavior: truncate, true while the rest of a cut entry is being dropped. */
    public static final class TruncateState {
        boolean skipping;
    }

    /** Emits a partial entry once no new data has arrived for {@code period} (upstream flush.State.Func). */
    public static SplitFunc flush(SplitFunc split, FlushState state, Duration period, LongSupplier clockMillis) {
        if (period.isZero() || period.isNegative()) {
            return split;
        }
        long periodMillis = period.toMillis();
        return (data, off, len, atEOF, out) -> {
            split.split(data, off, len, atEOF, out);
            if (out.hasToken()) {
                state.lastDataChangeMillis = clockMillis.getAsLong();
                state.lastDataLength = 0;
                return;
            }
            if (!out.wantsMore()) {
                return;
            }
            if (atEOF && len == 0) {
                state.lastDataLength = 0;
                out.more();
            } else if (len > state.lastDataLength) {
                state.lastDataChangeMillis = clockMillis.getAsLong();
                state.lastDataLength = len;
                out.more();
            } else if (clockMillis.getAsLong() - state.lastDataChangeMillis > periodMillis) {
                state.lastDataChangeMillis = clockMillis.getAsLong();
                state.lastDataLength = 0;
                out.token(len, 0, len);
            } else {
                out.more();
            }
        };
    }

    /** Splits entries longer than {@code max} into pieces of {@code max} bytes (upstream trim.ToLength). */
    public static SplitFunc toLength(SplitFunc split, int max) {
        return (data, off, len, atEOF, out) -> {
            split.split(data, off, len, atEOF, out);
            if (out.wantsMore() && len >= max) {
                out.token(max, 0, max);
            } else if (out.hasToken() && out.tokenLength() > max) {
                out.token(max, out.tokenStart(), max);
            }
        };
    }

    /** Keeps the first {@code max} bytes of an over-long entry and drops the rest (ToLengthWithTruncate). */
    public static SplitFunc toLengthTruncating(SplitFunc split, int max, TruncateState state) {
        int[] lastDataLength = {0};
        return (data, off, len, atEOF, out) -> {
            try {
                if (state.skipping) {
                    split.split(data, off, len, atEOF, out);
                    if (!out.wantsMore()) {
                        // the rest of the cut entry: drop it
                        state.skipping = false;
                        out.skip(out.advance());
                    } else if (len == max || len > max && len == lastDataLength[0]) {
                        out.skip(len);
                    } else if (atEOF) {
                        state.skipping = false;
                        out.skip(len);
                    } else {
                        out.more();
                    }
                    return;
                }
                split.split(data, off, len, atEOF, out);
                if (out.wantsMore() && len >= max) {
                    if (len == max || len == lastDataLength[0] || atEOF) {
                        state.skipping = true;
                        out.token(max, 0, max);
                    } else {
                        out.more();
                    }
                } else if (out.hasToken() && out.tokenLength() > max) {
                    out.token(out.advance(), out.tokenStart(), max);
                }
            } finally {
                lastDataLength[0] = len;
            }
        };
    }

    /** Strips spaces, tabs, CR and LF from the token's ends, unless preserved. */
    public static SplitFunc trim(SplitFunc split, boolean preserveLeading, boolean preserveTrailing) {
        if (preserveLeading && preserveTrailing) {
            return split;
        }
        return (data, off, len, atEOF, out) -> {
            split.split(data, off, len, atEOF, out);
            if (!out.hasToken()) {
                return;
            }
            int start = off + out.tokenStart();
            int end = start + out.tokenLength();
            if (!preserveTrailing) {
                while (end > start && isSpace(data[end - 1])) {
                    end--;
                }
            }
            if (!preserveLeading) {
                while (start < end && isSpace(data[start])) {
                    start++;
                }
            }
            out.token(out.advance(), start - off, end - start);
        };
    }

    /**
     * For gzip streams: whatever is left at the end of the decompressed data is a last entry, since the stream is
     * read whole (upstream's scanner does this when isGzip).
     */
    public static SplitFunc flushAtEndOfStream(SplitFunc split) {
        return (data, off, len, atEOF, out) -> {
            split.split(data, off, len, atEOF, out);
            if (out.wantsMore() && atEOF && len > 0) {
                out.token(len, 0, len);
            }
        };
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }
}
