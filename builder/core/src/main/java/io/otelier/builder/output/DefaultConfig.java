package io.otelier.builder.output;

import io.otelier.builder.manifest.ComponentKind;
import io.otelier.builder.manifest.DistInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The config a distribution ships when its manifest names none: one pipeline per signal that a receiver and an
 * exporter of the distribution both handle. Components known to be valid with these settings are preferred
 * (an OTLP receiver needs at least one protocol; nop and debug need nothing); others get an empty section,
 * and the builder validates the result against the distribution. OTLP's endpoints are written out (upstream's
 * defaults) so that a container image can find them and bind them to all interfaces.
 */
public final class DefaultConfig {

    private static final List<String> SIGNALS = List.of("traces", "metrics", "logs");
    /** Known-good sections, in order of preference. */
    private static final Map<String, String> RECEIVERS = ordered(
            "otlp", "\n    protocols:\n      grpc:\n        endpoint: localhost:4317\n      http:\n"
                    + "        endpoint: localhost:4318",
            "nop", "");
    private static final Map<String, String> EXPORTERS = ordered(
            "debug", "",
            "nop", "");

    private DefaultConfig() {
    }

    /** The config text, or empty when no receiver and exporter share a signal. */
    public static Optional<String> generate(DistInfo dist, List<Listing> components) {
        Map<String, String> receivers = new LinkedHashMap<>();
        Map<String, String> exporters = new LinkedHashMap<>();
        StringBuilder pipelines = new StringBuilder();
        for (String signal : SIGNALS) {
            Optional<Listing> r = preferred(Listing.ofKind(components, ComponentKind.RECEIVER), signal, RECEIVERS);
            Optional<Listing> e = preferred(Listing.ofKind(components, ComponentKind.EXPORTER), signal, EXPORTERS);
            if (r.isEmpty() || e.isEmpty()) {
                continue;
            }
            receivers.put(r.get().name(), RECEIVERS.getOrDefault(r.get().name(), ""));
            exporters.put(e.get().name(), EXPORTERS.getOrDefault(e.get().name(), ""));
            pipelines.append("    ").append(signal).append(":\n")
                    .append("      receivers: [").append(r.get().name()).append("]\n")
                    .append("      exporters: [").append(e.get().name()).append("]\n");
        }
        if (pipelines.length() == 0) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder();
        out.append("# Default config of ").append(dist.description()).append(' ').append(dist.version())
                .append(", written by otelier-builder:\n")
                .append("# one pipeline per signal that a receiver and an exporter of this distribution both handle.\n")
                .append("# Ship your own with `config:` in the builder manifest.\n");
        section(out, "receivers", receivers);
        section(out, "exporters", exporters);
        out.append("service:\n  pipelines:\n").append(pipelines);
        return Optional.of(out.toString());
    }

    private static void section(StringBuilder out, String name, Map<String, String> entries) {
        out.append(name).append(":\n");
        entries.forEach((type, body) -> out.append("  ").append(type).append(':').append(body).append('\n'));
    }

    private static Optional<Listing> preferred(List<Listing> candidates, String signal, Map<String, String> known) {
        List<String> order = new ArrayList<>(known.keySet());
        return candidates.stream().filter(l -> l.supports(signal))
                .min(Comparator.comparing((Listing l) -> order.contains(l.name()) ? order.indexOf(l.name())
                        : order.size()).thenComparing(Listing::name));
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
