package io.otelier.pdata.otlp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.otelier.pdata.common.SpanId;
import io.otelier.pdata.common.TraceId;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/**
 * Reads OTLP/JSON with Jackson's streaming parser, as protobuf's JSON mapping and upstream's decoder allow: field
 * names in lowerCamelCase or their original snake_case (the decoders list both), a {@code null} value as an
 * absent field, 64-bit integers as strings or numbers, 32-bit ones as numbers or strings, doubles as numbers or
 * strings ({@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}, {@code "1.5"}), enums as numbers or names,
 * bytes in standard or URL-safe base64 with or without padding, ids as hex. Failures name the field path and the
 * line and column.
 */
final class JsonIn {

    /**
     * Deepest nesting of arrays and kvlists in a value. Chosen so that whatever is accepted here re-encodes to
     * protobuf within the 100 nested messages protobuf decoders (ours, protobuf-java's) accept: a kvlist level is
     * three messages, and the deepest value (an exemplar's attribute) starts eight messages down.
     */
    static final int MAX_VALUE_DEPTH = 30;

    static final JsonFactory FACTORY = JsonFactory.builder()
            // OTLP bodies are bounded by the receivers; a long log line must not fail on a parser default
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .build();

    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    final JsonParser p;
    private final String messageName;
    private long[] longs = new long[32];
    private int longCount;
    private double[] doubles = new double[32];
    private int doubleCount;

    JsonIn(JsonParser parser, String messageName) {
        this.p = parser;
        this.messageName = messageName;
    }

    /** The body of a decode: reads the top-level object. */
    interface Body {
        void read(JsonIn in) throws IOException, OtlpDecodeException;
    }

