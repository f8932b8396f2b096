package io.otelier.runtime.internal.telemetry;

import java.util.Arrays;
import java.util.TreeMap;

/** An immutable set of label pairs, sorted by name; a repeated name keeps its last value (like OTel's attribute sets). */
final class LabelSet {

    static final LabelSet EMPTY = new LabelSet(new String[0], new String[0]);

    final String[] names;
    final String[] values;
    private final int hash;

    private LabelSet(String[] names, String[] values) {
        this.names = names;
        this.values = values;
        this.hash = 31 * Arrays.hashCode(names) + Arrays.hashCode(values);
    }

    /**
     * @param pairs name, value, name, value …; a null value is the empty string
     * @throws IllegalArgumentException for an odd count or a null name
     */
    static LabelSet of(String... pairs) {
        if (pairs == null || pairs.length == 0) {
            return EMPTY;
        }
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("labels must be name/value pairs, got " + pairs.length + " strings: "
                    + Arrays.toString(pairs));
        }
        TreeMap<String, String> sorted = new TreeMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i] == null) {
                throw new IllegalArgumentException("label name must not be null: " + Arrays.toString(pairs));
            }
            sorted.put(pairs[i], pairs[i + 1] == null ? "" : pairs[i + 1]);
        }
        return new LabelSet(sorted.keySet().toArray(new String[0]), sorted.values().toArray(new String[0]));
    }

    int size() {
        return names.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelSet other && hash == other.hash && Arrays.equals(names, other.names)
                && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < names.length; i++) {
            sb.append(i == 0 ? "" : ",").append(names[i]).append('=').append(values[i]);
        }
        return sb.append('}').toString();
    }
}
