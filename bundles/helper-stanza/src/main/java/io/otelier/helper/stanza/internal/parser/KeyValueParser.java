package io.otelier.helper.stanza.internal.parser;

import io.otelier.helper.stanza.internal.op.Conf;
import io.otelier.helper.stanza.internal.op.ParserOperator;
import io.otelier.helper.stanza.internal.op.Writer;
import io.otelier.helper.stanza.internal.parse.TypeNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** key_value_parser (upstream operator/parser/keyvalue with parseutils.SplitString / ParseKeyValuePairs). */
public final class KeyValueParser extends ParserOperator {

    private final String delimiter;
    private final String pairDelimiter;

    public KeyValueParser(Writer.Common common, Conf conf) {
        super(common, conf);
        this.delimiter = conf.string("delimiter", "=");
        String pair = conf.string("pair_delimiter", "");
        if (delimiter.isEmpty()) {
            throw conf.fail("delimiter", "delimiter is a required parameter");
        }
        this.pairDelimiter = pair.isEmpty() ? " " : pair;
        if (delimiter.equals(pairDelimiter)) {
            throw conf.fail("pair_delimiter", "delimiter and pair_delimiter cannot be the same value");
        }
    }

    @Override
    protected Object parse(Object value) {
        if (!(value instanceof String input)) {
            throw new IllegalArgumentException("type " + TypeNames.of(value) + " cannot be parsed as key value pairs");
        }
        if (input.isEmpty()) {
            throw new IllegalArgumentException("parse from field " + parseFrom + " is empty");
        }
        List<String> pairs = splitString(input, pairDelimiter);
        Map<String, Object> parsed = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        for (String p : pairs) {
            int at = p.indexOf(delimiter);
            if (at < 0) {
                errors.add("cannot split \"" + p + "\" into 2 items, got 1 item(s)");
                continue;
            }
            parsed.put(p.substring(0, at).strip(), p.substring(at + delimiter.length()).strip());
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", errors));
        }
        return parsed;
    }

    /** Splits on the delimiter outside quotes; quotes are removed, a backslash keeps the next quote. */
    static List<String> splitString(String input, String delimiter) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        boolean escaped = false;
        int n = input.length();
        for (int i = 0; i < n; i++) {
            if (quote == 0 && input.startsWith(delimiter, i)) {
                if (current.length() > 0) {
                    result.add(current.toString());
                    current.setLength(0);
                }
                i += delimiter.length() - 1;
                continue;
            }
            char c = input.charAt(i);
            if (!escaped) {
                if (quote == 0 && (c == '"' || c == '\'')) {
                    quote = c;
                    continue;
                }
                if (c == quote) {
                    quote = 0;
                    continue;
                }
                escaped = c == '\\';
            } else {
                escaped = false;
            }
            current.append(c);
        }
        if (quote != 0) {
            throw new IllegalArgumentException("failed to parse pairs from input: never reached the end of a quoted value");
        }
        if (current.length() > 0) {
            result.add(current.toString());
        }
        return result;
    }
}
