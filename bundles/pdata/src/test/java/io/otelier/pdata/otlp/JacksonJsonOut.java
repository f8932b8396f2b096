package io.otelier.pdata.otlp;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.otelier.pdata.common.SpanId;
import io.otelier.pdata.common.TraceId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * Test oracle: OTLP/JSON writing of the output primitives (Jackson's streaming generator) as it was
 * before {@code JsonOut} wrote bytes itself, with Jackson (a frozen copy of the writing half).
 * {@link JsonOutTest} compares the two writers.
 */
final class JacksonJsonOut {

    static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build()
            .setCharacterEscapes(new GoEscapes());

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    final JsonGenerator gen;
    private final ByteArrayBuilder buffer;
    private final char[] scratch = new char[32];

    JacksonJsonOut() {
        buffer = new ByteArrayBuilder(4096);
        try {
            gen = FACTORY.createGenerator(buffer, JsonEncoding.UTF8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document written so far; closes the generator. */
    byte[] toByteArray() throws IOException {
        gen.close();
        return buffer.toByteArray();
    }

    static SerializableString name(String name) {
        return new SerializedString(name);
    }

    void field(SerializableString name) throws IOException {
        gen.writeFieldName(name);
    }

    void startObject() throws IOException {
        gen.writeStartObject();
    }

    void endObject() throws IOException {
        gen.writeEndObject();
    }

    void startArray() throws IOException {
        gen.writeStartArray();
    }

    void endArray() throws IOException {
        gen.writeEndArray();
    }

    void string(SerializableString name, String value) throws IOException {
        gen.writeFieldName(name);
        gen.writeString(value);
    }

    /** A string field left out when empty. */
    void stringIfSet(SerializableString name, String value) throws IOException {
        if (!value.isEmpty()) {
            string(name, value);
        }
    }

    /** A uint32 field left out when 0, written as an unsigned number. */
    void uint32IfSet(SerializableString name, int value) throws IOException {
        if (value != 0) {
            gen.writeFieldName(name);
            gen.writeNumber(Integer.toUnsignedLong(value));
        }
    }

    /** An int32, sint32 or enum field left out when 0. */
    void int32IfSet(SerializableString name, int value) throws IOException {
        if (value != 0) {
            gen.writeFieldName(name);
            gen.writeNumber(value);
        }
    }

    /** A fixed64/uint64 field left out when 0, written as an unsigned decimal string. */
    void uint64IfSet(SerializableString name, long value) throws IOException {
        if (value != 0) {
            gen.writeFieldName(name);
            uint64(value);
        }
    }

    /** An unsigned 64-bit value as a decimal string. */
    void uint64(long value) throws IOException {
        int end;
        if (value >= 0) {
            end = NumberOutput.outputLong(value, scratch, 0);
        } else {
            // above Long.MAX_VALUE: all digits but the last come from the unsigned quotient
            long quotient = Long.divideUnsigned(value, 10);
            end = NumberOutput.outputLong(quotient, scratch, 0);
            scratch[end++] = (char) ('0' + (value - quotient * 10));
        }
        gen.writeString(scratch, 0, end);
    }

    /** A signed 64-bit value as a decimal string. */
    void int64(long value) throws IOException {
        gen.writeString(scratch, 0, NumberOutput.outputLong(value, scratch, 0));
    }

    void doubleValue(double value) throws IOException {
        if (Double.isNaN(value)) {
            gen.writeString("NaN");
        } else if (Double.isInfinite(value)) {
            gen.writeString(value > 0 ? "Infinity" : "-Infinity");
        } else {
            gen.writeNumber(GoFloat.format(value));
        }
    }

    /** A double field left out when it is zero (-0.0 too, as upstream compares with 0). */
    void doubleIfSet(SerializableString name, double value) throws IOException {
        if (value != 0) {
            gen.writeFieldName(name);
            doubleValue(value);
        }
    }

    void traceIdIfSet(SerializableString name, TraceId id) throws IOException {
        if (!id.isEmpty()) {
            gen.writeFieldName(name);
            hex(id.high(), 0);
            hex(id.low(), 16);
            gen.writeString(scratch, 0, 32);
        }
    }

    void spanIdIfSet(SerializableString name, SpanId id) throws IOException {
        if (!id.isEmpty()) {
            gen.writeFieldName(name);
            hex(id.asLong(), 0);
            gen.writeString(scratch, 0, 16);
        }
    }

    void bytes(byte[] value) throws IOException {
        gen.writeString(Base64.getEncoder().encodeToString(value));
    }

    private void hex(long value, int offset) {
        for (int i = offset + 15; i >= offset; i--) {
            scratch[i] = HEX[(int) (value & 0xF)];
            value >>>= 4;
        }
    }

    /**
     * Escapes as Go's json-iterator does: {@code \"}, {@code \\}, {@code \n}, {@code \r}, {@code \t}, every other
     * control character as backslash-u00XX; nothing else.
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
