package io.otelier.runtime.internal.graph;

import io.otelier.api.component.Component;
import io.otelier.api.component.ComponentId;
import io.otelier.api.component.ComponentKind;
import io.otelier.api.component.ComponentStatus;
import io.otelier.api.component.CreateSettings;
import io.otelier.api.component.Factory;
import io.otelier.api.component.Signal;
import io.otelier.api.component.StatusEvent;
import io.otelier.api.config.ComponentConfig;
import io.otelier.api.connector.ConnectorFactory;
import io.otelier.api.connector.SignalPair;
import io.otelier.api.consumer.Consumer;
import io.otelier.api.exporter.ExporterFactory;
import io.otelier.api.extension.Extension;
import io.otelier.api.extension.ExtensionFactory;
import io.otelier.api.processor.ProcessorFactory;
import io.otelier.api.receiver.ReceiverFactory;
import io.otelier.api.telemetry.Logger;
import io.otelier.api.telemetry.ObsReport;
import io.otelier.api.telemetry.TelemetrySettings;
import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Telemetry;
import io.otelier.pdata.Traces;
import io.otelier.runtime.internal.config.CollectorConfig;
import io.otelier.runtime.internal.config.PipelineConfig;
import io.otelier.runtime.internal.config.PipelineId;
import io.otelier.runtime.internal.telemetry.ObsMetrics;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The running pipelines of one config, modelled on upstream's service/internal/graph: one receiver per
 * (signal, id) shared by the pipelines listing it, one processor per pipeline, one exporter per
 * (signal, id), one connector per (id, input signal, output signal). Components start in reverse
 * topological order (exporters first, receivers last) after the extensions, and shut down in
 * topological order, so that each one drains into consumers that are still running.
 */
public final class Graph {

    private final GraphSettings settings;
    private final CollectorConfig config;
    private final Logger log;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final List<Node> topological = new ArrayList<>();
    private final Map<ComponentId, Extension> extensions = new LinkedHashMap<>();
    private final Map<ComponentId, InstanceStatus> extensionStatus = new LinkedHashMap<>();
    private final GraphHost host = new GraphHost();
    private final List<Runnable> stopActions = new ArrayList<>();

    private Graph(GraphSettings settings, CollectorConfig config) {
        this.settings = settings;
        this.config = config;
        this.log = settings.logger();
    }

    /** Creates every component of {@code config}; nothing is started yet. */
    public static Graph build(GraphSettings settings, CollectorConfig config) throws GraphException {
        Graph graph = new Graph(settings, config);
        graph.createNodes();
        graph.sortTopologically();
        graph.createExtensions();
        graph.instantiate();
        return graph;
    }

    // ---- structure ----

    private Node node(Node candidate) {
        return nodes.computeIfAbsent(candidate.key(), k -> candidate);
    }

    private void createNodes() {
        Map<PipelineId, PipelineConfig> pipelines = config.service().pipelines();
        for (Map.Entry<PipelineId, PipelineConfig> e : pipelines.entrySet()) {
            PipelineId pipeline = e.getKey();
            PipelineConfig pc = e.getValue();
            Node entry = node(Node.entry(pipeline));
            Node fanout = node(Node.fanout(pipeline));
            for (ComponentId rid : pc.receivers()) {
                if (config.connectors().containsKey(rid)) {
                    for (Signal from : signalsExportingTo(rid)) {
                        node(Node.connector(rid, from, pipeline.signal())).addSuccessor(entry);
                    }
                } else {
                    node(Node.receiver(pipeline.signal(), rid)).addSuccessor(entry);
                }
            }
            Node previous = entry;
            for (int i = 0; i < pc.processors().size(); i++) {
                Node processor = node(Node.processor(pipeline, i, pc.processors().get(i)));
                previous.addSuccessor(processor);
                previous = processor;
            }
            previous.addSuccessor(fanout);
            for (ComponentId eid : pc.exporters()) {
                if (config.connectors().containsKey(eid)) {
                    for (Signal to : signalsReceivingFrom(eid)) {
                        fanout.addSuccessor(node(Node.connector(eid, pipeline.signal(), to)));
                    }
                } else {
                    fanout.addSuccessor(node(Node.exporter(pipeline.signal(), eid)));
                }
            }
        }
    }

