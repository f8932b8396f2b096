package io.otelier.helper.stanza.internal.expr;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** expr-lang's runtime semantics for the value types an entry holds. */
final class Values {

    private Values() {
    }

    static boolean isNumber(Object v) {
        return v instanceof Long || v instanceof Integer || v instanceof Double || v instanceof Float
                || v instanceof Short || v instanceof Byte;
    }

    static boolean isInteger(Object v) {
        return v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte;
    }

    static String typeName(Object v) {
        if (v == null) {
            return "<nil>";
        }
        if (v instanceof String) {
            return "string";
        }
        if (isInteger(v)) {
            return "int";
        }
        if (isNumber(v)) {
            return "float64";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof Map) {
            return "map[string]interface {}";
        }
        if (v instanceof List) {
            return "[]interface {}";
        }
        if (v instanceof byte[]) {
            return "[]uint8";
        }
        return v.getClass().getSimpleName();
    }

    /** runtime.Equal: numbers compare by value across int/float, everything else by deep equality. */
    static boolean equal(Object a, Object b) {
        if (isNumber(a) && isNumber(b)) {
            if (isInteger(a) && isInteger(b)) {
                return ((Number) a).longValue() == ((Number) b).longValue();
            }
            return ((Number) a).doubleValue() == ((Number) b).doubleValue();
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return java.util.Arrays.equals(x, y);
        }
        return Objects.equals(a, b);
    }

    static int compare(String op, Object a, Object b) throws ExprException {
        if (isNumber(a) && isNumber(b)) {
            if (isInteger(a) && isInteger(b)) {
                return Long.compare(((Number) a).longValue(), ((Number) b).longValue());
            }
            return Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        throw mismatched(op, a, b);
    }

    static ExprException mismatched(String op, Object a, Object b) {
        return new ExprException("invalid operation: " + op + " (mismatched types " + typeName(a) + " and "
                + typeName(b) + ")");
    }

    static boolean truthy(String op, Object v) throws ExprException {
        if (v instanceof Boolean b) {
            return b;
        }
        throw new ExprException("invalid operation: " + op + " (mismatched types " + typeName(v) + " and bool)");
    }

    /** Go's fmt %v rendering, for string() and EXPR() concatenation. */
    static String format(Object v) {
        if (v == null) {
            return "<nil>";
        }
        if (v instanceof Double d) {
            return GoFloatFormat.format(d);
        }
        return String.valueOf(v);
    }
}
