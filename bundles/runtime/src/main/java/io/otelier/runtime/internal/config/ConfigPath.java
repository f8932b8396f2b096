package io.otelier.runtime.internal.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Key paths as lists of segments (list elements by index), rendered upstream's way: {@code a::b::0}. */
final class ConfigPath {

    static final String DELIMITER = "::";

    private ConfigPath() {
    }

    static List<String> child(List<String> parent, String... segments) {
        List<String> out = new ArrayList<>(parent.size() + segments.length);
        out.addAll(parent);
        Collections.addAll(out, segments);
        return List.copyOf(out);
    }

    static List<String> child(List<String> parent, int index) {
        return child(parent, Integer.toString(index));
    }

    static String render(List<String> path) {
        return String.join(DELIMITER, path);
    }

    /** Splits {@code a::b} the way upstream's confmap does for keys and for {@code --set}. */
    static List<String> split(String key) {
        return List.of(key.split(DELIMITER, -1));
    }
}
