package io.otelier.helper.stanza.internal.parse;

import io.otelier.helper.stanza.Entry;
import io.otelier.helper.stanza.Field;
import io.otelier.helper.stanza.internal.op.Conf;

/** The {@code scope_name} block and the scope_name_parser operator (upstream {@code helper.ScopeNameParser}). */
public final class ScopeNameParser {

    private final Field parseFrom;

    private ScopeNameParser(Field parseFrom) {
        this.parseFrom = parseFrom;
    }

    public static ScopeNameParser read(Conf conf) {
        Field parseFrom = conf.field("parse_from", null);
        if (parseFrom == null) {
            // upstream's zero Field: a body field with no keys
            parseFrom = Field.body();
        }
        return new ScopeNameParser(parseFrom);
    }

    public void parse(Entry entry) {
        if (!parseFrom.has(entry)) {
            throw new IllegalStateException("log entry does not have the expected parse_from field (parse_from: "
                    + parseFrom + ")");
        }
        if (!(parseFrom.get(entry) instanceof String name)) {
            throw new IllegalArgumentException("parse_from field does not contain a string (parse_from: "
                    + parseFrom + ")");
        }
        entry.setScopeName(name);
    }
}
