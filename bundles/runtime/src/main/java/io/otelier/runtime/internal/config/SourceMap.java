package io.otelier.runtime.internal.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Remembers, for each key path of the resolved config, the source and line it came from, so that any
 * later error can point at it: {@code exporters::debug::verbositty: unknown key (config.yaml:12)}. A path
 * without an entry of its own (a value produced by expansion, a default) is reported at its nearest
 * ancestor's origin.
 *
 * <p>It also keeps the text a value had before typed expansion turned it into a number or a boolean
 * ({@code ${env:PORT}} → 4317), because upstream still hands that text to fields that expect a string.
 */
public final class SourceMap {

    private final Map<List<String>, Origin> origins = new HashMap<>();
    private final Map<List<String>, String> expandedText = new HashMap<>();

    /** A map with no origins, for trees that were not read from sources (tests, defaults). */
    public static SourceMap empty() {
        return new SourceMap();
    }

    void put(List<String> path, Origin origin) {
        origins.put(List.copyOf(path), origin);
    }

    void putAll(Map<List<String>, Origin> entries) {
        origins.putAll(entries);
    }

    /** Drops entries for paths the final tree no longer has (overridden by a later source). */
    void retainPaths(Set<List<String>> present) {
        origins.keySet().retainAll(present);
    }

    void putExpandedText(List<String> path, String text) {
        expandedText.put(List.copyOf(path), text);
    }

    /** The origin of the value at {@code path}, or of its nearest ancestor that has one. */
    public Optional<Origin> origin(List<String> path) {
        for (int end = path.size(); end >= 0; end--) {
            Origin o = origins.get(path.subList(0, end));
            if (o != null) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    /** {@code " (config.yaml:12)"} for appending to a message, or "" when the origin is unknown. */
    public String locate(List<String> path) {
        return origin(path).map(o -> " (" + o + ")").orElse("");
    }

    /** The text before typed expansion, when the whole value at {@code path} was one {@code ${…}}. */
    public Optional<String> expandedText(List<String> path) {
        return Optional.ofNullable(expandedText.get(path));
    }
}