    private List<Signal> signalsExportingTo(ComponentId connector) {
        List<Signal> out = new ArrayList<>();
        config.service().pipelines().forEach((id, pc) -> {
            if (pc.exporters().contains(connector) && !out.contains(id.signal())) {
                out.add(id.signal());
            }
        });
        return out;
    }

    private List<Signal> signalsReceivingFrom(ComponentId connector) {
        List<Signal> out = new ArrayList<>();
        config.service().pipelines().forEach((id, pc) -> {
            if (pc.receivers().contains(connector) && !out.contains(id.signal())) {
                out.add(id.signal());
            }
        });
        return out;
    }

    /** Kahn's algorithm; the validator rejects cycles first, this guards the invariant. */
    private void sortTopologically() throws GraphException {
        Map<Node, Integer> incoming = new HashMap<>();
        nodes.values().forEach(n -> incoming.putIfAbsent(n, 0));
        nodes.values().forEach(n -> n.successors.forEach(s -> incoming.merge(s, 1, Integer::sum)));
        Deque<Node> ready = new ArrayDeque<>();
        nodes.values().forEach(n -> {
            if (incoming.get(n) == 0) {
                ready.add(n);
            }
        });
        while (!ready.isEmpty()) {
            Node n = ready.poll();
            topological.add(n);
            for (Node s : n.successors) {
                if (incoming.merge(s, -1, Integer::sum) == 0) {
                    ready.add(s);
                }
            }
        }
        if (topological.size() != nodes.size()) {
            throw new GraphException("cycle detected in the pipeline graph (through connectors)", null);
        }
    }

    // ---- instances ----

