package io.otelier.helper.stanza.internal.expr;

import io.otelier.helper.stanza.Entry;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A compiled expression of stanza's expression language (upstream uses expr-lang with undefined variables
 * allowed): {@code body}, {@code $}, {@code attributes}, {@code resource} and {@code timestamp} are the
 * entry's; {@code env("X")} reads the process environment.
 */
public final class Expression {

    private static final Instant GO_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

    private final String source;
    private final Node root;
    private final boolean asBool;

    private Expression(String source, Node root, boolean asBool) {
        this.source = source;
        this.root = root;
        this.asBool = asBool;
    }

    /** Compiles an expression of any result type. */
    public static Expression compile(String source) throws ExprException {
        return new Expression(source, Parser.parse(source), false);
    }

    /** Compiles an expression that must give a bool ({@code if}, {@code filter}, {@code router}). */
    public static Expression compileBool(String source) throws ExprException {
        Node root = Parser.parse(source);
        String type = root.staticType();
        if (type != null && !type.equals("bool")) {
            throw new ExprException("expected bool, but got " + type);
        }
        return new Expression(source, root, true);
    }

    public String source() {
        return source;
    }

    /** The variables an entry exposes to expressions. */
    public static Map<String, Object> environment(Entry entry) {
        Map<String, Object> env = new HashMap<>(8);
        env.put("$", entry.body());
        env.put("body", entry.body());
        env.put("attributes", entry.attributes());
        env.put("resource", entry.resource());
        // upstream passes a time.Time, whose zero value is year 1 (never nil)
        env.put("timestamp", entry.timestamp() == 0 ? GO_ZERO_TIME : Instant.ofEpochSecond(0, entry.timestamp()));
        return env;
    }

    public Object evaluate(Map<String, Object> env) throws ExprException {
        Object value;
        try {
            value = root.eval(env);
        } catch (RuntimeException | StackOverflowError e) {
            // whatever the data, evaluation reports an error rather than breaking the pipeline
            throw new ExprException(String.valueOf(e.getMessage() == null ? e : e.getMessage()));
        }
        if (asBool && !(value instanceof Boolean)) {
            throw new ExprException("expected bool, but got " + Values.typeName(value));
        }
        return value;
    }

    public Object evaluate(Entry entry) throws ExprException {
        return evaluate(environment(entry));
    }

    public boolean test(Entry entry) throws ExprException {
        return (Boolean) evaluate(environment(entry));
    }

    public boolean test(Map<String, Object> env) throws ExprException {
        return (Boolean) evaluate(env);
    }

    @Override
    public String toString() {
        return source;
    }
}
