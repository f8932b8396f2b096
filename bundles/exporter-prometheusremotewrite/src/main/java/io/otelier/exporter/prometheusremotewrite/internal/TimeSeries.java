package io.otelier.exporter.prometheusremotewrite.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * One {@code prometheus.TimeSeries} of a write request: its labels sorted by name (as the remote write spec
 * requires; {@code __name__} among them), its samples in the order they were added, and its native histograms
 * (from exponential histograms), and its exemplars.
 */
record TimeSeries(SortedMap<String, String> labels, List<Sample> samples, List<NativeHistogram> histograms,
        List<PromExemplar> exemplars) {

    /** A {@code prometheus.Sample}: the value and a Unix time in milliseconds. */
    record Sample(double value, long timestampMillis) {
    }

    TimeSeries {
        labels = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(labels));
    }

    TimeSeries(SortedMap<String, String> labels, List<Sample> samples) {
        this(labels, samples, new ArrayList<>(), new ArrayList<>());
    }

    static TimeSeries of(SortedMap<String, String> labels) {
        return new TimeSeries(labels, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }

    String name() {
        return labels.getOrDefault("__name__", "");
    }

    /** {@code name{a="1", b="2"}} without {@code __name__}, for messages and tests. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(name()).append('{');
        for (Map.Entry<String, String> l : labels.entrySet()) {
            if (!l.getKey().equals("__name__")) {
                out.append(out.charAt(out.length() - 1) == '{' ? "" : ",").append(l.getKey()).append("=\"")
                        .append(l.getValue()).append('"');
            }
        }
        return out.append('}').append(samples).toString();
    }
}
