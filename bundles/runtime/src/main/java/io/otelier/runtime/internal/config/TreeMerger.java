package io.otelier.runtime.internal.config;

import java.util.Map;

/**
 * Upstream's merge of config sources: maps merge key by key, everything else (lists, scalars, null) is
 * replaced by the later value.
 */
final class TreeMerger {

    private TreeMerger() {
    }

    /** Merges {@code source} into {@code target}; the source wins. Both are mutable trees of this package. */
    static void mergeInto(Map<String, Object> target, Map<String, ?> source) {
        source.forEach((key, value) -> mergeEntry(target, key, value));
    }

    static void mergeEntry(Map<String, Object> target, String key, Object value) {
        Object existing = target.get(key);
        if (existing instanceof Map<?, ?> && value instanceof Map<?, ?>) {
            mergeInto(asTree(existing), asTree(value));
        } else {
            target.put(key, value);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asTree(Object map) {
        return (Map<String, Object>) map;
    }
}