    private void createExtensions() throws GraphException {
        for (ComponentId id : config.service().extensions()) {
            ExtensionFactory<ComponentConfig> factory = factory(ComponentKind.EXTENSION, id);
            InstanceStatus status = new InstanceStatus(componentLogger(ComponentKind.EXTENSION, id, null));
            CreateSettings cs = createSettings(ComponentKind.EXTENSION, id, null, status);
            try {
                extensions.put(id, factory.create(cs, config.extensions().get(id)));
                extensionStatus.put(id, status);
            } catch (Exception e) {
                throw new GraphException("failed to create extension \"" + id + "\": " + message(e), e);
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void instantiate() throws GraphException {
        for (int i = topological.size() - 1; i >= 0; i--) {
            Node n = topological.get(i);
            try {
                switch (n.type) {
                    case EXPORTER -> createExporter(n);
                    case PIPELINE_FANOUT -> n.consumer = FanoutConsumer.of(successorConsumers(n));
                    case PROCESSOR -> createProcessor(n);
                    case PIPELINE_ENTRY -> {
                        Consumer<Telemetry> first = n.successors.get(0).consumer;
                        n.consumer = ObservedConsumers.pipelineEntry(first, pipelineMutates(n.pipeline));
                    }
                    case CONNECTOR -> createConnector(n);
                    case RECEIVER -> createReceiver(n);
                    default -> throw new IllegalStateException(n.type.name());
                }
            } catch (GraphException e) {
                throw e;
            } catch (Exception e) {
                throw new GraphException("failed to create " + n.describe() + ": " + message(e), e);
            }
        }
    }

    private boolean pipelineMutates(PipelineId pipeline) {
        for (Node n : nodes.values()) {
            if (n.type == Node.Type.PROCESSOR && n.pipeline.equals(pipeline) && n.consumer.mutatesData()) {
                return true;
            }
        }
        return false;
    }

    private List<Consumer<Telemetry>> successorConsumers(Node n) {
        List<Consumer<Telemetry>> out = new ArrayList<>(n.successors.size());
        for (Node s : n.successors) {
            out.add(s.consumer);
        }
        return out;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void createExporter(Node n) throws Exception {
        ExporterFactory<ComponentConfig> factory = factory(ComponentKind.EXPORTER, n.id);
        ComponentConfig cfg = config.exporters().get(n.id);
        CreateSettings cs = settingsFor(n, ComponentKind.EXPORTER);
        Consumer exporter = switch (n.signal) {
            case TRACES -> factory.createTraces(cs, cfg);
            case METRICS -> factory.createMetrics(cs, cfg);
            case LOGS -> factory.createLogs(cs, cfg);
        };
        n.component = (Component) exporter;
        // an exporter with a sending queue counts its sends after the queue; counting here would count twice
        n.consumer = ((io.otelier.api.exporter.Exporter<?>) exporter).reportsSends() ? exporter
                : ObservedConsumers.exporterInput(exporter, settings.obs().exporter(n.signal.id(), n.id.toString()));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void createProcessor(Node n) throws Exception {
        ProcessorFactory<ComponentConfig> factory = factory(ComponentKind.PROCESSOR, n.id);
        ComponentConfig cfg = config.processors().get(n.id);
        CreateSettings cs = settingsFor(n, ComponentKind.PROCESSOR);
        ObsMetrics.ProcessorCounters counters = settings.obs().processor(n.signal.id(), n.id.toString());
        Consumer next = ObservedConsumers.processorOutput(n.successors.get(0).consumer, counters);
        Consumer processor = switch (n.signal) {
            case TRACES -> factory.createTraces(cs, cfg, next);
            case METRICS -> factory.createMetrics(cs, cfg, next);
            case LOGS -> factory.createLogs(cs, cfg, next);
        };
        n.component = (Component) processor;
        n.consumer = ObservedConsumers.processorInput(processor, counters);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void createConnector(Node n) throws Exception {
        ConnectorFactory<ComponentConfig> factory = factory(ComponentKind.CONNECTOR, n.id);
        ComponentConfig cfg = config.connectors().get(n.id);
        CreateSettings cs = settingsFor(n, ComponentKind.CONNECTOR);
        Consumer next = FanoutConsumer.of(successorConsumers(n));
        Consumer connector = factory.create(SignalPair.of(n.signal, n.toSignal), cs, cfg, next);
        n.component = (Component) connector;
        n.consumer = connector;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void createReceiver(Node n) throws Exception {
        ReceiverFactory<ComponentConfig> factory = factory(ComponentKind.RECEIVER, n.id);
        ComponentConfig cfg = config.receivers().get(n.id);
        CreateSettings cs = settingsFor(n, ComponentKind.RECEIVER);
        Consumer next = ObservedConsumers.receiverOutput(FanoutConsumer.of(successorConsumers(n)), settings.obs(),
                n.signal, n.id.toString());
        n.component = switch (n.signal) {
            case TRACES -> factory.createTraces(cs, cfg, (Consumer<Traces>) next);
            case METRICS -> factory.createMetrics(cs, cfg, (Consumer<Metrics>) next);
            case LOGS -> factory.createLogs(cs, cfg, (Consumer<Logs>) next);
        };
    }

    @SuppressWarnings("unchecked")
    private <F extends Factory<ComponentConfig>> F factory(ComponentKind kind, ComponentId id) throws GraphException {
        return (F) settings.factories().find(kind, id.type()).orElseThrow(() -> new GraphException(
                kind.singular() + " factory \"" + id.type() + "\" is not available", null));
    }

    private CreateSettings settingsFor(Node n, ComponentKind kind) {
        n.status = new InstanceStatus(componentLogger(kind, n.id, n.signal));
        return createSettings(kind, n.id, n.signal, n.status);
    }

    private Logger componentLogger(ComponentKind kind, ComponentId id, Signal signal) {
        return signal == null
                ? log.with("otelcol.component.id", id.toString(), "otelcol.component.kind", kind.singular())
                : log.with("otelcol.component.id", id.toString(), "otelcol.component.kind", kind.singular(),
                        "otelcol.signal", signal.id());
    }

    private CreateSettings createSettings(ComponentKind kind, ComponentId id, Signal signal, InstanceStatus status) {
        ObsReport obsReport = kind == ComponentKind.EXPORTER && signal != null
                ? new InstanceObsReport(settings.obs(), signal.id(), id.toString())
                : ObsReport.NOOP;
        TelemetrySettings telemetry = new TelemetrySettings(componentLogger(kind, id, signal), settings.meter(),
                settings.metricsLevel(), obsReport);
        return new CreateSettings(id, kind, telemetry, settings.buildInfo(), status);
    }

    // ---- lifecycle ----

    /**
     * Starts extensions, then the pipeline components from the exporters back to the receivers. On a
     * failure, stops what was started and throws an error naming the component.
     */
    public void start() throws GraphException {
        log.info("Starting extensions...");
        for (Map.Entry<ComponentId, Extension> e : extensions.entrySet()) {
            ComponentId id = e.getKey();
            InstanceStatus status = extensionStatus.get(id);
            startOne("extension \"" + id + "\"", e.getValue(), status);
            host.add(id, e.getValue());
            stopActions.add(() -> stopOne("extension \"" + id + "\"", e.getValue(), status));
        }
        log.info("Starting pipelines...");
        for (int i = topological.size() - 1; i >= 0; i--) {
            Node n = topological.get(i);
            if (n.isComponent()) {
                startOne(n.describe(), n.component, n.status);
                stopActions.add(() -> stopOne(n.describe(), n.component, n.status));
            }
        }
    }

    private void startOne(String description, Component component, InstanceStatus status) throws GraphException {
        status.report(StatusEvent.of(ComponentStatus.STARTING));
        try {
            component.start(host);
        } catch (Exception | LinkageError e) {
            status.report(StatusEvent.error(ComponentStatus.PERMANENT_ERROR, e));
            shutdown();
            throw new GraphException("failed to start " + description + ": " + message(e), e);
        }
        if (status.current().status() == ComponentStatus.STARTING) {
            status.report(StatusEvent.of(ComponentStatus.OK));
        }
    }

    /**
     * Stops everything that was started, receivers first and extensions last, each after the components
     * feeding it have drained into it. Errors are logged; every component gets its shutdown call.
     */
    public void shutdown() {
        for (int i = stopActions.size() - 1; i >= 0; i--) {
            stopActions.get(i).run();
        }
        stopActions.clear();
    }

    private void stopOne(String description, Component component, InstanceStatus status) {
        status.report(StatusEvent.of(ComponentStatus.STOPPING));
        try {
            component.shutdown();
            status.report(StatusEvent.of(ComponentStatus.STOPPED));
        } catch (Exception | LinkageError e) {
            status.report(StatusEvent.error(ComponentStatus.PERMANENT_ERROR, e));
            log.error("Failed to shut down " + description, e);
        }
    }

    // ---- introspection ----

    public GraphSettings settings() {
        return settings;
    }

    public CollectorConfig config() {
        return config;
    }

    /** Component instances in shutdown order, described as in messages. */
    public List<String> shutdownOrder() {
        List<String> out = new ArrayList<>();
        for (Node n : topological) {
            if (n.isComponent()) {
                out.add(n.describe());
            }
        }
        extensions.keySet().forEach(id -> out.add("extension \"" + id + "\""));
        return out;
    }

    /**
     * The status of each pipeline: the worst status of its components (permanent error over recoverable
     * error over starting/stopping over ok), for health checks and readiness probes.
     */
    public Map<PipelineId, ComponentStatus> pipelineStatus() {
        Map<PipelineId, ComponentStatus> out = new LinkedHashMap<>();
        for (PipelineId pipeline : config.service().pipelines().keySet()) {
            ComponentStatus worst = ComponentStatus.OK;
            for (Node n : nodesOf(pipeline)) {
                worst = worse(worst, n.status.current().status());
            }
            out.put(pipeline, worst);
        }
        return out;
    }

    private List<Node> nodesOf(PipelineId pipeline) {
        PipelineConfig pc = config.service().pipelines().get(pipeline);
        List<Node> out = new ArrayList<>();
        for (Node n : nodes.values()) {
            if (!n.isComponent()) {
                continue;
            }
            boolean member = switch (n.type) {
                case PROCESSOR -> n.pipeline.equals(pipeline);
                case RECEIVER -> n.signal == pipeline.signal() && pc.receivers().contains(n.id);
                case EXPORTER -> n.signal == pipeline.signal() && pc.exporters().contains(n.id);
                case CONNECTOR -> (n.signal == pipeline.signal() && pc.exporters().contains(n.id))
                        || (n.toSignal == pipeline.signal() && pc.receivers().contains(n.id));
                default -> false;
            };
            if (member) {
                out.add(n);
            }
        }
        return out;
    }

    private static ComponentStatus worse(ComponentStatus a, ComponentStatus b) {
        return rank(b) > rank(a) ? b : a;
    }

    private static int rank(ComponentStatus s) {
        return switch (s) {
            case OK, NONE -> 0;
            case STOPPED -> 1;
            case STARTING, STOPPING -> 2;
            case RECOVERABLE_ERROR -> 3;
            case PERMANENT_ERROR -> 4;
            case FATAL_ERROR -> 5;
        };
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
