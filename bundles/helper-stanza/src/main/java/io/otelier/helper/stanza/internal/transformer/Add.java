package io.otelier.helper.stanza.internal.transformer;

import io.otelier.helper.stanza.Entry;
import io.otelier.helper.stanza.Field;
import io.otelier.helper.stanza.internal.expr.ExprException;
import io.otelier.helper.stanza.internal.expr.Expression;
import io.otelier.helper.stanza.internal.op.Conf;
import io.otelier.helper.stanza.internal.op.Expressions;
import io.otelier.helper.stanza.internal.op.Transformer;
import io.otelier.helper.stanza.internal.op.Writer;

/** add: sets a field to a value, or to an expression's result for {@code EXPR(...)} (upstream transformer/add). */
public final class Add extends Transformer {

    private final Field field;
    private final Object value;
    private final Expression expression;

    public Add(Writer.Common common, Conf conf) {
        super(common, conf);
        this.field = conf.field("field", Field.body());
        Object raw = conf.raw("value");
        if (raw instanceof String s && s.startsWith("EXPR(") && s.endsWith(")")) {
            this.expression = Expressions.compile(conf, "value", s.substring(5, s.length() - 1));
            this.value = null;
        } else {
            this.expression = null;
            this.value = normalize(raw);
        }
    }

    /** YAML ints arrive as Integer; the entry model holds Long. */
    @SuppressWarnings("unchecked")
    static Object normalize(Object raw) {
        if (raw instanceof Integer i) {
            return i.longValue();
        }
        if (raw instanceof Float f) {
            return f.doubleValue();
        }
        if (raw instanceof java.util.Map<?, ?> m) {
            java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), normalize(v)));
            return out;
        }
        if (raw instanceof java.util.List<?> l) {
            java.util.List<Object> out = new java.util.ArrayList<>();
            for (Object o : l) {
                out.add(normalize(o));
            }
            return out;
        }
        return raw;
    }

    @Override
    protected void transform(Entry entry) throws Exception {
        if (value != null) {
            field.set(entry, Entry.copyValue(value));
            return;
        }
        if (expression != null) {
            Object result;
            try {
                result = expression.evaluate(entry);
            } catch (ExprException e) {
                throw new IllegalStateException("evaluate value_expr: " + e.getMessage());
            }
            field.set(entry, result);
            return;
        }
        throw new IllegalStateException("add: missing required field 'value'");
    }
}
