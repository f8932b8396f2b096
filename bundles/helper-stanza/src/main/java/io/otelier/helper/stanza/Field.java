package io.otelier.helper.stanza;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reference to a value of an {@link Entry}: {@code body}, {@code body.a.b}, {@code attributes.x},
 * {@code resource.x} or the bracket form {@code attributes["a.b"]} (upstream {@code entry.Field},
 * docs/types/field.md). Immutable.
 */
public final class Field {

    /** Which part of the entry the keys walk into. */
    public enum Root {
        BODY("body"), ATTRIBUTES("attributes"), RESOURCE("resource");

        private final String prefix;

        Root(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    private final Root root;
    private final List<String> keys;

    private Field(Root root, List<String> keys) {
        this.root = root;
        this.keys = List.copyOf(keys);
    }

    public static Field body(String... keys) {
        return new Field(Root.BODY, List.of(keys));
    }

    public static Field attribute(String... keys) {
        return new Field(Root.ATTRIBUTES, List.of(keys));
    }

    public static Field resource(String... keys) {
        return new Field(Root.RESOURCE, List.of(keys));
    }

    public static Field of(Root root, List<String> keys) {
        return new Field(root, keys);
    }

    /**
     * Parses a field that must name a value ({@code attributes} and {@code resource} alone are refused).
     *
     * @throws IllegalArgumentException with upstream's message when the syntax is wrong
     */
    public static Field parse(String text) {
        return parse(text, false);
    }

    /** Parses a field that may also be the whole {@code attributes} or {@code resource} map (parse_to). */
    public static Field parseRootable(String text) {
        return parse(text, true);
    }

    private static Field parse(String text, boolean rootable) {
        List<String> keys;
        try {
            keys = splitKeys(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("splitting field: " + e.getMessage(), e);
        }
        String prefix = keys.get(0);
        List<String> rest = keys.subList(1, keys.size());
        switch (prefix) {
            case "attributes":
                if (!rootable && rest.isEmpty()) {
                    throw new IllegalArgumentException("attributes cannot be referenced without subfield");
                }
                return new Field(Root.ATTRIBUTES, rest);
            case "resource":
                if (!rootable && rest.isEmpty()) {
                    throw new IllegalArgumentException("resource cannot be referenced without subfield");
                }
                return new Field(Root.RESOURCE, rest);
            case "body":
                return new Field(Root.BODY, rest);
            default:
                throw new IllegalArgumentException("unrecognized prefix");
        }
    }

    /** Upstream's {@code fromJSONDot}: dotted tokens and quoted bracket tokens. */
    private static List<String> splitKeys(String s) {
        enum State { BEGIN, IN_BRACKET, IN_QUOTE, OUT_QUOTE, OUT_BRACKET, IN_TOKEN }
        List<String> fields = new ArrayList<>();
        State state = State.BEGIN;
        char quote = 0;
        int tokenStart = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (state) {
                case BEGIN -> {
                    if (c == '[') {
                        state = State.IN_BRACKET;
                    } else {
                        tokenStart = i;
                        state = State.IN_TOKEN;
                    }
                }
                case IN_BRACKET -> {
                    if (c != '\'' && c != '"') {
                        throw new IllegalArgumentException("strings in brackets must be surrounded by quotes");
                    }
                    state = State.IN_QUOTE;
                    quote = c;
                    tokenStart = i + 1;
                }
                case IN_QUOTE -> {
                    if (c == quote) {
                        fields.add(s.substring(tokenStart, i));
                        state = State.OUT_QUOTE;
                    }
                }
                case OUT_QUOTE -> {
                    if (c != ']') {
                        throw new IllegalArgumentException("found characters between closed quote and closing bracket");
                    }
                    state = State.OUT_BRACKET;
                }
                case OUT_BRACKET -> {
                    if (c == '.') {
                        state = State.IN_TOKEN;
                        tokenStart = i + 1;
                    } else if (c == '[') {
                        state = State.IN_BRACKET;
                    } else {
                        throw new IllegalArgumentException(
                                "bracketed access must be followed by a dot or another bracketed access");
                    }
                }
                case IN_TOKEN -> {
                    if (c == '.') {
                        fields.add(s.substring(tokenStart, i));
                        tokenStart = i + 1;
                    } else if (c == '[') {
                        fields.add(s.substring(tokenStart, i));
                        state = State.IN_BRACKET;
                    }
                }
            }
        }
        switch (state) {
            case IN_BRACKET, OUT_QUOTE -> throw new IllegalArgumentException("found unclosed left bracket");
            case IN_QUOTE -> throw new IllegalArgumentException(
                    quote == '"' ? "found unclosed double quote" : "found unclosed single quote");
            case IN_TOKEN -> fields.add(s.substring(tokenStart));
            default -> { }
        }
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("fields size is 0");
        }
        return fields;
    }

    public Root root() {
        return root;
    }

    public List<String> keys() {
        return keys;
    }

