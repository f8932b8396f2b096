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
import java.util.Objects;
import java.util.Set;
import java.util.LinkedHashSet;
import io.otelier.runtime.internal.config.PendingConfig;

/**
 * The running pipelines of one config, modelled on upstream's service/internal/graph: one receiver per
 * (signal, id) shared by the pipelines listing it, one processor per pipeline, one exporter per
 * (signal, id), one connector per (id, input signal, output signal). Components start in reverse
 * topological order (exporters first, receivers last) after the extensions, and shut down in
 * topological order, so that each one drains into consumers that are still running.
 *
 * <p>Hot swap: every pipeline starts with a {@link PipelineGate}, and receivers and connectors push into a
 * {@link SwitchableConsumer}. A graph built from a previous one ({@link #build(GraphSettings, CollectorConfig,
 * Graph)}) takes over every instance whose factory and config are unchanged, and every pipeline whose
 * composition, processors and exporters are unchanged; {@link #takeOver(Graph)} then stops only what was
 * replaced (its pipelines held at their gates), starts the new instances and opens the gates again. A
 * pipeline naming a component whose factory is not registered waits, closed, at its gate.
 */
public final class Graph {

    /** How long a closed gate holds a caller before refusing with a retryable error. */
    static final long GATE_HOLD_MILLIS = 5_000;
    /** Bound on waiting for the calls inside a pipeline to return before it is stopped. */
    static final long GATE_DRAIN_MILLIS = 30_000;

    private final GraphSettings settings;
    private final CollectorConfig config;
    private final Logger log;
    /** The graph this one is built from, until it has taken over (then dropped: no chain of old graphs). */
    private Graph previous;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final List<Node> topological = new ArrayList<>();
    private final Map<PipelineId, PipelineGate<Telemetry>> gates = new LinkedHashMap<>();
    /** Pipelines waiting for a factory, with the components they wait for ("exporter \"x\""). */
    private final Map<PipelineId, List<String>> waiting = new LinkedHashMap<>();
    /** Pipelines taken over whole from the previous graph. */
    private final Set<PipelineId> unchanged = new LinkedHashSet<>();
    private final Map<ComponentId, Extension> extensions = new LinkedHashMap<>();
    private final Map<ComponentId, InstanceStatus> extensionStatus = new LinkedHashMap<>();
    private final Map<ComponentId, Factory<?>> extensionFactories = new LinkedHashMap<>();
    private GraphHost host = new GraphHost();
    private boolean extensionsTakenOver;
    private boolean extensionsStarted;

    private Graph(GraphSettings settings, CollectorConfig config, Graph previous) {
        this.settings = settings;
        this.config = config;
        this.log = settings.logger();
        this.previous = previous;
    }

    /** Creates every component of {@code config}; nothing is started yet. */
    public static Graph build(GraphSettings settings, CollectorConfig config) throws GraphException {
        return build(settings, config, null);
    }

