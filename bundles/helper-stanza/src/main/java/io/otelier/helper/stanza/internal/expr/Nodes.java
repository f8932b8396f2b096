package io.otelier.helper.stanza.internal.expr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The expression tree's node types. */
final class Nodes {

    private Nodes() {
    }

    record Literal(Object value) implements Node {
        @Override
        public Object eval(Map<String, Object> env) {
            return value;
        }

        @Override
        public String staticType() {
            if (value == null) {
                return "nil";
            }
            if (value instanceof Boolean) {
                return "bool";
            }
            if (value instanceof String) {
                return "string";
            }
            return value instanceof Long ? "int" : "float64";
        }
    }

    record Variable(String name) implements Node {
        @Override
        public Object eval(Map<String, Object> env) {
            return env.get(name);
        }
    }

    record ArrayLiteral(List<Node> elements) implements Node {
        @Override
        public Object eval(Map<String, Object> env) throws ExprException {
            List<Object> values = new ArrayList<>(elements.size());
            for (Node e : elements) {
                values.add(e.eval(env));
            }
            return values;
        }
    }

    record MapLiteral(List<Node> keys, List<Node> values) implements Node {
        @Override
        public Object eval(Map<String, Object> env) throws ExprException {
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                map.put(String.valueOf(keys.get(i).eval(env)), values.get(i).eval(env));
            }
            return map;
        }
    }

    /**
     * {@code a.b}, {@code a?.b} and {@code a["b"]} / {@code a[0]}: a missing map key gives nil. Fetching from
     * nil is an error, as expr-lang's runtime.Fetch, except with {@code ?.} and directly from
     * {@code attributes}/{@code resource} (typed nil maps in upstream's environment).
     */
    record Member(Node target, Node key, boolean optional) implements Node {
        @Override
        public Object eval(Map<String, Object> env) throws ExprException {
            Object container = target.eval(env);
            Object k = key.eval(env);
            if (container == null) {
                if (optional || (target instanceof Variable v
                        && (v.name().equals("attributes") || v.name().equals("resource")))) {
                    return null;
                }
                throw new ExprException("cannot fetch " + Values.format(k) + " from <nil>");
            }
            if (container instanceof Map<?, ?> map) {
                return map.get(k instanceof String ? k : String.valueOf(k));
            }
            if (container instanceof List<?> list && Values.isInteger(k)) {
                int index = (int) ((Number) k).longValue();
                if (index < 0) {
                    index += list.size();
                }
                if (index < 0 || index >= list.size()) {
                    throw new ExprException("index out of range: " + ((Number) k).longValue() + " (array length is "
                            + list.size() + ")");
                }
                return list.get(index);
            }
            if (container instanceof String str && Values.isInteger(k)) {
                int index = (int) ((Number) k).longValue();
                if (index < 0) {
                    index += str.length();
                }
                if (index < 0 || index >= str.length()) {
                    throw new ExprException("index out of range: " + index);
                }
                return String.valueOf(str.charAt(index));
            }
            throw new ExprException("cannot fetch " + Values.format(k) + " from " + Values.typeName(container));
        }
    }

    record Slice(Node target, Node from, Node to) implements Node {
        @Override
        public Object eval(Map<String, Object> env) throws ExprException {
            Object value = target.eval(env);
            int length = value instanceof String s ? s.length() : value instanceof List<?> l ? l.size() : -1;
            if (length < 0) {
                throw new ExprException("cannot slice " + Values.typeName(value));
            }
            int a = bound(from.eval(env), 0, length);
            int b = to == null ? length : bound(to.eval(env), length, length);
            if (b < a) {
                b = a;
            }
            return value instanceof String s ? s.substring(a, b) : new ArrayList<>(((List<?>) value).subList(a, b));
        }

        private static int bound(Object v, int dflt, int length) throws ExprException {
            if (v == null) {
                return dflt;
            }
            if (!Values.isInteger(v)) {
                throw new ExprException("invalid slice index " + Values.format(v));
            }
            int i = (int) ((Number) v).longValue();
            if (i < 0) {
                i += length;
            }
            return Math.max(0, Math.min(length, i));
        }
    }

    record Not(Node operand) implements Node {
        @Override
        public Object eval(Map<String, Object> env) throws ExprException {
            return !Values.truthy("!", operand.eval(env));
        }

        @Override
        public String staticType() {
            return "bool";
        }
    }

    record Negate(Node operand) implements Node {
        @Override
        public Object eval(Map<String, Object> env) throws ExprException {
            Object v = operand.eval(env);
            if (Values.isInteger(v)) {
                return -((Number) v).longValue();
            }
            if (Values.isNumber(v)) {
                return -((Number) v).doubleValue();
            }
            throw new ExprException("invalid operation: - " + Values.typeName(v));
        }
    }

    record And(Node left, Node right) implements Node {
        @Override
        public Object eval(Map<String, Object> env) throws ExprException {
            return Values.truthy("&&", left.eval(env)) && Values.truthy("&&", right.eval(env));
        }

        @Override
        public String staticType() {
            return "bool";
        }
    }

    record Or(Node left, Node right) implements Node {
        @Override
        public Object eval(Map<String, Object> env) throws ExprException {
            return Values.truthy("||", left.eval(env)) || Values.truthy("||", right.eval(env));
        }

        @Override
        public String staticType() {
            return "bool";
        }
    }

    record Coalesce(Node left, Node right) implements Node {
        @Override
        public Object eval(Map<String, Object> env) throws ExprException {
            Object v = left.eval(env);
            return v != null ? v : right.eval(env);
        }
    }

    record Conditional(Node condition, Node whenTrue, Node whenFalse) implements Node {
        @Override
        public Object eval(Map<String, Object> env) throws ExprException {
            return Values.truthy("?:", condition.eval(env)) ? whenTrue.eval(env) : whenFalse.eval(env);
        }
    }

    record Matches(Node left, Node right, Pattern compiled) implements Node {
        @Override
        public Object eval(Map<String, Object> env) throws ExprException {
            Object l = left.eval(env);
            Object r = compiled == null ? right.eval(env) : null;
            if (!(l instanceof String s)) {
                throw Values.mismatched("matches", l, compiled == null ? r : "");
            }
            Pattern p = compiled;
            if (p == null) {
                if (!(r instanceof String pattern)) {
                    throw Values.mismatched("matches", l, r);
                }
                try {
                    p = Pattern.compile(Regex.toJava(pattern));
                } catch (RuntimeException e) {
                    throw new ExprException("error parsing regexp: " + e.getMessage());
                }
            }
            return p.matcher(s).find();
        }

        @Override
        public String staticType() {
            return "bool";
        }
    }

    /** Refuses operations whose literal operand types can never work, as expr-lang's type checker does. */
    static void checkBinaryLiterals(String op, Node left, Node right, String source, int pos) throws ExprException {
        String l = left.staticType();
        String r = right.staticType();
        if (l == null || r == null) {
            return;
        }
        boolean numbers = isNumeric(l) && isNumeric(r);
        boolean strings = l.equals("string") && r.equals("string");
        boolean ok = switch (op) {
            case "==", "!=" -> true;
            case "<", ">", "<=", ">=" -> numbers || strings;
            case "+" -> numbers || strings;
            case "-", "*", "/", "%", "**", "^", ".." -> numbers;
            case "contains", "startsWith", "endsWith" -> strings;
            default -> true;
        };
        if (!ok) {
            throw new ExprException("invalid operation: " + op + " (mismatched types " + l + " and " + r + ") ("
                    + Lexer.position(source, pos) + ")");
        }
    }

    private static boolean isNumeric(String type) {
        return type.equals("int") || type.equals("float64");
    }

    record Binary(String op, Node left, Node right) implements Node {
        @Override
        public Object eval(Map<String, Object> env) throws ExprException {
            Object a = left.eval(env);
            Object b = right.eval(env);
            switch (op) {
                case "==":
                    return Values.equal(a, b);
                case "!=":
                    return !Values.equal(a, b);
                case "<":
                    return Values.compare(op, a, b) < 0;
                case ">":
                    return Values.compare(op, a, b) > 0;
                case "<=":
                    return Values.compare(op, a, b) <= 0;
                case ">=":
                    return Values.compare(op, a, b) >= 0;
                case "in":
                    return in(a, b);
                case "contains":
                    return strings(a, b).contains((String) b);
                case "startsWith":
                    return strings(a, b).startsWith((String) b);
                case "endsWith":
                    return strings(a, b).endsWith((String) b);
                case "..":
                    return range(a, b);
                default:
                    return arithmetic(a, b);
            }
        }

        @Override
        public String staticType() {
            return switch (op) {
                case "==", "!=", "<", ">", "<=", ">=", "in", "contains", "startsWith", "endsWith" -> "bool";
                default -> null;
            };
        }

        private String strings(Object a, Object b) throws ExprException {
            if (a instanceof String s && b instanceof String) {
                return s;
            }
            throw Values.mismatched(op, a, b);
        }

        private boolean in(Object a, Object b) throws ExprException {
            if (b == null) {
                return false;
            }
            if (b instanceof Map<?, ?> map) {
                return map.containsKey(a);
            }
            if (b instanceof List<?> list) {
                for (Object element : list) {
                    if (Values.equal(a, element)) {
                        return true;
                    }
                }
                return false;
            }
            throw new ExprException("operator \"in\" not defined on " + Values.typeName(b));
        }

        private Object range(Object a, Object b) throws ExprException {
            if (!Values.isInteger(a) || !Values.isInteger(b)) {
                throw Values.mismatched(op, a, b);
            }
            List<Object> values = new ArrayList<>();
            for (long i = ((Number) a).longValue(); i <= ((Number) b).longValue(); i++) {
                values.add(i);
            }
            return values;
        }

        private Object arithmetic(Object a, Object b) throws ExprException {
            if (op.equals("+") && a instanceof String x && b instanceof String y) {
                return x + y;
            }
            if (!Values.isNumber(a) || !Values.isNumber(b)) {
                throw Values.mismatched(op, a, b);
            }
            boolean ints = Values.isInteger(a) && Values.isInteger(b);
            long la = ((Number) a).longValue();
            long lb = ((Number) b).longValue();
            double da = ((Number) a).doubleValue();
            double db = ((Number) b).doubleValue();
            switch (op) {
                case "+":
                    return ints ? (Object) (la + lb) : (Object) (da + db);
                case "-":
                    return ints ? (Object) (la - lb) : (Object) (da - db);
                case "*":
                    return ints ? (Object) (la * lb) : (Object) (da * db);
                case "/":
                    return da / db;
                case "%":
                    if (!ints) {
                        throw Values.mismatched(op, a, b);
                    }
                    if (lb == 0) {
                        throw new ExprException("integer divide by zero");
                    }
                    return la % lb;
                default:
                    return Math.pow(da, db);
            }
        }
    }
}
