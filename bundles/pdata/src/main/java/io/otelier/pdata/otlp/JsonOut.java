package io.otelier.pdata.otlp;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.otelier.pdata.common.AnyValue;
import io.otelier.pdata.common.Attributes;
import io.otelier.pdata.common.SpanId;
import io.otelier.pdata.common.TraceId;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Writes compact OTLP/JSON straight into a byte array, in the exact form of upstream's pdata JSON marshaler: 64-bit
 * integers as decimal strings, 32-bit ones as numbers, doubles in Go's shortest form ({@code 1}, not {@code 1.0};
 * {@code 1e+21}) or {@code "NaN"}/{@code "Infinity"}/{@code "-Infinity"}, ids as lower-case hex, bytes as padded
 * base64, and strings escaped as Go's json-iterator does: {@code \"}, {@code \\}, {@code \n}, {@code \r},
 * {@code \t}, every other control character as backslash-u00xx, non-ASCII characters as their UTF-8.
 *
 * <p>Hand-written rather than Jackson's generator because the file exporter spends most of its time here, and with
 * the C1-only JIT the generator's layers (context checks, character escapes, per-character {@code charAt}) are not
 * inlined. Strings of ISO-8859-1 characters, which log lines nearly always are, are checked eight bytes at a time and
 * copied; other strings go through a Jackson generator configured as this writer used to be, so surrogates (paired or
 * not) come out exactly as before ({@code JsonOutTest} compares both writers on random trees). What repeats within
 * one document is copied from where it was first written: short strings (the same object), the leading digits of
 * large numbers (timestamps of one batch share their seconds), and an attributes field holding the same key and value
 * objects as the last one (the records of one file). The output buffer is kept per thread for its next document.
 */
final class JsonOut {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ANY_STRING_VALUE = "{\"stringValue\":".getBytes(StandardCharsets.US_ASCII);
    /** "00", "01", ... "99". */
    private static final byte[] DIGIT_PAIRS = new byte[200];
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    /** Longest escape of one ISO-8859-1 character: backslash-u00xx. */
    private static final int MAX_ESCAPED_LENGTH = 6;
    private static final long BILLION = 1_000_000_000L;
    /** Reads eight bytes of an array as one long; C1 compiles a constant VarHandle to a plain load. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    /** Each thread's output buffer, reused by its next document; ones grown past this size are let go. */
    private static final ThreadLocal<byte[]> SCRATCH = new ThreadLocal<>();
    private static final int SCRATCH_MAX = 1 << 20;
    /** Strings up to this length are remembered, so a repeated one (attribute keys, file names) is copied. */
    private static final int MEMO_MAX_LENGTH = 48;
    private static final int MEMO_SIZE = 4; // a power of two