    /** Decodes one JSON document; every failure, whatever its kind, comes out as an {@link OtlpDecodeException}. */
    static void decode(byte[] utf8, int offset, int length, String messageName, Body body)
            throws OtlpDecodeException {
        JsonIn in = null;
        try (JsonParser parser = FACTORY.createParser(utf8, offset, length)) {
            in = new JsonIn(parser, messageName);
            if (parser.nextToken() == null) {
                throw in.error("no JSON value in the input");
            }
            body.read(in);
            if (parser.nextToken() != null) {
                throw in.error("unexpected content after the top-level object");
            }
        } catch (JsonProcessingException e) {
            throw in == null
                    ? new OtlpDecodeException("invalid OTLP/JSON " + messageName + ": " + e.getOriginalMessage(), e)
                    : in.error(e.getOriginalMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw in == null
                    ? new OtlpDecodeException("invalid OTLP/JSON " + messageName + ": " + e, e)
                    : in.error(e.toString(), e);
        } catch (StackOverflowError e) {
            throw in == null ? new OtlpDecodeException("nesting too deep", e) : in.error("nesting too deep", e);
        }
    }

    // ---- structure

    /** Checks that the current value is an object; read its fields with {@link #nextField()}. */
    void startObject() throws OtlpDecodeException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw error("want an object, got " + describe(p.currentToken()));
        }
    }

    /**
     * Moves to the next field of the current object and to its value, returning the field name; null at the end
     * of the object. Fields whose value is null are skipped, as protobuf's JSON mapping reads them as absent.
     */
    String nextField() throws IOException, OtlpDecodeException {
        while (true) {
            JsonToken token = p.nextToken();
            if (token == JsonToken.END_OBJECT) {
                return null;
            }
            if (token != JsonToken.FIELD_NAME) {
                throw error("want a field name, got " + describe(token));
            }
            String name = p.currentName();
            if (p.nextToken() != JsonToken.VALUE_NULL) {
                return name;
            }
        }
    }

    /** Checks that the current value is an array; read its elements with {@link #nextElement()}. */
    void startArray() throws OtlpDecodeException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw error("want an array, got " + describe(p.currentToken()));
        }
    }

    /** Moves to the next element of the current array; false at its end. */
    boolean nextElement() throws IOException, OtlpDecodeException {
        JsonToken token = p.nextToken();
        if (token == JsonToken.END_ARRAY) {
            return false;
        }
        if (token == JsonToken.VALUE_NULL) {
            throw error("an array element is null");
        }
        return true;
    }

    /** Skips the current value (of an unknown field), nested content included. */
    void skip() throws IOException {
        p.skipChildren();
    }

    // ---- scalars

    String string() throws IOException, OtlpDecodeException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw error("want a string, got " + describe(p.currentToken()));
        }
        return p.getText();
    }

    boolean bool() throws IOException, OtlpDecodeException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
            return token == JsonToken.VALUE_TRUE;
        }
        if (token == JsonToken.VALUE_STRING) {
            String text = p.getText();
            if (text.equals("true") || text.equals("false")) {
                return text.equals("true");
            }
        }
        throw error("want true or false, got " + describe(token));
    }

    /** An int64 or sfixed64 field. */
    long int64() throws IOException, OtlpDecodeException {
        return integer(Long.MIN_VALUE, Long.MAX_VALUE, false, "a signed 64-bit integer");
    }

    /** A uint64 or fixed64 field; the model keeps the unsigned value's bits in a long. */
    long uint64() throws IOException, OtlpDecodeException {
        return integer(0, -1, true, "an unsigned 64-bit integer");
    }

    /** A uint32 or fixed32 field, as the unsigned value the model's setters take. */
    long uint32() throws IOException, OtlpDecodeException {
        return integer(0, 0xFFFF_FFFFL, false, "an unsigned 32-bit integer");
    }

    /** An int32 or sint32 field. */
    int int32() throws IOException, OtlpDecodeException {
        return (int) integer(Integer.MIN_VALUE, Integer.MAX_VALUE, false, "a signed 32-bit integer");
    }

    /**
     * An integer given as a JSON number or a string holding one, in [min, max] (or, for {@code unsigned64}, in
     * [0, 2^64-1] returned as the bits of a long). Like protobuf's JSON parser, {@code 1.0} and {@code 1e3} are
     * integers too.
     */
    private long integer(long min, long max, boolean unsigned64, String want) throws IOException, OtlpDecodeException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT
                || token == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.LONG) {
            long value = p.getLongValue();
            if (value >= min && (unsigned64 || value <= max)) {
                return value;
            }
            throw error("want " + want + ", got " + value);
        }
        String text;
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            text = p.getText();
        } else if (token == JsonToken.VALUE_STRING) {
            text = p.getText();
            try {
                long value = unsigned64 ? Long.parseUnsignedLong(text) : Long.parseLong(text);
                if (unsigned64 || value >= min && value <= max) {
                    return value;
                }
                throw error("want " + want + ", got " + text);
            } catch (NumberFormatException e) {
                // not a plain integer: try the decimal forms below
            }
        } else {
            throw error("want " + want + ", got " + describe(token));
        }
        BigInteger exact;
        try {
            exact = new BigDecimal(text.trim()).toBigIntegerExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw error("want " + want + ", got \"" + text + "\"");
        }
        if (unsigned64) {
            if (exact.signum() >= 0 && exact.compareTo(UINT64_MAX) <= 0) {
                return exact.longValue();
            }
        } else if (exact.bitLength() < 64 && exact.longValue() >= min && exact.longValue() <= max) {
            return exact.longValue();
        }
        throw error("want " + want + ", got " + text);
    }

    double doubleValue() throws IOException, OtlpDecodeException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getDoubleValue();
        }
        if (token == JsonToken.VALUE_NUMBER_INT) {
            double value = p.getDoubleValue();
            // "-0" is how upstream writes -0.0; as an integer it would lose its sign
            return value == 0 && p.getText().charAt(0) == '-' ? -0.0 : value;
        }
        if (token == JsonToken.VALUE_STRING) {
            String text = p.getText();
            switch (text) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    try {
                        return Double.parseDouble(text);
                    } catch (NumberFormatException e) {
                        throw error("want a number, got \"" + text + "\"");
                    }
            }
        }
        throw error("want a number, got " + describe(token));
    }

    /** An enum given as its number or as its name in {@code names}. */
    int enumNumber(Map<String, Integer> names) throws IOException, OtlpDecodeException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            Integer number = names.get(p.getText());
            if (number == null) {
                throw error("unknown enum value \"" + p.getText() + "\"");
            }
            return number;
        }
        return int32();
    }

    TraceId traceId() throws IOException, OtlpDecodeException {
        String hex = string();
        try {
            return TraceId.fromHex(hex);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    SpanId spanId() throws IOException, OtlpDecodeException {
        String hex = string();
        try {
            return SpanId.fromHex(hex);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    byte[] bytes() throws IOException, OtlpDecodeException {
        String text = string();
        try {
            boolean urlSafe = text.indexOf('-') >= 0 || text.indexOf('_') >= 0;
            return (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(text);
        } catch (IllegalArgumentException e) {
            throw error("invalid base64: " + e.getMessage());
        }
    }

    // ---- repeated scalars, gathered like ProtoReader's

    void clearScalars() {
        longCount = 0;
        doubleCount = 0;
    }

    void addUInt64() throws IOException, OtlpDecodeException {
        if (longCount == longs.length) {
            longs = Arrays.copyOf(longs, longCount * 2);
        }
        longs[longCount++] = uint64();
    }

    void addDouble() throws IOException, OtlpDecodeException {
        if (doubleCount == doubles.length) {
            doubles = Arrays.copyOf(doubles, doubleCount * 2);
        }
        doubles[doubleCount++] = doubleValue();
    }

    long[] longs() {
        return longCount == 0 ? null : Arrays.copyOf(longs, longCount);
    }

    double[] doubles() {
        return doubleCount == 0 ? null : Arrays.copyOf(doubles, doubleCount);
    }

    // ---- failures

    OtlpDecodeException error(String problem) {
        return error(problem, null);
    }

    OtlpDecodeException error(String problem, Throwable cause) {
        String where = path();
        JsonLocation location = cause instanceof JsonProcessingException e && e.getLocation() != null
                ? e.getLocation() : p.currentTokenLocation();
        return new OtlpDecodeException("invalid OTLP/JSON " + messageName + ": " + problem
                + (where.isEmpty() ? "" : ", at " + where)
                + " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")", cause);
    }

    /** The path of the current value, e.g. {@code resourceSpans[0].scopeSpans[1].spans[3].traceId}. */
    String path() {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext context = p.getParsingContext(); context != null && !context.inRoot();
                context = context.getParent()) {
            if (context.inArray()) {
                path.insert(0, "[" + Math.max(0, context.getCurrentIndex()) + "]");
            } else if (context.getCurrentName() != null) {
                path.insert(0, (context.getParent() != null && !context.getParent().inRoot() ? "." : "")
                        + context.getCurrentName());
            }
        }
        return path.toString();
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "the end of the input";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.toString();
        };
    }
}
