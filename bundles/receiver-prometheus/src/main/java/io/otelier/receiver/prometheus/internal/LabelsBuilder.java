package io.otelier.receiver.prometheus.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/** A mutable label set with Prometheus's builder rules: setting an empty value deletes the label. */
final class LabelsBuilder {

    private final TreeMap<String, String> labels = new TreeMap<>();

    LabelsBuilder set(String name, String value) {
        if (value == null || value.isEmpty()) {
            labels.remove(name);
        } else {
            labels.put(name, value);
        }
        return this;
    }

    LabelsBuilder delete(String name) {
        labels.remove(name);
        return this;
    }

    String get(String name) {
        String v = labels.get(name);
        return v == null ? "" : v;
    }

    /** Visits a snapshot, so the action may change this builder. */
    void forEachSnapshot(BiConsumer<String, String> action) {
        List<Map.Entry<String, String>> snapshot = new ArrayList<>(labels.entrySet());
        for (Map.Entry<String, String> e : snapshot) {
            action.accept(e.getKey(), e.getValue());
        }
    }

    Labels labels() {
        String[] pairs = new String[labels.size() * 2];
        int i = 0;
        for (Map.Entry<String, String> e : labels.entrySet()) {
            pairs[i++] = e.getKey();
            pairs[i++] = e.getValue();
        }
        return Labels.ofSorted(pairs);
    }
}
