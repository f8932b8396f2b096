package io.otelier.runtime.internal.graph;

import static io.otelier.runtime.internal.graph.TestComponents.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.api.component.BuildInfo;
import io.otelier.api.component.ComponentId;
import io.otelier.api.component.ComponentStatus;

import io.otelier.api.config.ComponentConfig;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.telemetry.MetricsLevel;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Telemetry;
import io.otelier.pdata.Traces;
import io.otelier.pdata.trace.Span;
import io.otelier.runtime.internal.config.CollectorConfig;
import io.otelier.runtime.internal.config.FactoryLookup;
import io.otelier.runtime.internal.config.PipelineConfig;
import io.otelier.runtime.internal.config.PipelineId;
import io.otelier.runtime.internal.config.ServiceConfig;
import io.otelier.runtime.internal.config.TelemetryConfig;
import io.otelier.runtime.internal.telemetry.MetricsRegistry;
import io.otelier.runtime.internal.telemetry.ObsMetrics;
import io.otelier.testkit.RecordingLogger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphTest {

    private final TestComponents t = new TestComponents();
    private final MetricsRegistry registry = new MetricsRegistry(MetricsLevel.DETAILED);
    private final FactoryLookup factories = FactoryLookup.of(t.receiver("rcv"), t.processor("mutate", true),
            t.processor("pass", false), t.exporter("sink"), t.connector("fwd"), t.extension("ext"));

    /** A config builder: components are declared implicitly by the pipelines that use them. */
    private final class Config {
        final Map<ComponentId, ComponentConfig> receivers = new LinkedHashMap<>();
        final Map<ComponentId, ComponentConfig> processors = new LinkedHashMap<>();
        final Map<ComponentId, ComponentConfig> exporters = new LinkedHashMap<>();
        final Map<ComponentId, ComponentConfig> connectors = new LinkedHashMap<>();
        final Map<ComponentId, ComponentConfig> extensions = new LinkedHashMap<>();
        final Map<PipelineId, PipelineConfig> pipelines = new LinkedHashMap<>();

        Config pipeline(String pipeline, List<String> receivers, List<String> processors, List<String> exporters) {
            receivers.forEach(r -> (r.startsWith("fwd") ? connectors : this.receivers)
                    .put(id(r), new TestComponents.Empty()));
            processors.forEach(p -> this.processors.put(id(p), new TestComponents.Empty()));
            exporters.forEach(e -> (e.startsWith("fwd") ? connectors : this.exporters)
                    .put(id(e), new TestComponents.Empty()));
            pipelines.put(PipelineId.parse(pipeline), new PipelineConfig(ids(receivers), ids(processors),
                    ids(exporters)));
            return this;
        }

        Config extension(String name) {
            extensions.put(id(name), new TestComponents.Empty());
            return this;
        }

        Graph build() throws GraphException {
            ServiceConfig service = new ServiceConfig(new ArrayList<>(extensions.keySet()), pipelines,
                    TelemetryConfig.defaults());
            CollectorConfig config = new CollectorConfig(receivers, processors, exporters, connectors, extensions,
                    service);
            return Graph.build(new GraphSettings(factories, new RecordingLogger(), registry, MetricsLevel.DETAILED,
                    new ObsMetrics(registry), new BuildInfo("otelcol-test", "test", "0")), config);
        }
    }

    private static List<ComponentId> ids(List<String> names) {
        return names.stream().map(ComponentId::parse).toList();
    }

    private static Traces spans(String... names) {
        Traces traces = new Traces();
        var ss = traces.resourceSpans().addNew().scopeSpans().addNew();
        for (String n : names) {
            ss.spans().addNew().setName(n);
        }
        return traces;
    }

    private static List<String> names(Telemetry data) {
        List<String> out = new ArrayList<>();
        ((Traces) data).resourceSpans().forEach(rs -> rs.scopeSpans().forEach(ss -> {
            for (Span s : ss.spans()) {
                out.add(s.name());
            }
        }));
        return out;
    }

    private void push(String receiverKey, Telemetry data) throws Exception {
        t.receiverOutputs.get(receiverKey).consume(RequestContext.EMPTY, data);
    }

    @Test
    void aReceiverSharedByTwoPipelinesIsOneInstanceFeedingBoth() throws Exception {
        Graph g = new Config()
                .pipeline("traces/a", List.of("rcv"), List.of(), List.of("sink/a"))
                .pipeline("traces/b", List.of("rcv"), List.of(), List.of("sink/b"))
                .build();
        g.start();
        assertThat(t.receiverOutputs).containsOnlyKeys("rcv traces");
        push("rcv traces", spans("x", "y"));
        assertThat(t.sinks.get("sink/a traces").itemCount()).isEqualTo(2);
        assertThat(t.sinks.get("sink/b traces").itemCount()).isEqualTo(2);
        g.shutdown();
    }

    @Test
    void aReceiverMayBlockUnlessEveryPipelineItFeedsIsOpenAndQuick() throws Exception {
        t.quickExporters.add("sink/q");
        t.quickExporters.add("sink/q2");
        Graph g = new Config()
                .pipeline("traces/a", List.of("rcv"), List.of("pass"), List.of("sink/q"))
                .pipeline("traces/b", List.of("rcv"), List.of(), List.of("sink/q", "sink/q2"))
                .pipeline("traces/c", List.of("rcv/slow"), List.of("pass"), List.of("sink/q", "sink/slow"))
                .build();
        assertThat(t.receiverOutputs.get("rcv traces").mayBlock()).as("gates closed before start").isTrue();
        g.start();
        assertThat(t.receiverOutputs.get("rcv traces").mayBlock()).isFalse();
        assertThat(t.receiverOutputs.get("rcv/slow traces").mayBlock()).as("sink/slow keeps the default").isTrue();
        g.shutdown();
    }

    @Test
    void fanOutCopiesForAMutatingPipelineAndLeavesTheOtherUntouched() throws Exception {
        Graph g = new Config()
                .pipeline("traces/mutating", List.of("rcv"), List.of("mutate"), List.of("sink/m"))
                .pipeline("traces/plain", List.of("rcv"), List.of("pass"), List.of("sink/p"))
                .build();
        g.start();
        Traces original = spans("s");
        push("rcv traces", original);
        Telemetry mutated = t.sinks.get("sink/m traces").received().get(0);
        Telemetry plain = t.sinks.get("sink/p traces").received().get(0);
        assertThat(mutated).isNotSameAs(original);
        assertThat(names(mutated)).containsExactly("s+mutate");
        assertThat(plain).isSameAs(original);
        assertThat(names(plain)).containsExactly("s");
        g.shutdown();
    }

    @Test
    void dataSharedByTwoReadOnlyConsumersIsMarkedReadOnly() throws Exception {
        Graph g = new Config()
                .pipeline("traces/a", List.of("rcv"), List.of(), List.of("sink/a", "sink/b"))
                .build();
        g.start();
        Traces data = spans("s");
        push("rcv traces", data);
        assertThat(data.isReadOnly()).isTrue();
        assertThat(t.sinks.get("sink/a traces").received().get(0)).isSameAs(data);
        assertThat(t.sinks.get("sink/b traces").received().get(0)).isSameAs(data);
        g.shutdown();
    }

    @Test
    void aLoneMutatingConsumerGetsTheOriginalWithoutACopy() throws Exception {
        Graph g = new Config()
                .pipeline("traces", List.of("rcv"), List.of("mutate"), List.of("sink"))
                .build();
        g.start();
        Traces data = spans("s");
        push("rcv traces", data);
        assertThat(t.sinks.get("sink traces").received().get(0)).isSameAs(data);
        assertThat(data.isReadOnly()).isFalse();
        g.shutdown();
    }

    @Test
    void anExporterSharedByTwoPipelinesIsOneInstanceReceivingFromBoth() throws Exception {
        Graph g = new Config()
                .pipeline("traces/a", List.of("rcv/1"), List.of(), List.of("sink"))
                .pipeline("traces/b", List.of("rcv/2"), List.of(), List.of("sink"))
                .build();
        g.start();
        push("rcv/1 traces", spans("a"));
        push("rcv/2 traces", spans("b", "c"));
        assertThat(t.sinks).containsOnlyKeys("sink traces");
        assertThat(t.sinks.get("sink traces").itemCount()).isEqualTo(3);
        g.shutdown();
    }

    @Test
    void twoPipelinesSharingReceiverAndExporterDeliverTwice() throws Exception {
        Graph g = new Config()
                .pipeline("traces/a", List.of("rcv"), List.of(), List.of("sink"))
                .pipeline("traces/b", List.of("rcv"), List.of(), List.of("sink"))
                .build();
        g.start();
        push("rcv traces", spans("a"));
        assertThat(t.sinks.get("sink traces").batchCount()).isEqualTo(2);
        g.shutdown();
    }

    @Test
    void connectorsLinkPipelinesOfTheSameAndOtherSignals() throws Exception {
        Graph g = new Config()
                .pipeline("traces/in", List.of("rcv"), List.of(), List.of("fwd"))
                .pipeline("traces/out", List.of("fwd"), List.of("pass"), List.of("sink/t"))
                .pipeline("metrics/out", List.of("fwd"), List.of(), List.of("sink/m"))
                .build();
        g.start();
        push("rcv traces", spans("a", "b", "c"));
        assertThat(names(t.sinks.get("sink/t traces").received().get(0))).containsExactly("a", "b", "c");
        Metrics m = (Metrics) t.sinks.get("sink/m metrics").received().get(0);
        assertThat(m.resourceMetrics().get(0).scopeMetrics().get(0).metrics().get(0).gauge().dataPoints().get(0)
                .intValue()).isEqualTo(3);
        g.shutdown();
    }

    @Test
    void startsExtensionsThenExportersBackToReceiversAndStopsInReverse() throws Exception {
        Graph g = new Config()
                .extension("ext")
                .pipeline("traces/in", List.of("rcv"), List.of("pass/1", "pass/2"), List.of("fwd"))
                .pipeline("traces/out", List.of("fwd"), List.of(), List.of("sink"))
                .build();
        g.start();
        List<String> starts = t.events.stream().filter(e -> e.startsWith("start")).toList();
        assertThat(starts).containsExactly("start extension ext", "start sink", "start connector fwd traces_to_traces",
                "start pass/2", "start pass/1", "start receiver rcv traces");
        t.events.clear();
        g.shutdown();
        assertThat(t.events).containsExactly("stop receiver rcv traces", "stop pass/1", "stop pass/2",
                "stop connector fwd traces_to_traces", "stop sink", "stop extension ext");
    }

    @Test
    void aFailingStartNamesTheComponentAndStopsWhatHadStarted() throws Exception {
        t.failingStarts.add("pass");
        Graph g = new Config()
                .pipeline("traces", List.of("rcv"), List.of("pass"), List.of("sink"))
                .build();
        assertThatThrownBy(g::start).isInstanceOf(GraphException.class)
                .hasMessage("failed to start processor \"pass\" in pipeline \"traces\": boom in pass");
        assertThat(t.events).containsExactly("start sink", "start pass", "stop sink");
    }

    @Test
    void pipelineStatusIsTheWorstOfItsComponents() throws Exception {
        Graph g = new Config()
                .pipeline("traces", List.of("rcv"), List.of(), List.of("sink"))
                .pipeline("logs", List.of("rcv"), List.of(), List.of("sink"))
                .build();
        g.start();
        assertThat(g.pipelineStatus()).containsEntry(PipelineId.parse("traces"), ComponentStatus.OK)
                .containsEntry(PipelineId.parse("logs"), ComponentStatus.OK);
        g.shutdown();
        assertThat(g.pipelineStatus().get(PipelineId.parse("traces"))).isEqualTo(ComponentStatus.STOPPED);
    }

    @Test
    void receiversAndExportersAreCountedForInternalTelemetry() throws Exception {
        Graph g = new Config()
                .pipeline("traces", List.of("rcv"), List.of("pass"), List.of("sink"))
                .build();
        g.start();
        t.receiverOutputs.get("rcv traces").consume(RequestContext.EMPTY.withTransport("grpc"), spans("a", "b"));
        t.sinks.get("sink traces").failWith(new io.otelier.api.consumer.RetryableException("down"));
        assertThatThrownBy(() -> push("rcv traces", spans("c"))).hasMessage("down");
        String text = registry.render();
        assertThat(text).containsPattern("otelcol_receiver_accepted_spans\\{[^}]*receiver=\"rcv\"[^}]*"
                + "transport=\"grpc\"[^}]*\\} 2");
        assertThat(text).containsPattern("otelcol_receiver_refused_spans\\{[^}]*receiver=\"rcv\"[^}]*\\} 1");
        assertThat(text).containsPattern("otelcol_exporter_sent_spans\\{[^}]*exporter=\"sink\"[^}]*\\} 2");
        assertThat(text).containsPattern("otelcol_exporter_send_failed_spans\\{[^}]*exporter=\"sink\"[^}]*\\} 1");
        assertThat(text).containsPattern("otelcol_processor_incoming_items\\{[^}]*processor=\"pass\"[^}]*\\} 3");
        g.shutdown();
    }
}
