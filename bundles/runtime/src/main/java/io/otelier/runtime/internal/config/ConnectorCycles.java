package io.otelier.runtime.internal.config;

import io.otelier.api.component.ComponentId;
import io.otelier.api.connector.SignalPair;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

/**
 * Finds a cycle through connectors in the graph upstream's {@code service/internal/graph} would build: a
 * pipeline is its entry, its processors and its fan-out; a connector instance per (id, exporter-pipeline
 * signal, receiver-pipeline signal) links the fan-out of every pipeline exporting to it with the entry of every
 * pipeline receiving from it. Reported as upstream does, starting from a connector:
 * {@code cycle detected: connector "forward" (traces to traces) -> processor "batch" in pipeline "traces/b" -> connector "forward" (traces to traces)}.
 */
final class ConnectorCycles {

    private record Entry(PipelineId pipeline) {
    }

    private record Processor(PipelineId pipeline, int index, ComponentId id) {
    }

    private record Fanout(PipelineId pipeline) {
    }

    private record Connector(ComponentId id, SignalPair pair) {
    }

    private final Map<Object, List<Object>> edges = new LinkedHashMap<>();

    /**
     * @param supports whether a connector id supports a (exporter signal, receiver signal) pair; unsupported
     *                 pairs get no instance, as upstream
     */
    static Optional<String> find(CollectorConfig config, BiPredicate<ComponentId, SignalPair> supports) {
        ConnectorCycles graph = new ConnectorCycles();
        graph.build(config, supports);
        return graph.firstCycle().map(ConnectorCycles::render);
    }

    private void build(CollectorConfig config, BiPredicate<ComponentId, SignalPair> supports) {
        Map<PipelineId, PipelineConfig> pipelines = config.service().pipelines();
        pipelines.forEach((id, pipeline) -> {
            Object previous = new Entry(id);
            for (int i = 0; i < pipeline.processors().size(); i++) {
                Processor p = new Processor(id, i, pipeline.processors().get(i));
                edge(previous, p);
                previous = p;
            }
            edge(previous, new Fanout(id));
            for (ComponentId exporter : pipeline.exporters()) {
                if (!config.connectors().containsKey(exporter)) {
                    continue;
                }
                pipelines.forEach((targetId, target) -> {
                    SignalPair pair = SignalPair.of(id.signal(), targetId.signal());
                    if (target.receivers().contains(exporter) && supports.test(exporter, pair)) {
                        Connector c = new Connector(exporter, pair);
                        edge(new Fanout(id), c);
                        edge(c, new Entry(targetId));
                    }
                });
            }
        });
    }

    private void edge(Object from, Object to) {
        List<Object> targets = edges.computeIfAbsent(from, k -> new ArrayList<>());
        if (!targets.contains(to)) {
            targets.add(to);
        }
    }

    private Optional<List<Object>> firstCycle() {
        Set<Object> done = new HashSet<>();
        for (Object start : new ArrayList<>(edges.keySet())) {
            List<Object> cycle = visit(start, new ArrayList<>(), done);
            if (cycle != null) {
                return Optional.of(cycle);
            }
        }
        return Optional.empty();
    }

    private List<Object> visit(Object node, List<Object> stack, Set<Object> done) {
        int onStack = stack.indexOf(node);
        if (onStack >= 0) {
            return new ArrayList<>(stack.subList(onStack, stack.size()));
        }
        if (!done.add(node)) {
            return null;
        }
        stack.add(node);
        for (Object next : edges.getOrDefault(node, List.of())) {
            List<Object> cycle = visit(next, stack, done);
            if (cycle != null) {
                return cycle;
            }
        }
        stack.remove(stack.size() - 1);
        return null;
    }

    private static String render(List<Object> cycle) {
        int first = 0;
        while (!(cycle.get(first) instanceof Connector)) {
            first++;
        }
        List<Object> rotated = new ArrayList<>(cycle.subList(first, cycle.size()));
        rotated.addAll(cycle.subList(0, first));
        rotated.add(rotated.get(0));
        return "cycle detected: " + rotated.stream().map(ConnectorCycles::label).filter(s -> !s.isEmpty())
                .collect(Collectors.joining(" -> "));
    }

    private static String label(Object node) {
        if (node instanceof Processor p) {
            return "processor \"" + p.id() + "\" in pipeline \"" + p.pipeline() + "\"";
        }
        if (node instanceof Connector c) {
            return "connector \"" + c.id() + "\" (" + c.pair().from().id() + " to " + c.pair().to().id() + ")";
        }
        return "";
    }
}
