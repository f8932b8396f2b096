package io.otelier.helper.stanza;

import io.otelier.api.config.ConfigException;
import io.otelier.helper.stanza.internal.expr.ExprException;
import io.otelier.helper.stanza.internal.expr.ExprString;
import io.otelier.helper.stanza.internal.expr.Expression;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code attributes} and {@code resource} maps of an input operator (upstream
 * {@code helper.AttributerConfig} / {@code IdentifierConfig}): set on every entry the input makes. Values
 * may embed {@code EXPR(...)}. Immutable and thread-safe.
 */
public final class EntryDecorator {

    private static final EntryDecorator NONE = new EntryDecorator(Map.of(), Map.of());

    private final Map<String, ExprString> attributes;
    private final Map<String, ExprString> resource;

    private EntryDecorator(Map<String, ExprString> attributes, Map<String, ExprString> resource) {
        this.attributes = attributes;
        this.resource = resource;
    }

    public static EntryDecorator none() {
        return NONE;
    }

    /**
     * Compiles the maps (either may be null).
     *
     * @throws ConfigException at {@code attributes::<key>} or {@code resource::<key>} for a bad expression
     */
    public static EntryDecorator of(Map<String, String> attributes, Map<String, String> resource) {
        Map<String, ExprString> a = compile("attributes", attributes);
        Map<String, ExprString> r = compile("resource", resource);
        return a.isEmpty() && r.isEmpty() ? NONE : new EntryDecorator(a, r);
    }

    private static Map<String, ExprString> compile(String section, Map<String, String> values) {
        Map<String, ExprString> out = new LinkedHashMap<>();
        if (values != null) {
            values.forEach((k, v) -> {
                try {
                    out.put(k, ExprString.compile(v == null ? "" : v));
                } catch (ExprException e) {
                    throw ConfigException.at(section + "::" + k, e.getMessage());
                }
            });
        }
        return Map.copyOf(out);
    }

    public boolean isEmpty() {
        return attributes.isEmpty() && resource.isEmpty();
    }

    /**
     * Sets the configured attributes then resource on the entry.
     *
     * @throws IllegalStateException when an embedded expression fails to render (the entry is then dropped,
     *     as upstream's input operators do)
     */
    public void decorate(Entry entry) {
        if (isEmpty()) {
            return;
        }
        Map<String, Object> env = Expression.environment(entry);
        try {
            for (Map.Entry<String, ExprString> e : attributes.entrySet()) {
                entry.addAttribute(e.getKey(), e.getValue().render(env));
            }
            // a fresh environment, as upstream's Identify: resource values see the attributes just set
            env = resource.isEmpty() ? env : Expression.environment(entry);
            for (Map.Entry<String, ExprString> e : resource.entrySet()) {
                entry.addResourceKey(e.getKey(), e.getValue().render(env));
            }
        } catch (ExprException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
