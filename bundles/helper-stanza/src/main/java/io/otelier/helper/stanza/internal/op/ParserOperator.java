package io.otelier.helper.stanza.internal.op;

import io.otelier.helper.stanza.Entry;
import io.otelier.helper.stanza.Field;
import io.otelier.helper.stanza.internal.parse.ScopeNameParser;
import io.otelier.helper.stanza.internal.parse.SeverityParser;
import io.otelier.helper.stanza.internal.parse.TimeParser;
import io.otelier.helper.stanza.internal.parse.TraceParser;

/**
 * A parser: reads {@code parse_from}, writes {@code parse_to}, then applies the embedded {@code body},
 * {@code timestamp}, {@code severity}, {@code trace} and {@code scope_name} blocks
 * (upstream {@code helper.ParserOperator}).
 */
public abstract class ParserOperator extends Transformer {

    protected final Field parseFrom;
    protected final Field parseTo;
    private final Field bodyField;
    private final TimeParser timeParser;
    private final SeverityParser severityParser;
    private final TraceParser traceParser;
    private final ScopeNameParser scopeNameParser;

    protected ParserOperator(Common common, Conf conf) {
        super(common, conf);
        this.parseFrom = conf.field("parse_from", Field.body());
        this.parseTo = conf.rootableField("parse_to", Field.attribute());
        this.bodyField = conf.field("body", null);
        if (bodyField != null && parseTo.equals(Field.body())) {
            throw conf.fail("parse_to", "`parse_to: body` not allowed when `body` is configured");
        }
        Conf timestamp = conf.section("timestamp");
        this.timeParser = timestamp == null ? defaultTimeParser(conf) : TimeParser.read(timestamp);
        Conf severity = conf.section("severity");
        this.severityParser = severity == null ? null : SeverityParser.read(severity);
        Conf trace = conf.section("trace");
        this.traceParser = trace == null ? null : TraceParser.read(trace);
        Conf scope = conf.section("scope_name");
        this.scopeNameParser = scope == null ? null : ScopeNameParser.read(scope);
        // the timestamp block ignores unknown keys upstream (its Unmarshal uses WithIgnoreUnused)
        for (Conf strict : new Conf[] {severity, trace, scope}) {
            if (strict != null) {
                strict.finish();
            }
        }
    }

    /** The timestamp parser to use when no {@code timestamp} block is configured (none by default). */
    protected TimeParser defaultTimeParser(Conf conf) {
        return null;
    }

    /** Work after a successful parse (upstream's ProcessWithCallback); throwing follows on_error. */
    protected void afterParse(Entry entry) throws Exception {
    }

    /** Turns the parse_from value into the value to store at parse_to. */
    protected abstract Object parse(Object value) throws Exception;

    @Override
    public void process(Entry entry) {
        try {
            if (skip(entry)) {
                write(entry);
                return;
            }
        } catch (Exception e) {
            handleError(entry, e);
            return;
        }
        if (!parseWith(entry)) {
            return;
        }
        try {
            afterParse(entry);
        } catch (Exception e) {
            handleError(entry, e);
            return;
        }
        write(entry);
    }

    /**
     * Parses into the entry; on failure applies on_error itself and returns false. Used by subclasses
     * that do extra work after a successful parse.
     */
    protected final boolean parseWith(Entry entry) {
        if (!parseFrom.has(entry)) {
            handleError(entry, new IllegalStateException("Entry is missing the expected parse_from field. (parse_from: "
                    + parseFrom + ")"));
            return false;
        }
        Object parsed;
        try {
            parsed = parse(parseFrom.get(entry));
            parseTo.set(entry, parsed);
        } catch (Exception e) {
            handleError(entry, e);
            return false;
        }
        if (bodyField != null && bodyField.has(entry)) {
            entry.setBody(bodyField.get(entry));
        }
        Exception timeError = timeParser == null ? null : apply(e -> timeParser.parse(entry));
        Exception severityError = severityParser == null ? null : apply(e -> severityParser.parse(entry));
        Exception traceError = traceParser == null ? null : apply(e -> traceParser.parse(entry));
        Exception scopeError = scopeNameParser == null ? null : apply(e -> scopeNameParser.parse(entry));
        Exception first = timeError != null ? new Exception("time parser: " + timeError.getMessage())
                : severityError != null ? new Exception("severity parser: " + severityError.getMessage())
                : traceError != null ? new Exception("trace parser: " + traceError.getMessage())
                : scopeError != null ? new Exception("scope_name parser: " + scopeError.getMessage())
                : null;
        if (first != null) {
            handleError(entry, first);
            return false;
        }
        return true;
    }

    private static Exception apply(Transform step) {
        try {
            step.apply(null);
            return null;
        } catch (Exception e) {
            return e;
        }
    }
}
