package io.otelier.helper.stanza.internal.parser;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON text to entry values as Go's encoding/json into {@code any}: numbers are float64 unless asked. */
public final class JsonValues {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(10_000).build())
            .build();

    private JsonValues() {
    }

    /** Parses one JSON document; {@code intsWhenExact} keeps integers that fit in int64 as Long. */
    public static Object parse(String text, boolean intsWhenExact) throws IOException {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new IOException("unexpected end of JSON input");
            }
            Object value = read(p, t, intsWhenExact);
            if (p.nextToken() != null) {
                throw new IOException("invalid character after top-level value");
            }
            return value;
        }
    }

    private static Object read(JsonParser p, JsonToken t, boolean ints) throws IOException {
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    map.put(name, read(p, p.nextToken(), ints));
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                JsonToken n;
                while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
                    list.add(read(p, n, ints));
                }
                return list;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return number(p.getText(), ints);
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IOException("unexpected token " + t);
        }
    }

    private static Object number(String text, boolean ints) throws IOException {
        if (ints) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                // not an int64: fall through to float64, as json.Number.Int64 then Float64
            }
        }
        double d = Double.parseDouble(text);
        if (Double.isInfinite(d)) {
            // json.Number keeps what fits nowhere as text; plain decoding into float64 fails
            if (ints) {
                return text;
            }
            throw new IOException("json: cannot unmarshal number " + text + " into Go value of type float64");
        }
        return d;
    }
}