    /**
     * Creates the components of {@code config}, taking over from the running {@code previous} graph (may be
     * null) every instance that stays as it is; start the result with {@link #takeOver(Graph)}.
     */
    public static Graph build(GraphSettings settings, CollectorConfig config, Graph previous) throws GraphException {
        Graph graph = new Graph(settings, config, previous);
        graph.findWaitingPipelines();
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

    /** A pipeline waits when a component it names has no factory now (or only a pending config). */
    private void findWaitingPipelines() {
        config.service().pipelines().forEach((pipeline, pc) -> {
            List<String> missing = new ArrayList<>();
            for (ComponentId id : pc.receivers()) {
                missingFactory(config.connectors().containsKey(id) ? ComponentKind.CONNECTOR : ComponentKind.RECEIVER,
                        id, missing);
            }
            pc.processors().forEach(id -> missingFactory(ComponentKind.PROCESSOR, id, missing));
            for (ComponentId id : pc.exporters()) {
                missingFactory(config.connectors().containsKey(id) ? ComponentKind.CONNECTOR : ComponentKind.EXPORTER,
                        id, missing);
            }
            if (!missing.isEmpty()) {
                waiting.put(pipeline, missing);
            }
        });
    }

    private void missingFactory(ComponentKind kind, ComponentId id, List<String> missing) {
        if (currentFactory(kind, id) == null) {
            String what = kind.singular() + " \"" + id.type() + "\"";
            if (!missing.contains(what)) {
                missing.add(what);
            }
        }
    }

    /** The factory that would create {@code id} now, or null when there is none or its config is pending. */
    private Factory<?> currentFactory(ComponentKind kind, ComponentId id) {
        if (section(config, kind).get(id) instanceof PendingConfig) {
            return null;
        }
        return settings.factories().find(kind, id.type()).orElse(null);
    }

    private static Map<ComponentId, ComponentConfig> section(CollectorConfig c, ComponentKind kind) {
        return switch (kind) {
            case RECEIVER -> c.receivers();
            case PROCESSOR -> c.processors();
            case EXPORTER -> c.exporters();
            case CONNECTOR -> c.connectors();
            case EXTENSION -> c.extensions();
        };
    }

    private void createNodes() {
        Map<PipelineId, PipelineConfig> pipelines = config.service().pipelines();
        for (Map.Entry<PipelineId, PipelineConfig> e : pipelines.entrySet()) {
            PipelineId pipeline = e.getKey();
            PipelineConfig pc = e.getValue();
            Node entry = node(Node.entry(pipeline));
            for (ComponentId rid : pc.receivers()) {
                if (config.connectors().containsKey(rid)) {
                    if (currentFactory(ComponentKind.CONNECTOR, rid) == null) {
                        continue;
                    }
                    for (Signal from : signalsExportingTo(rid)) {
                        node(Node.connector(rid, from, pipeline.signal())).addSuccessor(entry);
                    }
                } else if (currentFactory(ComponentKind.RECEIVER, rid) != null) {
                    node(Node.receiver(pipeline.signal(), rid)).addSuccessor(entry);
                }
            }
            if (waiting.containsKey(pipeline)) {
                // only the gate and the receivers in front of it: they answer "retry later" for this pipeline
                continue;
            }
            Node fanout = node(Node.fanout(pipeline));
            Node previousNode = entry;
            for (int i = 0; i < pc.processors().size(); i++) {
                Node processor = node(Node.processor(pipeline, i, pc.processors().get(i)));
                previousNode.addSuccessor(processor);
                previousNode = processor;
            }
            previousNode.addSuccessor(fanout);
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

    /**
     * The extensions are taken over as a whole when the same ids have the same factories and configs;
     * otherwise every instance is new and {@link #takeOver(Graph)} restarts the whole graph (components
     * found their extensions through the host at start).
     */
    private void createExtensions() throws GraphException {
        if (previous != null && sameExtensions(previous)) {
            extensions.putAll(previous.extensions);
            extensionStatus.putAll(previous.extensionStatus);
            extensionFactories.putAll(previous.extensionFactories);
            host = previous.host;
            extensionsTakenOver = true;
            extensionsStarted = true;
            return;
        }
        for (ComponentId id : config.service().extensions()) {
            Factory<?> found = currentFactory(ComponentKind.EXTENSION, id);
            if (found == null) {
                log.warn("Extension waits for its factory", "extension", id.toString(), "type", id.type());
                continue;
            }
            @SuppressWarnings("unchecked")
            ExtensionFactory<ComponentConfig> factory = (ExtensionFactory<ComponentConfig>) found;
            InstanceStatus status = new InstanceStatus(componentLogger(ComponentKind.EXTENSION, id, null));
            CreateSettings cs = createSettings(ComponentKind.EXTENSION, id, null, status);
            try {
                extensions.put(id, factory.create(cs, config.extensions().get(id)));
                extensionStatus.put(id, status);
                extensionFactories.put(id, factory);
            } catch (Exception e) {
                throw new GraphException("failed to create extension \"" + id + "\": " + message(e), e);
            }
        }
    }

    private boolean sameExtensions(Graph old) {
        if (!old.extensionsStarted || !old.config.service().extensions().equals(config.service().extensions())) {
            return false;
        }
        for (ComponentId id : config.service().extensions()) {
            Factory<?> factory = currentFactory(ComponentKind.EXTENSION, id);
            if (factory == null || factory != old.extensionFactories.get(id)
                    || !Objects.equals(old.config.extensions().get(id), config.extensions().get(id))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the instance of {@code n} in the previous graph can serve unchanged in this one. */
    private Node reusable(Node n, ComponentKind kind) {
        if (previous == null || !extensionsTakenOver) {
            return null;
        }
        Node old = previous.nodes.get(n.key());
        if (old == null || old.component == null || !old.started) {
            return null;
        }
        Factory<?> factory = currentFactory(kind, n.id);
        if (factory == null || factory != old.factory) {
            return null;
        }
        return Objects.equals(section(previous.config, kind).get(n.id), section(config, kind).get(n.id)) ? old : null;
    }

    /**
     * A pipeline is taken over whole when it existed and ran before with the same composition, and its
     * processors, exporters and outgoing connectors are all unchanged instances.
     */
    private boolean pipelineUnchanged(PipelineId pipeline) {
        if (previous == null || !extensionsTakenOver || waiting.containsKey(pipeline)
                || previous.waiting.containsKey(pipeline) || !previous.unchangedOrBuilt(pipeline)) {
            return false;
        }
        PipelineConfig now = config.service().pipelines().get(pipeline);
        if (!now.equals(previous.config.service().pipelines().get(pipeline))) {
            return false;
        }
        Node fanout = nodes.get(Node.fanout(pipeline).key());
        Node oldFanout = previous.nodes.get(fanout.key());
        if (oldFanout == null || !keys(fanout.successors).equals(keys(oldFanout.successors))) {
            return false;
        }
        for (Node s : fanout.successors) {
            ComponentKind kind = s.type == Node.Type.CONNECTOR ? ComponentKind.CONNECTOR : ComponentKind.EXPORTER;
            if (reusable(s, kind) == null) {
                return false;
            }
        }
        for (int i = 0; i < now.processors().size(); i++) {
            if (reusable(nodes.get(Node.processor(pipeline, i, now.processors().get(i)).key()),
                    ComponentKind.PROCESSOR) == null) {
                return false;
            }
        }
        return true;
    }

    /** Whether the pipeline's processors and exporters were running (not waiting, not failed). */
    private boolean unchangedOrBuilt(PipelineId pipeline) {
        PipelineGate<Telemetry> gate = gates.get(pipeline);
        return gate != null && gate.isOpen();
    }

    private static List<String> keys(List<Node> list) {
        return list.stream().map(Node::key).sorted().toList();
    }

    private void instantiate() throws GraphException {
        for (PipelineId pipeline : config.service().pipelines().keySet()) {
            if (pipelineUnchanged(pipeline)) {
                unchanged.add(pipeline);
            }
        }
        for (int i = topological.size() - 1; i >= 0; i--) {
            Node n = topological.get(i);
            try {
                switch (n.type) {
                    case EXPORTER -> createExporter(n);
                    case PIPELINE_FANOUT -> createFanout(n);
                    case PROCESSOR -> createProcessor(n);
                    case PIPELINE_ENTRY -> createEntry(n);
                    case CONNECTOR -> createConnector(n);
                    case RECEIVER -> createReceiver(n);
                    default -> throw new IllegalStateException(n.type.name());
                }
            } catch (GraphException e) {
                throw e;
            } catch (Exception | LinkageError e) {
                throw new GraphException("failed to create " + n.describe() + ": " + message(e), e);
            }
        }
    }

    /** Takes over the previous graph's instance of {@code n}; true when there was one to take. */
    private boolean takeOverNode(Node n, Node old) {
        if (old == null) {
            return false;
        }
        n.component = old.component;
        n.consumer = old.consumer;
        n.status = old.status;
        n.factory = old.factory;
        n.output = old.output;
        n.reused = true;
        n.started = true;
        return true;
    }

    private Node previousNode(Node n) {
        return previous == null ? null : previous.nodes.get(n.key());
    }

    private void createFanout(Node n) {
        if (unchanged.contains(n.pipeline) && takeOverNode(n, previousNode(n))) {
            return;
        }
        n.consumer = FanoutConsumer.of(successorConsumers(n));
    }

    private void createEntry(Node n) {
        PipelineGate<Telemetry> gate = previous == null ? null : previous.gates.get(n.pipeline);
        if (gate == null || !extensionsTakenOver) {
            gate = new PipelineGate<>(n.pipeline.toString(), GATE_HOLD_MILLIS);
        }
        n.gate = gate;
        n.consumer = gate;
        gates.put(n.pipeline, gate);
        if (waiting.containsKey(n.pipeline)) {
            gate.refuseBecause("waits for " + String.join(", ", waiting.get(n.pipeline)));
            return;
        }
        if (!unchanged.contains(n.pipeline)) {
            Consumer<Telemetry> first = n.successors.get(0).consumer;
            n.pendingHead = ObservedConsumers.pipelineEntry(first, pipelineMutates(n.pipeline));
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
        if (takeOverNode(n, reusable(n, ComponentKind.EXPORTER))) {
            return;
        }
        ExporterFactory<ComponentConfig> factory = factory(ComponentKind.EXPORTER, n.id);
        n.factory = factory;
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
        if (unchanged.contains(n.pipeline) && takeOverNode(n, previousNode(n))) {
            return;
        }
        ProcessorFactory<ComponentConfig> factory = factory(ComponentKind.PROCESSOR, n.id);
        n.factory = factory;
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
        Consumer<Telemetry> out = outputFanout(n);
        if (takeOverNode(n, reusable(n, ComponentKind.CONNECTOR))) {
            n.pendingOutput = out;
            return;
        }
        ConnectorFactory<ComponentConfig> factory = factory(ComponentKind.CONNECTOR, n.id);
        n.factory = factory;
        ComponentConfig cfg = config.connectors().get(n.id);
        CreateSettings cs = settingsFor(n, ComponentKind.CONNECTOR);
        n.output = new SwitchableConsumer<>(out);
        Consumer connector = factory.create(SignalPair.of(n.signal, n.toSignal), cs, cfg, (Consumer) n.output);
        n.component = (Component) connector;
        n.consumer = connector;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void createReceiver(Node n) throws Exception {
        Consumer<Telemetry> out = outputFanout(n);
        if (takeOverNode(n, reusable(n, ComponentKind.RECEIVER))) {
            n.pendingOutput = out;
            return;
        }
        ReceiverFactory<ComponentConfig> factory = factory(ComponentKind.RECEIVER, n.id);
        n.factory = factory;
        ComponentConfig cfg = config.receivers().get(n.id);
        CreateSettings cs = settingsFor(n, ComponentKind.RECEIVER);
        n.output = new SwitchableConsumer<>(out);
        Consumer next = ObservedConsumers.receiverOutput(n.output, settings.obs(), n.signal, n.id.toString());
        n.component = switch (n.signal) {
            case TRACES -> factory.createTraces(cs, cfg, (Consumer<Traces>) next);
            case METRICS -> factory.createMetrics(cs, cfg, (Consumer<Metrics>) next);
            case LOGS -> factory.createLogs(cs, cfg, (Consumer<Logs>) next);
        };
    }

    /** The fan-out to the gates of the pipelines a receiver or connector feeds (gates know their mutation). */
    private Consumer<Telemetry> outputFanout(Node n) {
        for (Node s : n.successors) {
            if (s.pendingHead != null) {
                s.gate.prepareMutates(s.pendingHead.mutatesData());
            }
        }
        return FanoutConsumer.of(successorConsumers(n));
    }

    @SuppressWarnings("unchecked")
    private <F extends Factory<ComponentConfig>> F factory(ComponentKind kind, ComponentId id) throws GraphException {
        Factory<?> f = currentFactory(kind, id);
        if (f == null) {
            throw new GraphException(kind.singular() + " factory \"" + id.type() + "\" is not available", null);
        }
        return (F) f;
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
     * Starts extensions, then the pipeline components from the exporters back to the receivers, opening each
     * pipeline's gate once everything behind it runs. On a failure, stops what was started and throws an
     * error naming the component.
     */
    public void start() throws GraphException {
        previous = null;
        startExtensions();
        log.info("Starting pipelines...");
        for (int i = topological.size() - 1; i >= 0; i--) {
            Node n = topological.get(i);
            try {
                startNode(n);
            } catch (GraphException e) {
                shutdown();
                throw e;
            }
        }
        logWaiting();
    }

    private void startExtensions() throws GraphException {
        log.info("Starting extensions...");
        for (Map.Entry<ComponentId, Extension> e : extensions.entrySet()) {
            ComponentId id = e.getKey();
            try {
                startOne("extension \"" + id + "\"", e.getValue(), extensionStatus.get(id));
            } catch (GraphException ex) {
                stopExtensions();
                throw ex;
            }
            host.add(id, e.getValue());
        }
        extensionsStarted = true;
    }

    private void startNode(Node n) throws GraphException {
        if (n.type == Node.Type.PIPELINE_ENTRY) {
            if (n.pendingHead != null) {
                n.gate.prepare(n.pendingHead, n.pendingHead.mutatesData());
                n.gate.open();
            }
            return;
        }
        if (!n.isComponent()) {
            return;
        }
        if (n.pendingOutput != null) {
            n.output.switchTo(n.pendingOutput);
        }
        if (!n.started) {
            startOne(n.describe(), n.component, n.status);
            n.started = true;
        }
    }

    private void logWaiting() {
        if (!waiting.isEmpty()) {
            waiting.forEach((pipeline, missing) -> log.warn("Pipeline waits for a component factory; it starts "
                    + "when the bundle providing it is installed", "pipeline", pipeline.toString(), "waiting_for",
                    String.join(", ", missing)));
        }
    }

    /**
     * Replaces the running {@code old} graph by this one (built from it), pausing only the pipelines that
     * change: receivers that go away stop first (draining through the still open gates), then the gates of
     * changed pipelines close and hold their callers, the instances that go away stop in topological order
     * (processors flush, exporters drain), the new instances start from the exporters back, and the gates open
     * onto the new pipelines. A new instance that fails to start leaves its pipelines closed (refusing with a
     * retryable error) and is logged; everything else goes on.
     *
     * <p>When the extensions changed, the old graph is stopped as a whole and this one started.
     */
    public void takeOver(Graph old) throws GraphException {
        previous = null;
        if (!extensionsTakenOver) {
            log.info("Extensions changed: restarting every pipeline");
            old.shutdown();
            start();
            return;
        }
        Set<Component> kept = new java.util.HashSet<>();
        nodes.values().forEach(n -> {
            if (n.reused) {
                kept.add(n.component);
            }
        });
        List<Node> retired = new ArrayList<>();
        for (Node n : old.topological) {
            if (n.isComponent() && n.started && !kept.contains(n.component)) {
                retired.add(n);
            }
        }
        // receivers that stay push into the new fan-out from now on: changed pipelines' gates hold them below
        for (Node n : nodes.values()) {
            if (n.reused && n.pendingOutput != null) {
                n.output.switchTo(n.pendingOutput);
                n.pendingOutput = null;
            }
        }
        List<PipelineGate<Telemetry>> closing = new ArrayList<>();
        old.gates.forEach((pipeline, gate) -> {
            if (!unchanged.contains(pipeline) && gate.isOpen()) {
                closing.add(gate);
            }
        });
        for (Node n : retired) {
            if (n.type == Node.Type.RECEIVER) {
                stopNode(n);
            }
        }
        for (PipelineGate<Telemetry> gate : closing) {
            if (!gate.close("is being rebuilt", GATE_DRAIN_MILLIS)) {
                log.warn("Calls into a pipeline being rebuilt did not return in time; stopping it anyway");
            }
        }
        for (Node n : retired) {
            if (n.type != Node.Type.RECEIVER) {
                stopNode(n);
            }
        }
        Set<PipelineId> failed = new LinkedHashSet<>();
        for (int i = topological.size() - 1; i >= 0; i--) {
            Node n = topological.get(i);
            if (n.type == Node.Type.PIPELINE_ENTRY && failed.contains(n.pipeline)) {
                n.gate.refuseBecause("failed to start");
                continue;
            }
            try {
                startNode(n);
            } catch (GraphException e) {
                log.error("Component failed to start; its pipelines stay down until the next reload", e, "error",
                        e.getMessage());
                failed.addAll(pipelinesOf(n));
            }
        }
        gates.forEach((pipeline, gate) -> {
            if (waiting.containsKey(pipeline)) {
                gate.close("waits for " + String.join(", ", waiting.get(pipeline)), 0);
            }
        });
        logWaiting();
    }

    private void startOne(String description, Component component, InstanceStatus status) throws GraphException {
        status.report(StatusEvent.of(ComponentStatus.STARTING));
        try {
            component.start(host);
        } catch (Exception | LinkageError e) {
            status.report(StatusEvent.error(ComponentStatus.PERMANENT_ERROR, e));
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
        for (Node n : topological) {
            if (n.type == Node.Type.PIPELINE_ENTRY) {
                continue;
            }
            stopNode(n);
        }
        stopExtensions();
    }

    private void stopExtensions() {
        if (!extensionsStarted && extensions.isEmpty()) {
            return;
        }
        List<ComponentId> ids = new ArrayList<>(extensions.keySet());
        for (int i = ids.size() - 1; i >= 0; i--) {
            ComponentId id = ids.get(i);
            InstanceStatus status = extensionStatus.get(id);
            if (status.current().status() != ComponentStatus.NONE && status.current().status() != ComponentStatus.STOPPED) {
                stopOne("extension \"" + id + "\"", extensions.get(id), status);
            }
        }
        extensionsStarted = false;
    }

    private void stopNode(Node n) {
        if (n.isComponent() && n.started) {
            n.started = false;
            stopOne(n.describe(), n.component, n.status);
        }
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

    /** Pipelines waiting for a factory, with what they wait for. */
    public Map<PipelineId, List<String>> waitingPipelines() {
        return Map.copyOf(waiting);
    }

    /** Whether a running instance of this graph was made by {@code factory}. */
    public boolean uses(Factory<?> factory) {
        for (Node n : nodes.values()) {
            if (n.factory == factory && n.component != null) {
                return true;
            }
        }
        return extensionFactories.containsValue(factory);
    }

    /** The pipelines a running instance made by {@code factory} belongs to (all of them for an extension). */
    public List<PipelineId> pipelinesUsing(Factory<?> factory) {
        if (extensionFactories.containsValue(factory)) {
            return List.copyOf(config.service().pipelines().keySet());
        }
        Set<PipelineId> out = new LinkedHashSet<>();
        for (Node n : nodes.values()) {
            if (n.factory == factory && n.component != null) {
                out.addAll(pipelinesOf(n));
            }
        }
        return List.copyOf(out);
    }

    private List<PipelineId> pipelinesOf(Node node) {
        List<PipelineId> out = new ArrayList<>();
        for (PipelineId pipeline : config.service().pipelines().keySet()) {
            if (nodesOf(pipeline).contains(node)) {
                out.add(pipeline);
            }
        }
        return out;
    }

    /** Pipelines whose instances were taken over from the previous graph without a pause. */
    public Set<PipelineId> unchangedPipelines() {
        return Set.copyOf(unchanged);
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
     * error over starting/stopping over ok), for health checks and readiness probes. A pipeline waiting
     * for a factory is STARTING.
     */
    public Map<PipelineId, ComponentStatus> pipelineStatus() {
        Map<PipelineId, ComponentStatus> out = new LinkedHashMap<>();
        for (PipelineId pipeline : config.service().pipelines().keySet()) {
            ComponentStatus worst = waiting.containsKey(pipeline) ? ComponentStatus.STARTING : ComponentStatus.OK;
            for (Node n : nodesOf(pipeline)) {
                if (n.status != null) {
                    worst = worse(worst, n.status.current().status());
                }
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