    /** True for {@code body}, {@code attributes} or {@code resource} without keys. */
    public boolean isRoot() {
        return keys.isEmpty();
    }

    /** The field one level up ({@code body.a} for {@code body.a.b}); a root is its own parent. */
    public Field parent() {
        return isRoot() ? this : new Field(root, keys.subList(0, keys.size() - 1));
    }

    public Field child(String key) {
        List<String> child = new ArrayList<>(keys);
        child.add(key);
        return new Field(root, child);
    }

    /** The last key, or {@code null} for a root. */
    public String lastKey() {
        return isRoot() ? null : keys.get(keys.size() - 1);
    }

    /** Whether the entry holds a value here (a null body counts as present, as upstream). */
    public boolean has(Entry entry) {
        return lookup(entry) != MISSING;
    }

    /** The value, or {@code null} when missing. */
    public Object get(Entry entry) {
        Object value = lookup(entry);
        return value == MISSING ? null : value;
    }

    private static final Object MISSING = new Object();

    private Object lookup(Entry entry) {
        Object current;
        switch (root) {
            case BODY -> current = entry.body();
            case ATTRIBUTES -> {
                if (entry.attributes() == null) {
                    return MISSING;
                }
                current = entry.attributes();
            }
            default -> {
                if (entry.resource() == null) {
                    return MISSING;
                }
                current = entry.resource();
            }
        }
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(key)) {
                return MISSING;
            }
            current = map.get(key);
        }
        return current;
    }

    /**
     * Sets the value; a map value is merged into the map already there (upstream semantics), missing
     * intermediate maps are created and non-map intermediates replaced.
     *
     * @throws IllegalArgumentException when setting a non-map on the attributes or resource root
     */
    @SuppressWarnings("unchecked")
    public void set(Entry entry, Object value) {
        Map<String, Object> top;
        if (root == Root.BODY) {
            if (!(value instanceof Map) && isRoot()) {
                entry.setBody(value);
                return;
            }
            if (entry.body() instanceof Map<?, ?> bodyMap) {
                top = (Map<String, Object>) bodyMap;
            } else {
                top = new LinkedHashMap<>();
                entry.setBody(top);
            }
        } else {
            top = root == Root.ATTRIBUTES ? entry.attributesOrCreate() : entry.resourceOrCreate();
            if (!(value instanceof Map) && isRoot()) {
                throw new IllegalArgumentException("cannot set " + root.prefix() + " root");
            }
        }
        if (value instanceof Map<?, ?> mapValue) {
            Map<String, Object> target = top;
            for (String key : keys) {
                target = nested(target, key);
            }
            target.putAll((Map<String, Object>) mapValue);
            return;
        }
        Map<String, Object> target = top;
        for (int i = 0; i < keys.size() - 1; i++) {
            target = nested(target, keys.get(i));
        }
        target.put(keys.get(keys.size() - 1), value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> nested(Map<String, Object> map, String key) {
        Object current = map.get(key);
        if (current instanceof Map<?, ?> existing) {
            return (Map<String, Object>) existing;
        }
        Map<String, Object> created = new LinkedHashMap<>();
        map.put(key, created);
        return created;
    }

    /** Removes the value and returns it, or {@link #NOT_FOUND} when nothing was there. */
    public Object delete(Entry entry) {
        if (isRoot()) {
            switch (root) {
                case BODY -> {
                    Object old = entry.body();
                    entry.setBody(null);
                    return old;
                }
                case ATTRIBUTES -> {
                    Object old = entry.attributes();
                    entry.setAttributes(null);
                    return old == null ? NOT_FOUND : old;
                }
                default -> {
                    Object old = entry.resource();
                    entry.setResource(null);
                    return old == null ? NOT_FOUND : old;
                }
            }
        }
        Object current = switch (root) {
            case BODY -> entry.body();
            case ATTRIBUTES -> entry.attributes();
            case RESOURCE -> entry.resource();
        };
        for (int i = 0; i < keys.size(); i++) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(keys.get(i))) {
                return NOT_FOUND;
            }
            if (i == keys.size() - 1) {
                return map.remove(keys.get(i));
            }
            current = map.get(keys.get(i));
        }
        return NOT_FOUND;
    }

    /** What {@link #delete} returns when the field held nothing. */
    public static final Object NOT_FOUND = new Object() {
        @Override
        public String toString() {
            return "<not found>";
        }
    };

    /** Upstream's {@code toJSONDot}: dotted, or all-bracketed when a key contains a dot. */
    @Override
    public String toString() {
        if (keys.isEmpty()) {
            return root.prefix();
        }
        boolean dots = keys.stream().anyMatch(k -> k.contains("."));
        StringBuilder b = new StringBuilder(root.prefix());
        for (String key : keys) {
            if (dots) {
                b.append("['").append(key).append("']");
            } else {
                b.append('.').append(key);
            }
        }
        return b.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Field f && f.root == root && f.keys.equals(keys);
    }

    @Override
    public int hashCode() {
        return root.hashCode() * 31 + keys.hashCode();
    }
}
