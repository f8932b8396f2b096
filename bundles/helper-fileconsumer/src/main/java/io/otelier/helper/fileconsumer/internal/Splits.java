package io.otelier.helper.fileconsumer.internal;

import io.otelier.helper.fileconsumer.MultilineConfig;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The split functions of upstream's {@code split} package: lines, multiline patterns, and whole chunks for nop. */
public final class Splits {

    private Splits() {
    }

    /** The split function a multiline config asks for (upstream {@code split.Config.Func}). */
    public static SplitFunc of(MultilineConfig multiline, Encodings.Encoding encoding, boolean flushAtEOF,
            int maxLogSize) {
        if (encoding.isNop()) {
            return whole(maxLogSize);
        }
        if (!multiline.lineEndPattern().isEmpty()) {
            return lineEnd(RegexView.compile(multiline.lineEndPattern(), encoding), multiline.omitPattern(),
                    flushAtEOF);
        }
        if (!multiline.lineStartPattern().isEmpty()) {
            return lineStart(RegexView.compile(multiline.lineStartPattern(), encoding), multiline.omitPattern(),
                    flushAtEOF);
        }
        return newline(encoding, flushAtEOF);
    }

    /** Lines ending in the encoding's "\n"; a trailing "\r" is dropped; an empty line is an empty token. */
    public static SplitFunc newline(Encodings.Encoding encoding, boolean flushAtEOF) {
        byte[] newline = encoding.newline();
        byte[] cr = encoding.carriageReturn();
        return (data, off, len, atEOF, out) -> {
            if (atEOF && len == 0) {
                out.more();
                return;
            }
            int i = indexOf(data, off, len, newline);
            if (i == 0) {
                out.token(newline.length, 0, 0);
            } else if (i > 0) {
                int end = i;
                if (end >= cr.length && regionEquals(data, off + end - cr.length, cr)) {
                    end -= cr.length;
                }
                out.token(i + newline.length, 0, end);
            } else if (atEOF && flushAtEOF) {
                out.token(len, 0, len);
            } else {
                out.more();
            }
        };
    }

    /** Everything as one token, in chunks of at most maxLogSize (nop encoding). */
    public static SplitFunc whole(int maxLogSize) {
        return (data, off, len, atEOF, out) -> {
            if (len >= maxLogSize) {
                out.token(maxLogSize, 0, maxLogSize);
            } else if (!atEOF || len == 0) {
                out.more();
            } else {
                out.token(len, 0, len);
            }
        };
    }

    /** Entries that begin with a match of the pattern (upstream LineStartSplitFunc). */
    static SplitFunc lineStart(RegexView regex, boolean omitPattern, boolean flushAtEOF) {
        return (data, off, len, atEOF, out) -> {
            Matcher m = regex.matcher(data, off, len);
            if (!m.find()) {
                if (len != 0 && atEOF && flushAtEOF) {
                    out.token(len, 0, len);
                } else {
                    out.more();
                }
                return;
            }
            int firstStart = regex.byteOffset(m.start());
            int firstEnd = regex.byteOffset(m.end());
            int secondStart = -1;
            for (int tries = 0; tries < 2 && m.find(); tries++) {
                int start = regex.byteOffset(m.start());
                if (start > firstEnd) {
                    secondStart = start;
                    break;
                }
            }
            if (firstStart != 0) {
                // data before the first match is an entry of its own, so nothing is lost
                out.token(firstStart, 0, firstStart);
            } else if (firstEnd == len) {
                out.more();
            } else if (atEOF && flushAtEOF) {
                out.token(len, omitPattern ? firstEnd : 0, omitPattern ? len - firstEnd : len);
            } else if (secondStart < 0) {
                out.more();
            } else if (omitPattern) {
                out.token(secondStart, firstEnd, secondStart - firstEnd);
            } else {
                out.token(secondStart, firstStart, secondStart - firstStart);
            }
        };
    }

    /** Entries that end with a match of the pattern (upstream LineEndSplitFunc). */
    static SplitFunc lineEnd(RegexView regex, boolean omitPattern, boolean flushAtEOF) {
        return (data, off, len, atEOF, out) -> {
            Matcher m = regex.matcher(data, off, len);
            if (!m.find()) {
                if (len != 0 && atEOF && flushAtEOF) {
                    out.token(len, 0, len);
                } else {
                    out.more();
                }
                return;
            }
            int start = regex.byteOffset(m.start());
            int end = regex.byteOffset(m.end());
            // upstream waits for more data when the match ends one byte before the end of the buffer
            if (end == len - 1 && !atEOF) {
                out.more();
            } else {
                out.token(end, 0, omitPattern ? start : end);
            }
        };
    }

    static int indexOf(byte[] data, int off, int len, byte[] needle) {
        int last = off + len - needle.length;
        byte first = needle[0];
        for (int i = off; i <= last; i++) {
            if (data[i] == first && regionEquals(data, i, needle)) {
                return i - off;
            }
        }
        return -1;
    }

    private static boolean regionEquals(byte[] data, int at, byte[] needle) {
        for (int j = 1; j < needle.length; j++) {
            if (data[at + j] != needle[j]) {
                return false;
            }
        }
        return data[at] == needle[0];
    }

    /**
     * A regex run over encoded bytes. For UTF-8 (and the names upstream maps to it) the bytes are seen one char per
     * byte (ISO-8859-1), and the pattern's non-ASCII text is turned into its UTF-8 bytes the same way, so match
     * offsets are byte offsets. Other charsets are decoded and the offsets mapped back.
     */
    static final class RegexView {
        private final Pattern pattern;
        private final Encodings.Encoding encoding;
        private final boolean byteWise;
        private String decoded;

        private RegexView(Pattern pattern, Encodings.Encoding encoding, boolean byteWise) {
            this.pattern = pattern;
            this.encoding = encoding;
            this.byteWise = byteWise;
        }

        static RegexView compile(String regex, Encodings.Encoding encoding) {
            boolean byteWise = encoding.charset().equals(StandardCharsets.UTF_8);
            String source = byteWise
                    ? new String(regex.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)
                    : regex;
            return new RegexView(Pattern.compile(source, Pattern.MULTILINE), encoding, byteWise);
        }

        Matcher matcher(byte[] data, int off, int len) {
            decoded = new String(data, off, len, byteWise ? StandardCharsets.ISO_8859_1 : encoding.charset());
            return pattern.matcher(decoded);
        }

        int byteOffset(int charIndex) {
            return byteWise ? charIndex : decoded.substring(0, charIndex).getBytes(encoding.charset()).length;
        }
    }
}
