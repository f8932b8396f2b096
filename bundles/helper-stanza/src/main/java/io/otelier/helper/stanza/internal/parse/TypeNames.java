package io.otelier.helper.stanza.internal.parse;

/** Go's %T names for entry values, for upstream-worded error messages. */
public final class TypeNames {

    private TypeNames() {
    }

    public static String of(Object value) {
        if (value == null) {
            return "<nil>";
        }
        if (value instanceof java.util.Map) {
            return "map[string]interface {}";
        }
        if (value instanceof java.util.List) {
            return "[]interface {}";
        }
        if (value instanceof Long) {
            return "int64";
        }
        if (value instanceof Double) {
            return "float64";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof byte[]) {
            return "[]uint8";
        }
        return value.getClass().getSimpleName();
    }
}
