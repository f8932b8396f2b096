package io.otelier.runtime.internal.cli;

import io.otelier.api.component.BuildInfo;
import io.otelier.api.component.ComponentKind;
import io.otelier.api.component.Factory;
import io.otelier.api.component.Stability;
import io.otelier.api.connector.ConnectorFactory;
import io.otelier.api.connector.SignalPair;
import io.otelier.api.exporter.ExporterFactory;
import io.otelier.api.extension.ExtensionFactory;
import io.otelier.api.processor.ProcessorFactory;
import io.otelier.api.receiver.ReceiverFactory;
import io.otelier.runtime.internal.FactoryRegistry;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints the live factories in the shape of upstream's {@code otelcol components}: buildinfo, then one list
 * per kind of {name, module, stability}, then the config providers.
 */
public final class ComponentsCommand {

    private ComponentsCommand() {
    }

    public static String render(BuildInfo build, FactoryRegistry registry, String runtimeModule) {
        StringBuilder out = new StringBuilder();
        out.append("buildinfo:\n");
        out.append("    command: ").append(scalar(build.command())).append('\n');
        out.append("    description: ").append(scalar(build.description())).append('\n');
        out.append("    version: ").append(scalar(build.version())).append('\n');
        for (ComponentKind kind : new ComponentKind[] {ComponentKind.RECEIVER, ComponentKind.PROCESSOR,
                ComponentKind.EXPORTER, ComponentKind.CONNECTOR, ComponentKind.EXTENSION}) {
            var entries = registry.entries(kind);
            if (entries.isEmpty()) {
                out.append(kind.section()).append(": []\n");
                continue;
            }
            out.append(kind.section()).append(":\n");
            for (FactoryRegistry.Entry e : entries) {
                out.append("    - name: ").append(scalar(e.factory().type())).append('\n');
                out.append("      module: ").append(scalar(e.module())).append('\n');
                out.append("      stability:\n");
                stability(e.factory()).forEach((k, v) ->
                        out.append("        ").append(k).append(": ").append(v.display()).append('\n'));
            }
        }
        out.append("providers:\n");
        for (String scheme : new String[] {"env", "file", "yaml"}) {
            out.append("    - scheme: ").append(scheme).append('\n');
            out.append("      module: ").append(scalar(runtimeModule)).append('\n');
        }
        return out.toString();
    }

    /** Sorted by key as upstream prints them (logs, metrics, traces; logs-to-logs, …). */
    private static Map<String, Stability> stability(Factory<?> f) {
        Map<String, Stability> out = new TreeMap<>();
        if (f instanceof ReceiverFactory<?> r) {
            r.signals().forEach((s, st) -> out.put(s.id(), st));
        } else if (f instanceof ProcessorFactory<?> p) {
            p.signals().forEach((s, st) -> out.put(s.id(), st));
        } else if (f instanceof ExporterFactory<?> x) {
            x.signals().forEach((s, st) -> out.put(s.id(), st));
        } else if (f instanceof ConnectorFactory<?> c) {
            c.signalPairs().forEach((SignalPair p, Stability st) -> out.put(p.from().id() + "-to-" + p.to().id(), st));
        } else if (f instanceof ExtensionFactory<?> e) {
            out.put("extension", e.stability());
        }
        return out;
    }

    private static String scalar(String s) {
        if (s == null || s.isEmpty()) {
            return "\"\"";
        }
        boolean plain = s.chars().allMatch(c -> Character.isLetterOrDigit(c) || " ._-/@()".indexOf(c) >= 0)
                && !s.startsWith(" ") && !s.endsWith(" ");
        return plain ? s : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
