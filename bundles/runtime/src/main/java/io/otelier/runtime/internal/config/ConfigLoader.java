package io.otelier.runtime.internal.config;

import io.otelier.api.component.ComponentId;
import io.otelier.api.component.ComponentKind;
import io.otelier.api.component.Factory;
import io.otelier.api.config.ComponentConfig;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link CollectorConfig} from a resolved tree: checks the top-level and service keys, parses
 * component and pipeline ids, finds each component's factory (by type or deprecated alias) and binds its
 * section. Structure only — the cross-references between sections are {@link ConfigValidator}'s job.
 */
public final class ConfigLoader {

    /** The config and the warnings to log (deprecated type aliases). */
    public record Result(CollectorConfig config, List<String> warnings) {
    }

    private static final List<ComponentKind> SECTIONS = List.of(ComponentKind.RECEIVER, ComponentKind.PROCESSOR,
            ComponentKind.EXPORTER, ComponentKind.CONNECTOR, ComponentKind.EXTENSION);
    private static final List<String> TOP_LEVEL_KEYS = List.of("receivers", "processors", "exporters", "connectors",
            "extensions", "service");
    private static final List<String> PIPELINE_KEYS = List.of("receivers", "processors", "exporters");

    private final FactoryLookup factories;
    private final SourceMap sources;
    private final TreeReader reader;
    private final ConfigBinder binder;
    private final boolean allowMissingFactories;

    public ConfigLoader(FactoryLookup factories, SourceMap sources) {
        this(factories, sources, false);
    }

    /**
     * @param allowMissingFactories a reload of a running collector: a receiver, processor, exporter or
     *                              extension whose type has no factory right now gets a {@link PendingConfig}
     *                              (its pipelines wait for the factory) instead of failing the load
     */
    public ConfigLoader(FactoryLookup factories, SourceMap sources, boolean allowMissingFactories) {
        this.allowMissingFactories = allowMissingFactories;
        this.factories = factories;
        this.sources = sources;
        this.reader = new TreeReader(sources);
        this.binder = new ConfigBinder(sources);
    }

    /** @throws io.otelier.api.config.ConfigException for the first problem found */
    public Result load(Map<String, Object> tree) {
        reader.checkKeys(tree, List.of(), TOP_LEVEL_KEYS);
        List<String> warnings = new ArrayList<>();
        Map<ComponentKind, Map<ComponentId, ComponentConfig>> sections = new EnumMap<>(ComponentKind.class);
        for (ComponentKind kind : SECTIONS) {
            sections.put(kind, section(kind, tree.get(kind.section()), warnings));
        }
        CollectorConfig config = new CollectorConfig(sections.get(ComponentKind.RECEIVER),
                sections.get(ComponentKind.PROCESSOR), sections.get(ComponentKind.EXPORTER),
                sections.get(ComponentKind.CONNECTOR), sections.get(ComponentKind.EXTENSION), service(tree.get("service")));
        return new Result(config, List.copyOf(warnings));
    }

    private Map<ComponentId, ComponentConfig> section(ComponentKind kind, Object raw, List<String> warnings) {
        List<String> sectionPath = List.of(kind.section());
        Map<ComponentId, ComponentConfig> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : reader.map(raw, sectionPath).entrySet()) {
            List<String> path = ConfigPath.child(sectionPath, entry.getKey());
            ComponentId id = componentId(entry.getKey(), sectionPath, path);
            if (out.containsKey(id)) {
                throw ConfigErrors.at(sources, sectionPath, path, "duplicate id \"" + id + "\"");
            }
            if (allowMissingFactories && kind != ComponentKind.CONNECTOR
                    && factories.find(kind, id.type()).filter(f -> f.kind() == kind).isEmpty()) {
                out.put(id, new PendingConfig(kind, id.type()));
                continue;
            }
            Factory<?> factory = factories.find(kind, id.type()).filter(f -> f.kind() == kind).orElseThrow(() ->
                    ConfigErrors.at(sources, sectionPath, path, "unknown type \"" + id.type() + "\" for id \"" + id
                            + "\" (valid values: " + factories.types(kind) + "): the " + kind.singular()
                            + " \"" + id.type() + "\" is not part of this distribution"));
            if (!factory.type().equals(id.type())) {
                warnings.add(ConfigPath.render(path) + ": " + kind.singular() + " type \"" + id.type()
                        + "\" is a deprecated alias of \"" + factory.type() + "\"; use \"" + factory.type()
                        + "\" instead" + sources.locate(path));
            }
            out.put(id, binder.bind(path, factory, entry.getValue()));
        }
        return out;
    }

    private ComponentId componentId(String text, List<String> reportAt, List<String> locatedBy) {
        try {
            return ComponentId.parse(text);
        } catch (IllegalArgumentException e) {
            throw ConfigErrors.at(sources, reportAt, locatedBy, "invalid id \"" + text + "\": " + e.getMessage());
        }
    }

    private ServiceConfig service(Object raw) {
        List<String> path = List.of("service");
        Map<String, Object> service = reader.map(raw, path);
        reader.checkKeys(service, path, List.of("extensions", "pipelines", "telemetry"));
        List<ComponentId> extensions = ids(service.get("extensions"), ConfigPath.child(path, "extensions"));
        Map<PipelineId, PipelineConfig> pipelines = pipelines(service.get("pipelines"));
        TelemetryConfig telemetry = new TelemetryConfigReader(reader).read(service.get("telemetry"));
        return new ServiceConfig(extensions, pipelines, telemetry);
    }

    private Map<PipelineId, PipelineConfig> pipelines(Object raw) {
        List<String> path = List.of("service", "pipelines");
        Map<PipelineId, PipelineConfig> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : reader.map(raw, path).entrySet()) {
            List<String> pipelinePath = ConfigPath.child(path, entry.getKey());
            PipelineId id;
            try {
                id = PipelineId.parse(entry.getKey());
            } catch (IllegalArgumentException e) {
                throw ConfigErrors.at(sources, path, pipelinePath, e.getMessage());
            }
            if (out.containsKey(id)) {
                throw ConfigErrors.at(sources, path, pipelinePath, "duplicate pipeline \"" + id + "\"");
            }
            Map<String, Object> pipeline = reader.map(entry.getValue(), pipelinePath);
            reader.checkKeys(pipeline, pipelinePath, PIPELINE_KEYS);
            out.put(id, new PipelineConfig(ids(pipeline.get("receivers"), ConfigPath.child(pipelinePath, "receivers")),
                    ids(pipeline.get("processors"), ConfigPath.child(pipelinePath, "processors")),
                    ids(pipeline.get("exporters"), ConfigPath.child(pipelinePath, "exporters"))));
        }
        return out;
    }

    private List<ComponentId> ids(Object raw, List<String> path) {
        List<ComponentId> out = new ArrayList<>();
        List<?> list = reader.list(raw, path);
        for (int i = 0; i < list.size(); i++) {
            List<String> itemPath = ConfigPath.child(path, i);
            out.add(componentId(reader.string(list.get(i), itemPath), itemPath, itemPath));
        }
        return out;
    }
}
