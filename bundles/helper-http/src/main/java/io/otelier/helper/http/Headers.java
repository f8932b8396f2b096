package io.otelier.helper.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Request headers: names case-insensitive (kept lower-case), each with its values in arrival order. Immutable. */
public final class Headers {

    public static final Headers EMPTY = new Headers(Map.of());

    private final Map<String, List<String>> values;

    private Headers(Map<String, List<String>> values) {
        this.values = values;
    }

    /** Builds headers from (name, value) pairs in arrival order. */
    public static Headers of(Iterable<? extends Map.Entry<String, String>> entries) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : entries) {
            out.computeIfAbsent(e.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>(1)).add(e.getValue());
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return new Headers(Collections.unmodifiableMap(out));
    }

    public static Headers of(Map<String, String> single) {
        return of(single.entrySet());
    }

    /** These headers without {@code names}. */
    public Headers without(String... names) {
        Map<String, List<String>> out = new LinkedHashMap<>(values);
        for (String name : names) {
            out.remove(name.toLowerCase(Locale.ROOT));
        }
        return new Headers(Collections.unmodifiableMap(out));
    }

    /** The first value of {@code name}, if present. */
    public Optional<String> first(String name) {
        List<String> v = values.get(name.toLowerCase(Locale.ROOT));
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /** The first value of {@code name}, or "" (Go's {@code Header.Get}). */
    public String get(String name) {
        return first(name).orElse("");
    }

    public List<String> all(String name) {
        return values.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /** Every header, names lower-case: the shape {@code RequestContext.withMetadata} takes. */
    public Map<String, List<String>> asMap() {
        return values;
    }

    @Override
    public String toString() {
        return values.keySet().toString();
    }
}
