package io.otelier.helper.stanza.internal.expr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The built-in functions: stanza's {@code env()} and the expr-lang builtins log configs use. */
final class Functions {

    private Functions() {
    }

    private record Call(String name, List<Node> args) implements Node {
        @Override
        public Object eval(Map<String, Object> env) throws ExprException {
            Object[] values = new Object[args.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = args.get(i).eval(env);
            }
            return apply(name, values, env);
        }

        @Override
        public String staticType() {
            return switch (name) {
                case "env", "lower", "upper", "trim", "trimPrefix", "trimSuffix", "string" -> "string";
                case "len" -> "int";
                case "hasPrefix", "hasSuffix" -> "bool";
                default -> null;
            };
        }
    }

    static Node call(String name, List<Node> args, String source, int pos) throws ExprException {
        int arity = switch (name) {
            case "env", "len", "lower", "upper", "string", "int", "float", "abs", "trim" -> 1;
            case "trimPrefix", "trimSuffix", "split", "hasPrefix", "hasSuffix" -> 2;
            default -> throw new ExprException("unknown func " + name + " (" + Lexer.position(source, pos) + ")");
        };
        if (args.size() != arity && !(name.equals("trim") && args.size() == 2)) {
            throw new ExprException((args.size() < arity ? "not enough" : "too many") + " arguments to call " + name
                    + " (" + Lexer.position(source, pos) + ")");
        }
        return new Call(name, List.copyOf(args));
    }

    private static Object apply(String name, Object[] a, Map<String, Object> env) throws ExprException {
        switch (name) {
            case "env": {
                String value = System.getenv(string(name, a[0]));
                return value == null ? "" : value;
            }
            case "len":
                if (a[0] instanceof String s) {
                    return (long) s.codePointCount(0, s.length());
                }
                if (a[0] instanceof List<?> l) {
                    return (long) l.size();
                }
                if (a[0] instanceof Map<?, ?> m) {
                    return (long) m.size();
                }
                throw new ExprException("invalid argument for len (type " + Values.typeName(a[0]) + ")");
            case "lower":
                return string(name, a[0]).toLowerCase(Locale.ROOT);
            case "upper":
                return string(name, a[0]).toUpperCase(Locale.ROOT);
            case "trim":
                return a.length == 2 ? trim(string(name, a[0]), string(name, a[1])) : string(name, a[0]).strip();
            case "trimPrefix": {
                String s = string(name, a[0]);
                String p = string(name, a[1]);
                return s.startsWith(p) ? s.substring(p.length()) : s;
            }
            case "trimSuffix": {
                String s = string(name, a[0]);
                String p = string(name, a[1]);
                return s.endsWith(p) ? s.substring(0, s.length() - p.length()) : s;
            }
            case "hasPrefix":
                return string(name, a[0]).startsWith(string(name, a[1]));
            case "hasSuffix":
                return string(name, a[0]).endsWith(string(name, a[1]));
            case "split":
                return new ArrayList<Object>(Arrays.asList(string(name, a[0]).split(
                        java.util.regex.Pattern.quote(string(name, a[1])), -1)));
            case "string":
                return Values.format(a[0]);
            case "int":
                if (Values.isNumber(a[0])) {
                    return ((Number) a[0]).longValue();
                }
                try {
                    return Long.parseLong(string(name, a[0]));
                } catch (NumberFormatException e) {
                    throw new ExprException("strconv.Atoi: parsing \"" + a[0] + "\": invalid syntax");
                }
            case "float":
                if (Values.isNumber(a[0])) {
                    return ((Number) a[0]).doubleValue();
                }
                try {
                    return Double.parseDouble(string(name, a[0]));
                } catch (NumberFormatException e) {
                    throw new ExprException("strconv.ParseFloat: parsing \"" + a[0] + "\": invalid syntax");
                }
            case "abs":
                if (Values.isInteger(a[0])) {
                    return Math.abs(((Number) a[0]).longValue());
                }
                if (Values.isNumber(a[0])) {
                    return Math.abs(((Number) a[0]).doubleValue());
                }
                throw new ExprException("invalid argument for abs (type " + Values.typeName(a[0]) + ")");
            default:
                throw new ExprException("unknown func " + name);
        }
    }

    private static String trim(String s, String chars) {
        int start = 0;
        int end = s.length();
        while (start < end && chars.indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && chars.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(start, end);
    }

    private static String string(String function, Object v) throws ExprException {
        if (v instanceof String s) {
            return s;
        }
        throw new ExprException("invalid argument for " + function + " (type " + Values.typeName(v) + ")");
    }
}
