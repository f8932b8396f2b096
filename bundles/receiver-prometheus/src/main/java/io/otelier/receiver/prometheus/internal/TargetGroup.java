package io.otelier.receiver.prometheus.internal;

import java.util.List;
import java.util.Map;

/**
 * Prometheus's {@code targetgroup.Group}: targets (each a label set, usually just {@code __address__}) sharing
 * common labels, from a source (a static config index or a file and its position in it).
 */
record TargetGroup(List<Map<String, String>> targets, Map<String, String> labels, String source) {

    TargetGroup {
        targets = List.copyOf(targets);
        labels = Map.copyOf(labels);
    }
}
