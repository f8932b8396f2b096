package io.otelier.runtime.internal.config;

import io.otelier.api.component.ComponentId;
import io.otelier.api.component.ComponentKind;
import io.otelier.api.component.Factory;
import io.otelier.api.component.Signal;
import io.otelier.api.config.ConfigException;
import io.otelier.api.connector.ConnectorFactory;
import io.otelier.api.connector.SignalPair;
import io.otelier.api.exporter.ExporterFactory;
import io.otelier.api.processor.ProcessorFactory;
import io.otelier.api.receiver.ReceiverFactory;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Upstream's rules for a whole config, checked in upstream's order, reporting the first broken one as a
 * single line (as upstream's {@code Config.Validate} does for these cross-section rules):
 * <ol>
 * <li>the config is not empty; there is a receiver; there is an exporter ({@code otelcol/config.go});</li>
 * <li>no connector shares its id with an exporter or a receiver;</li>
 * <li>every extension in {@code service::extensions} is configured;</li>
 * <li>every component a pipeline names is configured (receivers and exporters may be connectors);</li>
 * <li>there is a pipeline; each has a receiver and an exporter and lists no processor twice
 * ({@code service/pipelines/config.go});</li>
 * <li>each connector used as an exporter feeds a pipeline whose signal it supports, and each used as a receiver
 * is fed by one, and no data can flow in a cycle through connectors ({@code service/internal/graph});</li>
 * <li>every receiver, processor and exporter supports the signal of each pipeline that lists it.</li>
 * </ol>
 */
public final class ConfigValidator {

    private static final List<String> PIPELINES = List.of("service", "pipelines");

    private final FactoryLookup factories;
    private final SourceMap sources;

    public ConfigValidator(FactoryLookup factories, SourceMap sources) {
        this.factories = factories;
        this.sources = sources;
    }

    /** @throws ConfigException naming the first broken rule */
    public void validate(CollectorConfig config) {
        checkSections(config);
        checkConnectorIds(config);
        checkExtensionReferences(config);
        config.service().pipelines().forEach((id, pipeline) -> checkReferences(config, id, pipeline));
        checkPipelineShapes(config);
        checkConnectorUse(config);
        ConnectorCycles.find(config, this::connectorSupports).ifPresent(cycle -> {
            throw ConfigErrors.at(sources, PIPELINES, cycle);
        });
        config.service().pipelines().forEach((id, pipeline) -> checkSignals(config, id, pipeline));
    }

    private void checkSections(CollectorConfig config) {
        if (config.receivers().isEmpty() && config.exporters().isEmpty() && config.processors().isEmpty()
                && config.connectors().isEmpty() && config.extensions().isEmpty()) {
            throw ConfigException.of("empty configuration file");
        }
        if (config.receivers().isEmpty()) {
            throw ConfigException.of("no receiver configuration specified in config");
        }
        if (config.exporters().isEmpty()) {
            throw ConfigException.of("no exporter configuration specified in config");
        }
    }

    private void checkConnectorIds(CollectorConfig config) {
        for (ComponentId id : config.connectors().keySet()) {
            for (String other : List.of("exporter", "receiver")) {
                boolean clash = other.equals("exporter") ? config.exporters().containsKey(id)
                        : config.receivers().containsKey(id);
                if (clash) {
                    List<String> path = List.of("connectors", id.toString());
                    throw ConfigErrors.at(sources, path, "ambiguous ID: Found both \"" + id + "\" " + other + " and \""
                            + id + "\" connector. Change one of the components' IDs to eliminate ambiguity (e.g. rename \""
                            + id + "\" connector to \"" + id + "/connector\")");
                }
            }
        }
    }

    private void checkExtensionReferences(CollectorConfig config) {
        List<ComponentId> extensions = config.service().extensions();
        for (int i = 0; i < extensions.size(); i++) {
            if (!config.extensions().containsKey(extensions.get(i))) {
                throw ConfigErrors.at(sources, List.of("service", "extensions"),
                        List.of("service", "extensions", Integer.toString(i)),
                        "references extension \"" + extensions.get(i) + "\" which is not configured");
            }
        }
    }

    private void checkReferences(CollectorConfig config, PipelineId id, PipelineConfig pipeline) {
        checkListed(id, "receivers", pipeline.receivers(), ref ->
                config.receivers().containsKey(ref) || config.connectors().containsKey(ref), "receiver");
        checkListed(id, "processors", pipeline.processors(), config.processors()::containsKey, "processor");
        checkListed(id, "exporters", pipeline.exporters(), ref ->
                config.exporters().containsKey(ref) || config.connectors().containsKey(ref), "exporter");
    }

    private void checkListed(PipelineId id, String key, List<ComponentId> refs,
            java.util.function.Predicate<ComponentId> configured, String kind) {
        for (int i = 0; i < refs.size(); i++) {
            if (!configured.test(refs.get(i))) {
                throw at(id, key, i, "references " + kind + " \"" + refs.get(i) + "\" which is not configured");
            }
        }
    }

    private void checkPipelineShapes(CollectorConfig config) {
        if (config.service().pipelines().isEmpty()) {
            throw ConfigErrors.at(sources, PIPELINES, "service must have at least one pipeline");
        }
        config.service().pipelines().forEach((id, pipeline) -> {
            List<String> path = pipelinePath(id);
            if (pipeline.receivers().isEmpty()) {
                throw ConfigErrors.at(sources, path, "must have at least one receiver");
            }
            if (pipeline.exporters().isEmpty()) {
                throw ConfigErrors.at(sources, path, "must have at least one exporter");
            }
            Set<ComponentId> seen = new HashSet<>();
            for (int i = 0; i < pipeline.processors().size(); i++) {
                if (!seen.add(pipeline.processors().get(i))) {
                    throw at(id, "processors", i, "references processor \"" + pipeline.processors().get(i)
                            + "\" multiple times");
                }
            }
        });
    }

    /** Upstream's graph check: each use of a connector needs a supported counterpart on the other side. */
    private void checkConnectorUse(CollectorConfig config) {
        for (ComponentId connector : config.connectors().keySet()) {
            Map<PipelineId, Integer> asExporter = uses(config, connector, false);
            Map<PipelineId, Integer> asReceiver = uses(config, connector, true);
            checkSide(connector, asExporter, asReceiver, false);
            checkSide(connector, asReceiver, asExporter, true);
        }
    }

    private void checkSide(ComponentId connector, Map<PipelineId, Integer> side, Map<PipelineId, Integer> other,
            boolean sideIsReceiver) {
        for (Map.Entry<PipelineId, Integer> use : side.entrySet()) {
            Signal signal = use.getKey().signal();
            boolean supported = other.keySet().stream().anyMatch(o -> connectorSupports(connector,
                    sideIsReceiver ? SignalPair.of(o.signal(), signal) : SignalPair.of(signal, o.signal())));
            if (!supported) {
                List<String> names = side.keySet().stream().filter(p -> p.signal() == signal).map(PipelineId::toString)
                        .toList();
                throw ConfigErrors.at(sources, PIPELINES, ConfigPath.child(pipelinePath(use.getKey()),
                        sideIsReceiver ? "receivers" : "exporters", Integer.toString(use.getValue())),
                        "connector \"" + connector + "\" used as " + (sideIsReceiver ? "receiver" : "exporter") + " in "
                                + names + " pipeline but not used in any supported "
                                + (sideIsReceiver ? "exporter" : "receiver") + " pipeline");
            }
        }
    }

    /** Pipelines listing the connector on one side, with its index there. */
    private static Map<PipelineId, Integer> uses(CollectorConfig config, ComponentId connector, boolean asReceiver) {
        Map<PipelineId, Integer> out = new LinkedHashMap<>();
        config.service().pipelines().forEach((id, pipeline) -> {
            int index = (asReceiver ? pipeline.receivers() : pipeline.exporters()).indexOf(connector);
            if (index >= 0) {
                out.put(id, index);
            }
        });
        return out;
    }

    private boolean connectorSupports(ComponentId connector, SignalPair pair) {
        return factories.find(ComponentKind.CONNECTOR, connector.type())
                .filter(f -> f instanceof ConnectorFactory<?> c && c.signalPairs().containsKey(pair)).isPresent();
    }

    private void checkSignals(CollectorConfig config, PipelineId id, PipelineConfig pipeline) {
        checkSignal(id, "receivers", pipeline.receivers(), ComponentKind.RECEIVER, config.connectors().keySet());
        checkSignal(id, "processors", pipeline.processors(), ComponentKind.PROCESSOR, Set.of());
        checkSignal(id, "exporters", pipeline.exporters(), ComponentKind.EXPORTER, config.connectors().keySet());
    }

    private void checkSignal(PipelineId id, String key, List<ComponentId> refs, ComponentKind kind,
            Set<ComponentId> connectors) {
        for (int i = 0; i < refs.size(); i++) {
            ComponentId ref = refs.get(i);
            if (connectors.contains(ref)) {
                continue;
            }
            // the loader bound every listed id with its factory; one that left since then is the graph's concern
            Factory<?> factory = factories.find(kind, ref.type()).orElse(null);
            if (factory != null && !signals(factory).contains(id.signal())) {
                throw at(id, key, i, kind.singular() + " \"" + ref + "\" does not support " + id.signal().id()
                        + " (supported: " + String.join(", ", signals(factory).stream().sorted().map(Signal::id).toList()) + ")");
            }
        }
    }

    private static Set<Signal> signals(Factory<?> factory) {
        if (factory instanceof ReceiverFactory<?> r) {
            return r.signals().keySet();
        }
        if (factory instanceof ProcessorFactory<?> p) {
            return p.signals().keySet();
        }
        if (factory instanceof ExporterFactory<?> e) {
            return e.signals().keySet();
        }
        return Set.of();
    }

    private ConfigException at(PipelineId id, String key, int index, String problem) {
        return ConfigErrors.at(sources, pipelinePath(id), ConfigPath.child(pipelinePath(id), key, Integer.toString(index)),
                problem);
    }

    private static List<String> pipelinePath(PipelineId id) {
        return List.of("service", "pipelines", id.toString());
    }
}
