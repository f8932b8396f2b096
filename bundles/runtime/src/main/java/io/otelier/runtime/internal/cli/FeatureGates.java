package io.otelier.runtime.internal.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Upstream's feature gate registry, for the gates this distribution implements. Today it has none, so
 * any gate named on the command line is an error, exactly as upstream answers an unknown gate.
 */
public final class FeatureGates {

    /** A gate: id, description, enabled by default. */
    public record Gate(String id, String description, boolean enabledByDefault) {
    }

    private final Map<String, Gate> gates = new LinkedHashMap<>();
    private final Map<String, Boolean> overrides = new LinkedHashMap<>();

    public FeatureGates register(Gate gate) {
        gates.put(gate.id(), gate);
        return this;
    }

    /** Applies {@code --feature-gates} entries: "id" or "+id" enables, "-id" disables. */
    public void apply(List<String> entries) throws CommandLine.UsageException {
        for (String entry : entries) {
            boolean enable = !entry.startsWith("-");
            String id = entry.startsWith("-") || entry.startsWith("+") ? entry.substring(1) : entry;
            if (!gates.containsKey(id)) {
                throw new CommandLine.UsageException("invalid argument \"" + String.join(",", entries)
                        + "\" for \"--feature-gates\" flag: no such feature gate \"" + id + "\"");
            }
            overrides.put(id, enable);
        }
    }

    public boolean isEnabled(String id) {
        Gate gate = gates.get(id);
        if (gate == null) {
            throw new IllegalArgumentException("no such feature gate \"" + id + "\"");
        }
        return overrides.getOrDefault(id, gate.enabledByDefault());
    }
}
