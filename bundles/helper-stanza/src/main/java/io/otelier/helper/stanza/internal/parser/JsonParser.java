package io.otelier.helper.stanza.internal.parser;

import io.otelier.helper.stanza.internal.op.Conf;
import io.otelier.helper.stanza.internal.op.ParserOperator;
import io.otelier.helper.stanza.internal.op.Writer;
import io.otelier.helper.stanza.internal.parse.TypeNames;
import java.io.IOException;
import java.util.Map;

/** json_parser: a JSON object string into a map (upstream operator/parser/jsonparser). */
public final class JsonParser extends ParserOperator {

    private final boolean parseInts;

    public JsonParser(Writer.Common common, Conf conf) {
        super(common, conf);
        this.parseInts = conf.bool("parse_ints", false);
    }

    @Override
    protected Object parse(Object value) throws Exception {
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException("type " + TypeNames.of(value) + " cannot be parsed as JSON");
        }
        Object parsed;
        try {
            parsed = JsonValues.parse(text, parseInts);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (parsed != null && !(parsed instanceof Map)) {
            throw new IllegalArgumentException("json: cannot unmarshal " + jsonKind(parsed)
                    + " into Go value of type map[string]interface {}");
        }
        return parsed;
    }

    private static String jsonKind(Object v) {
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof java.util.List) {
            return "array";
        }
        return "number";
    }
}
