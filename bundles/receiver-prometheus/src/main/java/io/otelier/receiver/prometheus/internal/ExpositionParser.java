package io.otelier.receiver.prometheus.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A pull parser for the Prometheus text format (0.0.4 and 1.0.0, with UTF-8 names in quotes) and OpenMetrics
 * 1.0, hand-written over the raw bytes: one pass, no regular expressions, no per-line strings. A series hands
 * out its raw text ({@link #seriesKey()}) so callers can cache per-series work, and decodes its labels only
 * when asked ({@link #labels()}).
 *
 * <p>Semantics follow Prometheus's {@code textparse}: text-format timestamps are integer milliseconds,
 * OpenMetrics timestamps float seconds; OpenMetrics must end with {@code # EOF}, allows no other comments, no
 * blank lines, and exemplars after {@code " # "}; the text format skips blank lines and {@code #} comments.
 * Errors carry the 1-based line and column.
 */
final class ExpositionParser {

    enum Entry { TYPE, HELP, UNIT, COMMENT, SERIES, EOF }

    /** Metric types as Prometheus's model spells them ("untyped" in the text format is "unknown"). */
    static final String COUNTER = "counter";
    static final String GAUGE = "gauge";
    static final String HISTOGRAM = "histogram";
    static final String GAUGE_HISTOGRAM = "gaugehistogram";
    static final String SUMMARY = "summary";
    static final String INFO = "info";
    static final String STATESET = "stateset";
    static final String UNKNOWN = "unknown";

    private final byte[] b;
    private final int end;
    private final boolean openMetrics;

    private int pos;
    private int line;
    private int lineStart;
    private boolean sawEof;

    // metadata of the current TYPE/HELP/UNIT entry
    private String metaName;
    private String metaText;

    // current series
    private int seriesStart;
    private int seriesEnd;
    private int nameStart;
    private int nameEnd;
    private boolean nameQuoted;
    /** per label: name start, name end, name quoted (0/1), value start, value end, value escaped (0/1) */
    private int[] labelSpans = new int[6 * 8];
    private int labelCount;
    private double value;
    private boolean hasTimestamp;
    private long timestampMs;
    private boolean hasExemplar;
    private int exemplarLabelsStart;
    private int exemplarLabelCount;
    private int[] exemplarSpans = new int[6 * 2];
    private double exemplarValue;
    private boolean exemplarHasTimestamp;
    private long exemplarTimestampMs;

    ExpositionParser(byte[] body, int length, boolean openMetrics) {
        this.b = body;
        this.end = length;
        this.openMetrics = openMetrics;
        this.line = 0;
    }

    boolean openMetrics() {
        return openMetrics;
    }

    Entry next() throws ParseException {
        while (true) {
            if (pos >= end) {
                if (openMetrics && !sawEof) {
                    throw new ParseException(line + 1, 1, "data does not end with # EOF");
                }
                return Entry.EOF;
            }
            if (sawEof) {
                throw new ParseException(line + 1, 1, "unexpected data after # EOF");
            }
            line++;
            lineStart = pos;
            int eol = indexOf((byte) '\n', pos);
            int lineEnd = eol < 0 ? end : eol;
            pos = eol < 0 ? end : eol + 1;
            if (openMetrics && eol < 0 && !isEofLine(lineStart, lineEnd)) {
                throw error(lineEnd, "data does not end with # EOF");
            }
            if (lineStart == lineEnd || (!openMetrics && isBlank(lineStart, lineEnd))) {
                if (openMetrics) {
                    throw error(lineStart, "unexpected blank line");
                }
                continue;
            }
            int first = openMetrics ? lineStart : skipBlanks(lineStart, lineEnd);
            if (b[first] == '#') {
                Entry e = comment(first, lineEnd);
                if (e != null) {
                    return e;
                }
                continue;
            }
            series(first, lineEnd);
            return Entry.SERIES;
        }
    }

    private boolean isEofLine(int from, int to) {
        return to - from == 5 && b[from] == '#' && b[from + 1] == ' ' && b[from + 2] == 'E' && b[from + 3] == 'O'
                && b[from + 4] == 'F';
    }

    // ---------------------------------------------------------------- comments and metadata

    private Entry comment(int from, int to) throws ParseException {
        int i = from + 1;
        if (openMetrics) {
            if (isEofLine(from, to)) {
                sawEof = true;
                return null;
            }
            if (i >= to || b[i] != ' ') {
                throw error(i, "expected a space after '#' (comments are not allowed in OpenMetrics)");
            }
            i++;
            String keyword = word(i, to);
            Entry kind = switch (keyword) {
                case "HELP" -> Entry.HELP;
                case "TYPE" -> Entry.TYPE;
                case "UNIT" -> Entry.UNIT;
                default -> throw error(i, "expected HELP, TYPE, UNIT or EOF after '# ', got \"" + keyword + "\"");
            };
            return metadata(kind, i + 4, to);
        }
        int j = skipBlanks(i, to);
        if (j == i || j >= to) {
            return Entry.COMMENT;
        }
        String keyword = word(j, to);
        Entry kind = switch (keyword) {
            case "HELP" -> Entry.HELP;
            case "TYPE" -> Entry.TYPE;
            default -> null;
        };
        int afterKeyword = j + keyword.length();
        if (kind == null || afterKeyword >= to || !isBlank(b[afterKeyword])) {
            return Entry.COMMENT;
        }
        return metadata(kind, afterKeyword, to);
    }

    /** @param i just after the keyword */
    private Entry metadata(Entry kind, int i, int to) throws ParseException {
        if (i >= to || !isBlank(b[i])) {
            throw error(i, "expected a space after " + kind);
        }
        i = openMetrics ? i + 1 : skipBlanks(i, to);
        int nStart;
        int nEnd;
        if (i < to && b[i] == '"') {
            int close = quotedEnd(i, to);
            metaName = unescape(i + 1, close, true);
            i = close + 1;
        } else {
            nStart = i;
            i = metricNameEnd(i, to);
            nEnd = i;
            if (nEnd == nStart) {
                throw error(i, "expected metric name after " + kind + ", got " + describe(i, to));
            }
            metaName = ascii(nStart, nEnd);
        }
        String text;
        if (i >= to) {
            if (kind != Entry.HELP || openMetrics) {
                throw error(i, "expected text in " + kind + ", got end of line");
            }
            text = "";
        } else {
            if (!isBlank(b[i])) {
                throw error(i, "expected a space after the metric name, got " + describe(i, to));
            }
            int textStart = openMetrics ? i + 1 : skipBlanks(i, to);
            int textEnd = to;
            if (kind != Entry.HELP) {
                while (textEnd > textStart && isBlank(b[textEnd - 1])) {
                    textEnd--;
                }
            }
            text = kind == Entry.HELP ? unescape(textStart, textEnd, openMetrics) : ascii(textStart, textEnd);
        }
        switch (kind) {
            case TYPE -> metaText = metricType(text, i);
            case UNIT -> {
                metaText = text;
                if (!text.isEmpty() && !(metaName.endsWith("_" + text))) {
                    throw error(i, "unit \"" + text + "\" is not a suffix of metric \"" + metaName + "\"");
                }
            }
            default -> metaText = text;
        }
        return kind;
    }

    private String metricType(String text, int at) throws ParseException {
        if (openMetrics) {
            switch (text) {
                case COUNTER, GAUGE, HISTOGRAM, GAUGE_HISTOGRAM, SUMMARY, INFO, STATESET, UNKNOWN:
                    return text;
                default:
                    throw error(at, "invalid metric type \"" + text + "\"");
            }
        }
        return switch (text) {
            case COUNTER, GAUGE, HISTOGRAM, SUMMARY -> text;
            case "untyped" -> UNKNOWN;
            default -> throw error(at, "invalid metric type \"" + text + "\"");
        };
    }

    /** The family a TYPE, HELP or UNIT entry is about. */
    String metadataName() {
        return metaName;
    }

    /** The type (for TYPE), the unescaped help text (HELP) or the unit (UNIT). */
    String metadataText() {
        return metaText;
    }

    // ---------------------------------------------------------------- series

    private void series(int from, int to) throws ParseException {
        labelCount = 0;
        hasTimestamp = false;
        hasExemplar = false;
        nameQuoted = false;
        nameStart = -1;
        nameEnd = -1;
        seriesStart = from;
        int i = from;
        if (b[i] != '{') {
            i = metricNameEnd(from, to);
            if (i == from) {
                throw error(from, "expected a metric name or '{', got " + describe(from, to));
            }
            nameStart = from;
            nameEnd = i;
            if (!openMetrics) {
                int j = skipBlanks(i, to);
                if (j < to && b[j] == '{') {
                    i = j;
                }
            }
        }
        if (i < to && b[i] == '{') {
            i = labelSet(i + 1, to, true);
        }
        if (nameStart < 0) {
            throw error(from, "the series has no metric name");
        }
        seriesEnd = i;
        if (i >= to || !isBlank(b[i])) {
            throw error(i, "expected a space before the value, got " + describe(i, to));
        }
        i = openMetrics ? i + 1 : skipBlanks(i, to);
        int vStart = i;
        i = tokenEnd(i, to);
        value = number(vStart, i, "value");
        if (i < to && !openMetrics) {
            int j = skipBlanks(i, to);
            if (j < to) {
                int tEnd = tokenEnd(j, to);
                timestampMs = integerTimestamp(j, tEnd);
                hasTimestamp = true;
                i = skipBlanks(tEnd, to);
                if (i < to) {
                    throw error(i, "expected end of line after the timestamp, got " + describe(i, to));
                }
            }
            return;
        }
        if (i < to) {
            i = afterValueOpenMetrics(i, to);
        }
    }

    private int afterValueOpenMetrics(int i, int to) throws ParseException {
        if (b[i] != ' ') {
            throw error(i, "expected a space after the value, got " + describe(i, to));
        }
        i++;
        if (i < to && b[i] != '#') {
            int tEnd = tokenEnd(i, to);
            timestampMs = secondsTimestamp(i, tEnd);
            hasTimestamp = true;
            i = tEnd;
            if (i == to) {
                return i;
            }
            if (b[i] != ' ' || i + 1 >= to || b[i + 1] != '#') {
                throw error(i, "expected an exemplar (\" # {...} value\") or end of line, got " + describe(i, to));
            }
            i++;
        }
        return exemplar(i, to);
    }

    /** @param i at the '#' */
    private int exemplar(int i, int to) throws ParseException {
        if (i + 2 >= to || b[i + 1] != ' ' || b[i + 2] != '{') {
            throw error(i, "expected \"# {\" to start an exemplar");
        }
        // exemplar labels reuse the span logic with their own array
        int[] seriesSpans = labelSpans;
        int seriesCount = labelCount;
        labelSpans = exemplarSpans;
        labelCount = 0;
        exemplarLabelsStart = i + 2;
        int j;
        try {
            j = labelSet(i + 3, to, false);
        } finally {
            exemplarSpans = labelSpans;
            exemplarLabelCount = labelCount;
            labelSpans = seriesSpans;
            labelCount = seriesCount;
        }
        if (j >= to || b[j] != ' ') {
            throw error(j, "expected a space before the exemplar value, got " + describe(j, to));
        }
        j++;
        int vEnd = tokenEnd(j, to);
        exemplarValue = number(j, vEnd, "exemplar value");
        exemplarHasTimestamp = false;
        j = vEnd;
        if (j < to) {
            if (b[j] != ' ') {
                throw error(j, "expected a space before the exemplar timestamp, got " + describe(j, to));
            }
            int tEnd = tokenEnd(j + 1, to);
            exemplarTimestampMs = secondsTimestamp(j + 1, tEnd);
            exemplarHasTimestamp = true;
            j = tEnd;
            if (j < to) {
                throw error(j, "expected end of line after the exemplar, got " + describe(j, to));
            }
        }
        hasExemplar = true;
        return j;
    }

    /**
     * Parses labels up to and including the closing brace.
     *
     * @param i             just after '{'
     * @param allowQuotedName whether a bare quoted string may name the metric ({@code {"my.metric"}})
     * @return the index after '}'
     */
    private int labelSet(int i, int to, boolean allowQuotedName) throws ParseException {
        while (true) {
            i = openMetrics ? i : skipBlanks(i, to);
            if (i >= to) {
                throw error(i, "expected a label name or '}', got end of line");
            }
            if (b[i] == '}') {
                return i + 1;
            }
            int lnStart;
            int lnEnd;
            boolean quoted = false;
            if (b[i] == '"') {
                int close = quotedEnd(i, to);
                lnStart = i + 1;
                lnEnd = close;
                quoted = true;
                i = close + 1;
            } else {
                lnStart = i;
                i = labelNameEnd(i, to);
                lnEnd = i;
                if (lnEnd == lnStart) {
                    throw error(i, "expected a label name, got " + describe(i, to));
                }
            }
            int k = openMetrics ? i : skipBlanks(i, to);
            if (quoted && allowQuotedName && k < to && (b[k] == ',' || b[k] == '}')) {
                if (nameStart >= 0) {
                    throw error(lnStart - 1, "the metric name is already set");
                }
                nameStart = lnStart;
                nameEnd = lnEnd;
                nameQuoted = true;
                i = b[k] == ',' ? k + 1 : k;
                continue;
            }
            i = k;
            if (i >= to || b[i] != '=') {
                throw error(i, "expected '=' after label name, got " + describe(i, to));
            }
            i = openMetrics ? i + 1 : skipBlanks(i + 1, to);
            if (i >= to || b[i] != '"') {
                throw error(i, "expected a quoted label value, got " + describe(i, to));
            }
            int close = quotedEnd(i, to);
            addSpan(lnStart, lnEnd, quoted, i + 1, close);
            i = openMetrics ? close + 1 : skipBlanks(close + 1, to);
            if (i < to && b[i] == ',') {
                i++;
            } else if (i >= to || b[i] != '}') {
                throw error(i, "expected ',' or '}' after label value, got " + describe(i, to));
            }
        }
    }

    private void addSpan(int nStart, int nEnd, boolean quoted, int vStart, int vEnd) {
        int at = labelCount * 6;
        if (at + 6 > labelSpans.length) {
            labelSpans = Arrays.copyOf(labelSpans, labelSpans.length * 2);
        }
        labelSpans[at] = nStart;
        labelSpans[at + 1] = nEnd;
        labelSpans[at + 2] = quoted ? 1 : 0;
        labelSpans[at + 3] = vStart;
        labelSpans[at + 4] = vEnd;
        labelSpans[at + 5] = hasBackslash(vStart, vEnd) ? 1 : 0;
        labelCount++;
    }

    /** The index of the closing quote of the string opening at {@code i}. */
    private int quotedEnd(int i, int to) throws ParseException {
        for (int j = i + 1; j < to; j++) {
            if (b[j] == '\\') {
                j++;
            } else if (b[j] == '"') {
                return j;
            }
        }
        throw error(i, "unterminated quoted string");
    }

    private double number(int from, int to, String what) throws ParseException {
        if (from == to) {
            throw error(from, "expected a " + what + ", got " + describe(from, end));
        }
        try {
            return FloatParser.parse(b, from, to);
        } catch (NumberFormatException e) {
            throw error(from, "invalid " + what + " \"" + ascii(from, to) + "\"");
        }
    }

    private long integerTimestamp(int from, int to) throws ParseException {
        long v = 0;
        int i = from;
        boolean negative = i < to && b[i] == '-';
        if (negative || (i < to && b[i] == '+')) {
            i++;
        }
        if (i == to) {
            throw error(from, "invalid timestamp \"" + ascii(from, to) + "\"");
        }
        for (; i < to; i++) {
            byte c = b[i];
            if (c < '0' || c > '9' || v > (Long.MAX_VALUE - 9) / 10) {
                throw error(from, "invalid timestamp \"" + ascii(from, to) + "\"");
            }
            v = v * 10 + (c - '0');
        }
        return negative ? -v : v;
    }

    private long secondsTimestamp(int from, int to) throws ParseException {
        double seconds = number(from, to, "timestamp");
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            throw error(from, "invalid timestamp \"" + ascii(from, to) + "\"");
        }
        return (long) (seconds * 1000);
    }

    /** The raw text of the metric name and labels: identical series have identical keys. */
    String seriesKey() {
        return new String(b, seriesStart, seriesEnd - seriesStart, StandardCharsets.ISO_8859_1);
    }

    String metricName() {
        return nameQuoted ? unescape(nameStart, nameEnd, true) : ascii(nameStart, nameEnd);
    }

    /** The series' labels with {@code __name__}, sorted; a repeated label name is an error. */
    Labels labels() throws ParseException {
        return decode(labelSpans, labelCount, metricName());
    }

    double value() {
        return value;
    }

    boolean hasTimestamp() {
        return hasTimestamp;
    }

    long timestampMs() {
        return timestampMs;
    }

    boolean hasExemplar() {
        return hasExemplar;
    }

    Labels exemplarLabels() throws ParseException {
        return decode(exemplarSpans, exemplarLabelCount, null);
    }

    double exemplarValue() {
        return exemplarValue;
    }

    boolean exemplarHasTimestamp() {
        return exemplarHasTimestamp;
    }

    long exemplarTimestampMs() {
        return exemplarTimestampMs;
    }

    private Labels decode(int[] spans, int count, String metricName) throws ParseException {
        int extra = metricName == null ? 0 : 1;
        String[] pairs = new String[(count + extra) * 2];
        int n = 0;
        if (metricName != null) {
            pairs[n++] = "__name__";
            pairs[n++] = metricName;
        }
        for (int l = 0; l < count; l++) {
            int at = l * 6;
            String name = spans[at + 2] == 1 ? unescape(spans[at], spans[at + 1], true) : ascii(spans[at], spans[at + 1]);
            String value = spans[at + 5] == 1 ? unescape(spans[at + 3], spans[at + 4], true)
                    : utf8(spans[at + 3], spans[at + 4]);
            pairs[n++] = name;
            pairs[n++] = value;
        }
        return sortAndCheck(pairs, n);
    }

    private Labels sortAndCheck(String[] pairs, int n) throws ParseException {
        // insertion sort by name: label sets are small and usually sorted already
        for (int i = 2; i < n; i += 2) {
            String name = pairs[i];
            String value = pairs[i + 1];
            int j = i - 2;
            while (j >= 0 && pairs[j].compareTo(name) > 0) {
                pairs[j + 2] = pairs[j];
                pairs[j + 3] = pairs[j + 1];
                j -= 2;
            }
            pairs[j + 2] = name;
            pairs[j + 3] = value;
        }
        int out = 0;
        for (int i = 0; i < n; i += 2) {
            if (i > 0 && pairs[i].equals(pairs[i - 2])) {
                throw new ParseException(line, seriesStart - lineStart + 1,
                        "invalid sample: non-unique label names: \"" + pairs[i] + "\"");
            }
            if (pairs[i + 1].isEmpty()) {
                continue; // Prometheus drops labels with empty values
            }
            pairs[out++] = pairs[i];
            pairs[out++] = pairs[i + 1];
        }
        return Labels.ofSorted(out == pairs.length ? pairs : Arrays.copyOf(pairs, out));
    }

    // ---------------------------------------------------------------- lexing helpers

    private int metricNameEnd(int start, int to) {
        int i = start;
        while (i < to) {
            byte c = b[i];
            boolean ok = c == '_' || c == ':' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9' && i > start);
            if (!ok) {
                break;
            }
            i++;
        }
        return i;
    }

    private int labelNameEnd(int start, int to) {
        int i = start;
        while (i < to) {
            byte c = b[i];
            boolean ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9' && i > start);
            if (!ok) {
                break;
            }
            i++;
        }
        return i;
    }

    private int tokenEnd(int i, int to) {
        while (i < to && !isBlank(b[i])) {
            i++;
        }
        return i;
    }

    private int skipBlanks(int i, int to) {
        while (i < to && isBlank(b[i])) {
            i++;
        }
        return i;
    }

    private boolean isBlank(int from, int to) {
        return skipBlanks(from, to) == to;
    }

    private static boolean isBlank(byte c) {
        return c == ' ' || c == '\t';
    }

    private int indexOf(byte c, int from) {
        for (int i = from; i < end; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private boolean hasBackslash(int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == '\\') {
                return true;
            }
        }
        return false;
    }

    private String word(int i, int to) {
        int j = i;
        while (j < to && b[j] >= 'A' && b[j] <= 'Z') {
            j++;
        }
        return ascii(i, j);
    }

    private String ascii(int from, int to) {
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private String utf8(int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] < 0) {
                return new String(b, from, to - from, StandardCharsets.UTF_8);
            }
        }
        return ascii(from, to);
    }

    /** Resolves {@code \\}, {@code \n} and (when {@code quotes}) {@code \"}; other escapes stay as written. */
    private String unescape(int from, int to, boolean quotes) {
        if (!hasBackslash(from, to)) {
            return utf8(from, to);
        }
        byte[] out = new byte[to - from];
        int n = 0;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c == '\\' && i + 1 < to) {
                byte next = b[i + 1];
                if (next == '\\' || next == 'n' || (quotes && next == '"')) {
                    out[n++] = next == 'n' ? (byte) '\n' : next;
                    i++;
                    continue;
                }
            }
            out[n++] = c;
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    private String describe(int i, int to) {
        if (i >= to) {
            return "end of line";
        }
        int j = Math.min(to, i + 20);
        return "\"" + new String(b, i, j - i, StandardCharsets.UTF_8) + (j < to ? "…" : "") + "\"";
    }

    private ParseException error(int at, String problem) {
        int col = at - lineStart + 1;
        return new ParseException(Math.max(line, 1), Math.max(col, 1), problem);
    }
}
