package io.otelier.receiver.prometheus.internal;

import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * An immutable Prometheus label set: names sorted, no empty values (Prometheus drops a label whose value is
 * empty). Stored as one array of alternating names and values, so a series costs one allocation.
 */
final class Labels {

    static final Labels EMPTY = new Labels(new String[0]);

    private final String[] pairs;
    private int hash;

    /** @param pairs sorted by name, alternating name and value; owned by the new instance */
    private Labels(String[] pairs) {
        this.pairs = pairs;
    }

    /** From alternating names and values in any order; empty values are dropped, a later duplicate wins. */
    static Labels of(String... namesAndValues) {
        LabelsBuilder b = new LabelsBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            b.set(namesAndValues[i], namesAndValues[i + 1]);
        }
        return b.labels();
    }

    /** Wraps pairs that are already sorted by name and free of empty values and duplicates. */
    static Labels ofSorted(String[] pairs) {
        return pairs.length == 0 ? EMPTY : new Labels(pairs);
    }

    int size() {
        return pairs.length / 2;
    }

    boolean isEmpty() {
        return pairs.length == 0;
    }

    String name(int i) {
        return pairs[2 * i];
    }

    String value(int i) {
        return pairs[2 * i + 1];
    }

    /** The value, or "" when absent (Prometheus's convention). */
    String get(String name) {
        int lo = 0;
        int hi = size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = pairs[2 * mid].compareTo(name);
            if (c == 0) {
                return pairs[2 * mid + 1];
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return "";
    }

    boolean has(String name) {
        return !get(name).isEmpty();
    }

    void forEach(BiConsumer<String, String> action) {
        for (int i = 0; i < pairs.length; i += 2) {
            action.accept(pairs[i], pairs[i + 1]);
        }
    }

    /** The labels whose names pass {@code keep}; this instance itself when all do (no copy). */
    Labels filter(java.util.function.Predicate<String> keep) {
        int kept = 0;
        for (int i = 0; i < pairs.length; i += 2) {
            if (keep.test(pairs[i])) {
                kept++;
            }
        }
        if (kept * 2 == pairs.length) {
            return this;
        }
        String[] out = new String[kept * 2];
        int n = 0;
        for (int i = 0; i < pairs.length; i += 2) {
            if (keep.test(pairs[i])) {
                out[n++] = pairs[i];
                out[n++] = pairs[i + 1];
            }
        }
        return ofSorted(out);
    }

    LabelsBuilder toBuilder() {
        LabelsBuilder b = new LabelsBuilder();
        forEach(b::set);
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Labels other && Arrays.equals(pairs, other.pairs);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Arrays.hashCode(pairs);
            hash = h;
        }
        return h;
    }

    /** Prometheus's form: {@code {a="1", b="2"}}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < pairs.length; i += 2) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(pairs[i]).append("=\"");
            escape(pairs[i + 1], sb);
            sb.append('"');
        }
        return sb.append('}').toString();
    }

    private static void escape(String v, StringBuilder sb) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                default -> sb.append(c);
            }
        }
    }
}
