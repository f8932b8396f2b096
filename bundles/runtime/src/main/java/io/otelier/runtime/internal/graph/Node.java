package io.otelier.runtime.internal.graph;

import io.otelier.api.component.Component;
import io.otelier.api.component.ComponentId;
import io.otelier.api.component.Signal;
import io.otelier.api.consumer.Consumer;
import io.otelier.pdata.Telemetry;
import io.otelier.runtime.internal.config.PipelineId;
import java.util.ArrayList;
import java.util.List;

/**
 * A vertex of the pipeline graph, as in upstream's service/internal/graph: components plus two virtual
 * nodes per pipeline (its entry, which states whether the pipeline mutates data, and its fan-out to the
 * exporters), so that two pipelines sharing a receiver and an exporter still deliver twice.
 */
final class Node {

    enum Type { RECEIVER, PROCESSOR, EXPORTER, CONNECTOR, PIPELINE_ENTRY, PIPELINE_FANOUT }

    final Type type;
    final ComponentId id;
    /** The signal consumed (exporter, processor, connector's input) or produced (receiver). */
    final Signal signal;
    /** A connector's output signal. */
    final Signal toSignal;
    /** The pipeline owning a processor, entry or fan-out node. */
    final PipelineId pipeline;
    final int processorIndex;
    final List<Node> successors = new ArrayList<>(2);

    /** What predecessors hand data to; set while the graph is built. */
    Consumer<Telemetry> consumer;
    Component component;
    InstanceStatus status;
    /** The factory the instance was made by (null for virtual nodes), which hot swap compares. */
    io.otelier.api.component.Factory<?> factory;
    /** A receiver's or connector's output, re-pointed when the pipelines it feeds change. */
    SwitchableConsumer<Telemetry> output;
    /** A pipeline entry's gate. */
    PipelineGate<Telemetry> gate;
    /** Whether the instance was taken over from the graph this one replaced (it is already running). */
    boolean reused;
    /** An entry's new pipeline head, set into its gate when the pipeline behind it has started. */
    Consumer<Telemetry> pendingHead;
    /** A taken-over receiver's or connector's new fan-out, switched to when the graph starts. */
    Consumer<Telemetry> pendingOutput;
    volatile boolean started;

    private Node(Type type, ComponentId id, Signal signal, Signal toSignal, PipelineId pipeline, int processorIndex) {
        this.type = type;
        this.id = id;
        this.signal = signal;
        this.toSignal = toSignal;
        this.pipeline = pipeline;
        this.processorIndex = processorIndex;
    }

    static Node receiver(Signal signal, ComponentId id) {
        return new Node(Type.RECEIVER, id, signal, null, null, -1);
    }

    static Node exporter(Signal signal, ComponentId id) {
        return new Node(Type.EXPORTER, id, signal, null, null, -1);
    }

    static Node connector(ComponentId id, Signal from, Signal to) {
        return new Node(Type.CONNECTOR, id, from, to, null, -1);
    }

    static Node processor(PipelineId pipeline, int index, ComponentId id) {
        return new Node(Type.PROCESSOR, id, pipeline.signal(), null, pipeline, index);
    }

    static Node entry(PipelineId pipeline) {
        return new Node(Type.PIPELINE_ENTRY, null, pipeline.signal(), null, pipeline, -1);
    }

    static Node fanout(PipelineId pipeline) {
        return new Node(Type.PIPELINE_FANOUT, null, pipeline.signal(), null, pipeline, -1);
    }

    /** A unique key: instances are shared exactly when their keys are equal. */
    String key() {
        return switch (type) {
            case RECEIVER -> "receiver:" + signal.id() + ":" + id;
            case EXPORTER -> "exporter:" + signal.id() + ":" + id;
            case CONNECTOR -> "connector:" + id + ":" + signal.id() + ":" + toSignal.id();
            case PROCESSOR -> "processor:" + pipeline + ":" + processorIndex;
            case PIPELINE_ENTRY -> "entry:" + pipeline;
            case PIPELINE_FANOUT -> "fanout:" + pipeline;
        };
    }

    boolean isComponent() {
        return type != Type.PIPELINE_ENTRY && type != Type.PIPELINE_FANOUT;
    }

    void addSuccessor(Node next) {
        if (!successors.contains(next)) {
            successors.add(next);
        }
    }

    /** How the node is named in messages: {@code exporter "debug" (traces)}. */
    String describe() {
        return switch (type) {
            case RECEIVER -> "receiver \"" + id + "\" (" + signal.id() + ")";
            case EXPORTER -> "exporter \"" + id + "\" (" + signal.id() + ")";
            case CONNECTOR -> "connector \"" + id + "\" (" + signal.id() + " to " + toSignal.id() + ")";
            case PROCESSOR -> "processor \"" + id + "\" in pipeline \"" + pipeline + "\"";
            case PIPELINE_ENTRY -> "entry of pipeline \"" + pipeline + "\"";
            case PIPELINE_FANOUT -> "fan-out of pipeline \"" + pipeline + "\"";
        };
    }

    @Override
    public String toString() {
        return key();
    }
}
