package io.otelier.exporter.file.internal;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The file path for a {@code group_by} value: the {@code *} of {@code path} replaced by the value, cleaned
 * lexically (Go's path.Clean), and never outside the part before the {@code *} — a value such as
 * {@code ../etc/x} lands under that prefix instead, as upstream guarantees.
 */
final class GroupPaths {

    private final String prefix;
    private final String suffix;

    GroupPaths(String pattern) {
        int star = pattern.indexOf('*');
        String rawPrefix = pattern.substring(0, star);
        String cleaned = clean(rawPrefix);
        this.prefix = rawPrefix.endsWith("/") && !cleaned.endsWith("/") ? cleaned + "/" : cleaned;
        this.suffix = pattern.substring(star + 1);
    }

    String pathFor(String segment) {
        if (segment.startsWith("./")) {
            segment = segment.substring(1);
        } else if (segment.startsWith("../")) {
            segment = segment.substring(2);
        }
        String full = clean(prefix + segment + suffix);
        if (full.startsWith(prefix)) {
            return full;
        }
        return clean(prefix + "/" + clean("/" + segment + suffix));
    }

    /** Go's path.Clean: drops empty and "." elements, resolves ".." lexically. */
    static String clean(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        boolean rooted = path.startsWith("/");
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!parts.isEmpty() && !parts.peekLast().equals("..")) {
                    parts.removeLast();
                } else if (!rooted) {
                    parts.addLast("..");
                }
                continue;
            }
            parts.addLast(part);
        }
        String joined = String.join("/", parts);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }
}