    static {
        for (int i = 0; i < 100; i++) {
            DIGIT_PAIRS[2 * i] = (byte) ('0' + i / 10);
            DIGIT_PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    private byte[] buf;
    private int pos;
    /** The last short strings written, by identity, and where their quoted form starts and ends in buf. */
    private final String[] memoStrings = new String[MEMO_SIZE];
    private final int[] memoStart = new int[MEMO_SIZE];
    private final int[] memoEnd = new int[MEMO_SIZE];
    private int memoNext;
    /** The last attributes field written: its key and value objects, and where its bytes are in buf. */
    private SerializableString lastAttributesName;
    private int lastAttributesSize;
    private String[] lastKeys = new String[0];
    private AnyValue[] lastValues = new AnyValue[0];
    private int lastAttributesStart;
    private int lastAttributesEnd;
    /** The digits above the last nine of the last large number written, and where they are in buf. */
    private long lastHigh = -1;
    private int lastHighStart;
    private int lastHighLength;
    /** A value was just completed at the current level, so the next element needs a comma first. */
    private boolean comma;
    private StringFallback fallback;

    JsonOut() {
        buf = SCRATCH.get();
        if (buf == null) {
            buf = new byte[8192];
        } else {
            SCRATCH.set(null); // taken while this document is written
        }
    }

    /** The document written so far; this writer is done with its buffer. */
    byte[] toByteArray() {
        byte[] out = Arrays.copyOf(buf, pos);
        if (buf.length <= SCRATCH_MAX) {
            SCRATCH.set(buf);
        }
        buf = null;
        return out;
    }

    /** A field name, with its bytes ({@code "name":}) prepared once. */
    static JsonName name(String name) {
        return new JsonName(name);
    }

    void field(SerializableString name) {
        byte[] bytes = ((JsonName) name).field;
        ensure(bytes.length + 1);
        if (comma) {
            buf[pos++] = ',';
        }
        System.arraycopy(bytes, 0, buf, pos, bytes.length);
        pos += bytes.length;
        comma = false;
    }

    void startObject() {
        open('{');
    }

    void endObject() {
        close('}');
    }

    void startArray() {
        open('[');
    }

    void endArray() {
        close(']');
    }

    private void open(char bracket) {
        ensure(2);
        if (comma) {
            buf[pos++] = ',';
        }
        buf[pos++] = (byte) bracket;
        comma = false;
    }

    private void close(char bracket) {
        ensure(1);
        buf[pos++] = (byte) bracket;
        comma = true;
    }

    /** Writes the comma if one is due; returns where what follows starts, for {@link #rememberAttributes}. */
    int beginFragment() {
        ensure(1);
        if (comma) {
            buf[pos++] = ',';
            comma = false;
        }
        return pos;
    }

    /**
     * Remembers the attributes field just written from {@code start}: its key and value objects (AnyValues are
     * immutable, and the tree does not change while it is written) and where its bytes are.
     */
    void rememberAttributes(SerializableString name, Attributes attributes, int start) {
        int n = attributes.size();
        if (lastKeys.length < n) {
            lastKeys = new String[n];
            lastValues = new AnyValue[n];
        }
        for (int i = 0; i < n; i++) {
            lastKeys[i] = attributes.key(i);
            lastValues[i] = attributes.value(i);
        }
        lastAttributesName = name;
        lastAttributesSize = n;
        lastAttributesStart = start;
        lastAttributesEnd = pos;
    }

    /** Copies the last remembered attributes field if this one holds the same objects; false when it does not. */
    boolean repeatAttributes(SerializableString name, Attributes attributes) {
        int n = attributes.size();
        if (name != lastAttributesName || n != lastAttributesSize) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (attributes.key(i) != lastKeys[i] || attributes.value(i) != lastValues[i]) {
                return false;
            }
        }
        int length = lastAttributesEnd - lastAttributesStart;
        beforeValue(length);
        System.arraycopy(buf, lastAttributesStart, buf, pos, length);
        pos += length;
        comma = true;
        return true;
    }

    void string(SerializableString name, String value) throws IOException {
        field(name);
        stringValue(value);
    }

    /** A string field left out when empty. */
    void stringIfSet(SerializableString name, String value) throws IOException {
        if (!value.isEmpty()) {
            string(name, value);
        }
    }

    /** A string as an array element or a field's value. */
    void stringValue(String value) throws IOException {
        beforeValue(0);
        quoted(value);
        comma = true;
    }

    /** An AnyValue holding a string: the same as its object with one stringValue field, in one call. */
    void anyStringValue(String value) throws IOException {
        beforeValue(ANY_STRING_VALUE.length);
        System.arraycopy(ANY_STRING_VALUE, 0, buf, pos, ANY_STRING_VALUE.length);
        pos += ANY_STRING_VALUE.length;
        quoted(value);
        ensure(1);
        buf[pos++] = '}';
        comma = true;
    }

    void bool(boolean value) {
        raw(value ? TRUE : FALSE);
    }

    /** A uint32 field left out when 0, written as an unsigned number. */
    void uint32IfSet(SerializableString name, int value) {
        if (value != 0) {
            field(name);
            beforeValue(20);
            digits(Integer.toUnsignedLong(value));
            comma = true;
        }
    }

    /** An int32, sint32 or enum field left out when 0. */
    void int32IfSet(SerializableString name, int value) {
        if (value != 0) {
            field(name);
            beforeValue(20);
            digits(value);
            comma = true;
        }
    }

    /** A fixed64/uint64 field left out when 0, written as an unsigned decimal string. */
    void uint64IfSet(SerializableString name, long value) {
        if (value != 0) {
            field(name);
            uint64(value);
        }
    }

    /** An unsigned 64-bit value as a decimal string. */
    void uint64(long value) {
        beforeValue(22);
        buf[pos++] = '"';
        if (value >= 0) {
            digits(value);
        } else {
            // above Long.MAX_VALUE: all digits but the last come from the unsigned quotient
            long quotient = Long.divideUnsigned(value, 10);
            digits(quotient);
            buf[pos++] = (byte) ('0' + (value - quotient * 10));
        }
        buf[pos++] = '"';
        comma = true;
    }

    /** A signed 64-bit value as a decimal string. */
    void int64(long value) {
        beforeValue(22);
        buf[pos++] = '"';
        digits(value);
        buf[pos++] = '"';
        comma = true;
    }

    void doubleValue(double value) throws IOException {
        if (Double.isNaN(value)) {
            stringValue("NaN");
        } else if (Double.isInfinite(value)) {
            stringValue(value > 0 ? "Infinity" : "-Infinity");
        } else {
            raw(GoFloat.format(value).getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    /** A double field left out when it is zero (-0.0 too, as upstream compares with 0). */
    void doubleIfSet(SerializableString name, double value) throws IOException {
        if (value != 0) {
            field(name);
            doubleValue(value);
        }
    }

    void traceIdIfSet(SerializableString name, TraceId id) {
        if (!id.isEmpty()) {
            field(name);
            beforeValue(34);
            buf[pos++] = '"';
            hex(id.high());
            hex(id.low());
            buf[pos++] = '"';
            comma = true;
        }
    }

    void spanIdIfSet(SerializableString name, SpanId id) {
        if (!id.isEmpty()) {
            field(name);
            beforeValue(18);
            buf[pos++] = '"';
            hex(id.asLong());
            buf[pos++] = '"';
            comma = true;
        }
    }

    /** Bytes as a padded base64 string. */
    void bytes(byte[] value) {
        byte[] encoded = Base64.getEncoder().encode(value);
        beforeValue(encoded.length + 2);
        buf[pos++] = '"';
        System.arraycopy(encoded, 0, buf, pos, encoded.length);
        pos += encoded.length;
        buf[pos++] = '"';
        comma = true;
    }

    /** A literal value (a number or true/false) as it is. */
    private void raw(byte[] literal) {
        beforeValue(literal.length);
        System.arraycopy(literal, 0, buf, pos, literal.length);
        pos += literal.length;
        comma = true;
    }

    /** Room for a comma and {@code length} bytes, and the comma if one is due. */
    private void beforeValue(int length) {
        ensure(length + 1);
        if (comma) {
            buf[pos++] = ',';
        }
    }

    private void ensure(int length) {
        if (buf.length - pos < length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + length));
        }
    }

    /**
     * A decimal number; 64-bit division only to split it into groups of nine digits. The digits above the last nine
     * are remembered: timestamps of one batch share them (the seconds), so they are usually copied.
     */
    private void digits(long value) {
        if (value < 0) {
            buf[pos++] = '-';
            if (value == Long.MIN_VALUE) {
                digits(-(value / 10));
                buf[pos++] = '8';
                return;
            }
            value = -value;
        }
        if (value < BILLION) {
            intDigits((int) value);
            return;
        }
        long high = value / BILLION;
        int low = (int) (value - high * BILLION);
        if (high == lastHigh) {
            System.arraycopy(buf, lastHighStart, buf, pos, lastHighLength);
            pos += lastHighLength;
        } else {
            int start = pos;
            if (high < BILLION) {
                intDigits((int) high);
            } else {
                long top = high / BILLION;
                intDigits((int) top);
                nineDigits((int) (high - top * BILLION));
            }
            lastHigh = high;
            lastHighStart = start;
            lastHighLength = pos - start;
        }
        nineDigits(low);
    }

    /** 0 <= value < 10^9, without leading zeros. */
    private void intDigits(int value) {
        int length = 1;
        for (int bound = 10; length < 9 && value >= bound; bound *= 10) {
            length++;
        }
        fill(value, length);
    }

    /** 0 <= value < 10^9, as nine digits with leading zeros. */
    private void nineDigits(int value) {
        fill(value, 9);
    }

    /** The last {@code length} digits of 0 <= value < 10^9, two at a time. */
    private void fill(int value, int length) {
        int i = pos + length;
        while (i - pos >= 2) {
            int quotient = (int) ((value * 1374389535L) >>> 37); // value / 100, exact for 32-bit values
            int pair = (value - quotient * 100) << 1;
            buf[--i] = DIGIT_PAIRS[pair + 1];
            buf[--i] = DIGIT_PAIRS[pair];
            value = quotient;
        }
        if (i > pos) {
            buf[--i] = (byte) ('0' + value);
        }
        pos += length;
    }

    private void hex(long value) {
        for (int i = pos + 15; i >= pos; i--) {
            buf[i] = HEX[(int) (value & 0xF)];
            value >>>= 4;
        }
        pos += 16;
    }

    /** The string in quotes, escaped; the comma, if due, is already written. */
    private void quoted(String value) throws IOException {
        if (value.length() > MEMO_MAX_LENGTH) {
            escaped(value);
            return;
        }
        for (int i = 0; i < MEMO_SIZE; i++) {
            if (memoStrings[i] == value) {
                int length = memoEnd[i] - memoStart[i];
                ensure(length);
                System.arraycopy(buf, memoStart[i], buf, pos, length);
                pos += length;
                return;
            }
        }
        int start = pos;
        escaped(value);
        int slot = memoNext;
        memoStrings[slot] = value;
        memoStart[slot] = start;
        memoEnd[slot] = pos;
        memoNext = (slot + 1) & (MEMO_SIZE - 1);
    }

    private void escaped(String value) throws IOException {
        byte[] latin1 = value.getBytes(StandardCharsets.ISO_8859_1);
        int n = latin1.length;
        if (n != value.length()) {
            // a surrogate pair became one '?': not ISO-8859-1 text
            quotedByJackson(value);
            return;
        }
        int start = pos;
        ensure(n + 2); // enough unless something needs escaping
        buf[pos++] = '"';
        int i = 0;
        while (true) {
            int run = i;
            // eight plain bytes at a time, then byte by byte to the special one (or the end)
            while (i <= n - Long.BYTES && !hasSpecialByte((long) LONGS.get(latin1, i))) {
                i += Long.BYTES;
            }
            byte c = 0;
            while (i < n) {
                c = latin1[i];
                if (c >= 0x40 ? c == '\\' : c < 0x20 || c == '"' || c == '?') {
                    break;
                }
                i++;
            }
            System.arraycopy(latin1, run, buf, pos, i - run);
            pos += i - run;
            if (i == n) {
                break;
            }
            if (c == '?' && value.charAt(i) != '?') {
                pos = start;
                quotedByJackson(value);
                return;
            }
            ensure(MAX_ESCAPED_LENGTH + n - i + 1);
            if (c == '?') {
                buf[pos++] = '?';
            } else if (c < 0) {
                int ch = c & 0xFF;
                buf[pos++] = (byte) (0xC0 | (ch >> 6));
                buf[pos++] = (byte) (0x80 | (ch & 0x3F));
            } else {
                pos = escape(buf, pos, c);
            }
            i++;
        }
        buf[pos++] = '"';
    }

    /**
     * Whether any of eight ISO-8859-1 bytes needs care: a control character, a non-ASCII one (high bit set),
     * {@code "}, {@code \\}, or {@code ?}, which is also what getBytes made of a character outside ISO-8859-1. Exact
     * about whether there is one; which one is found byte by byte.
     */
    private static boolean hasSpecialByte(long word) {
        long belowSpaceOrHigh = (word - 0x2020202020202020L) | word;
        return ((belowSpaceOrHigh & HIGH_BITS) | zeroByte(word ^ 0x2222222222222222L)
                | zeroByte(word ^ 0x5C5C5C5C5C5C5C5CL) | zeroByte(word ^ 0x3F3F3F3F3F3F3F3FL)) != 0;
    }

    private static long zeroByte(long word) {
        return (word - 0x0101010101010101L) & ~word & HIGH_BITS;
    }

    private static int escape(byte[] out, int p, byte c) {
        out[p++] = '\\';
        switch (c) {
            case '"', '\\' -> out[p++] = c;
            case '\n' -> out[p++] = 'n';
            case '\r' -> out[p++] = 'r';
            case '\t' -> out[p++] = 't';
            default -> {
                out[p++] = 'u';
                out[p++] = '0';
                out[p++] = '0';
                out[p++] = HEX[c >> 4];
                out[p++] = HEX[c & 0xF];
            }
        }
        return p;
    }

    private void quotedByJackson(String value) throws IOException {
        if (fallback == null) {
            fallback = new StringFallback();
        }
        byte[] bytes = fallback.quoted(value);
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, pos, bytes.length);
        pos += bytes.length;
    }

    /** A field name's bytes: the name in quotes and a colon (field names need no escaping). */
    static final class JsonName extends SerializedString {

        private static final long serialVersionUID = 1L;

        final byte[] field;

        JsonName(String name) {
            super(name);
            byte[] quoted = asQuotedUTF8();
            field = new byte[quoted.length + 3];
            field[0] = '"';
            System.arraycopy(quoted, 0, field, 1, quoted.length);
            field[quoted.length + 1] = '"';
            field[quoted.length + 2] = ':';
        }
    }

    /**
     * Strings with characters beyond ISO-8859-1, written by Jackson's generator as this writer used to: non-ASCII as
     * UTF-8, a surrogate pair as one 4-byte character, and the same escapes.
     */
    private static final class StringFallback {

        private static final JsonFactory FACTORY = JsonFactory.builder()
                .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
                .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                .build()
                .setCharacterEscapes(new GoEscapes());

        private final ByteArrayBuilder buffer = new ByteArrayBuilder(256);
        private final JsonGenerator gen;

        StringFallback() throws IOException {
            gen = FACTORY.createGenerator(buffer, JsonEncoding.UTF8);
            gen.setRootValueSeparator(null); // one string per call, nothing between them
        }

        byte[] quoted(String value) throws IOException {
            buffer.reset();
            gen.writeString(value);
            gen.flush();
            return buffer.toByteArray();
        }
    }

    /**
     * Escapes as Go's json-iterator does: {@code \"}, {@code \\}, {@code \n}, {@code \r}, {@code \t}, every other
     * control character as backslash-u00xx; nothing else.
     */
    private static final class GoEscapes extends CharacterEscapes {

        private static final long serialVersionUID = 1L;
        private static final int[] ASCII = standardAsciiEscapesForJSON();

        static {
            ASCII['\b'] = ESCAPE_STANDARD;
            ASCII['\f'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ASCII;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
