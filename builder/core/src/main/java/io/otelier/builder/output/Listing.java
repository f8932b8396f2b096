package io.otelier.builder.output;

import io.otelier.builder.manifest.ComponentKind;
import java.util.List;
import java.util.Map;

/**
 * One factory as a built distribution's {@code components} command lists it.
 *
 * @param module    {@code <bundle symbolic name> <version>}
 * @param stability per signal ({@code traces}, {@code logs-to-logs}, {@code extension}) → level
 */
public record Listing(ComponentKind kind, String name, String module, Map<String, String> stability) {

    public String symbolicName() {
        int space = module.indexOf(' ');
        return space < 0 ? module : module.substring(0, space);
    }

    /** Whether the component handles {@code signal} ({@code traces}, {@code metrics}, {@code logs}). */
    public boolean supports(String signal) {
        return stability.containsKey(signal);
    }

    static List<Listing> ofKind(List<Listing> all, ComponentKind kind) {
        return all.stream().filter(l -> l.kind() == kind).toList();
    }
}
