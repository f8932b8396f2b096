package io.otelier.helper.stanza.internal.op;

import io.otelier.helper.stanza.internal.expr.ExprException;
import io.otelier.helper.stanza.internal.expr.ExprString;
import io.otelier.helper.stanza.internal.expr.Expression;

/** Compiles config expressions, turning failures into config errors naming the key and the expression. */
public final class Expressions {

    private Expressions() {
    }

    public static Expression compileBool(Conf conf, String key, String source) {
        try {
            return Expression.compileBool(source);
        } catch (ExprException e) {
            throw conf.fail(key, "operator \"" + conf.operator() + "\": failed to compile expression '" + source + "': " + e.getMessage());
        }
    }

    public static Expression compile(Conf conf, String key, String source) {
        try {
            return Expression.compile(source);
        } catch (ExprException e) {
            throw conf.fail(key, "operator \"" + conf.operator() + "\": failed to compile expression '" + source + "': " + e.getMessage());
        }
    }

    public static ExprString compileString(Conf conf, String key, String source) {
        try {
            return ExprString.compile(source);
        } catch (ExprException e) {
            throw conf.fail(key, "operator \"" + conf.operator() + "\": failed to compile expression '" + source + "': " + e.getMessage());
        }
    }
}
