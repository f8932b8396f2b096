package io.otelier.runtime.internal.graph;

import static io.otelier.runtime.internal.graph.TestComponents.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.api.component.BuildInfo;
import io.otelier.api.component.ComponentId;
import io.otelier.api.config.ComponentConfig;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.telemetry.MetricsLevel;
import io.otelier.pdata.Traces;
import io.otelier.runtime.internal.FactoryRegistry;
import io.otelier.runtime.internal.config.CollectorConfig;
import io.otelier.runtime.internal.config.PipelineConfig;
import io.otelier.runtime.internal.config.PipelineId;
import io.otelier.runtime.internal.config.ServiceConfig;
import io.otelier.runtime.internal.config.TelemetryConfig;
import io.otelier.runtime.internal.telemetry.MetricsRegistry;
import io.otelier.runtime.internal.telemetry.ObsMetrics;
import io.otelier.testkit.RecordingLogger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hot swap: graphs built from a running one replace only what changed. */
class GraphSwapTest {

    private final TestComponents t = new TestComponents();
    private final FactoryRegistry factories = new FactoryRegistry();
    private final MetricsRegistry registry = new MetricsRegistry(MetricsLevel.DETAILED);
    private final GraphSettings settings = new GraphSettings(factories, new RecordingLogger(), registry,
            MetricsLevel.DETAILED, new ObsMetrics(registry), new BuildInfo("otelcol-test", "test", "0"));

    GraphSwapTest() {
        factories.add(t.receiver("rcv"), "test.rcv 1");
        factories.add(t.exporter("sink"), "test.sink 1");
        factories.add(t.processor("pass", false), "test.pass 1");
    }

    /** traces/swapped: rcv → pass → swap; traces/steady: rcv → sink (one receiver instance feeds both). */
    private CollectorConfig config(boolean withThird) {
        Map<ComponentId, ComponentConfig> receivers = Map.of(id("rcv"), new TestComponents.Empty());
        Map<ComponentId, ComponentConfig> processors = Map.of(id("pass"), new TestComponents.Empty());
        Map<ComponentId, ComponentConfig> exporters = new LinkedHashMap<>();
        exporters.put(id("swap"), new TestComponents.Empty());
        exporters.put(id("sink"), new TestComponents.Empty());
        Map<PipelineId, PipelineConfig> pipelines = new LinkedHashMap<>();
        pipelines.put(PipelineId.parse("traces/swapped"), new PipelineConfig(List.of(id("rcv")), List.of(id("pass")),
                List.of(id("swap"))));
        pipelines.put(PipelineId.parse("traces/steady"), new PipelineConfig(List.of(id("rcv")), List.of(),
                List.of(id("sink"))));
        if (withThird) {
            pipelines.put(PipelineId.parse("traces/third"), new PipelineConfig(List.of(id("rcv")), List.of(),
                    List.of(id("sink"))));
        }
        return new CollectorConfig(receivers, processors, exporters, Map.of(), Map.of(),
                new ServiceConfig(List.of(), pipelines, TelemetryConfig.defaults()));
    }

    private static Traces spans(int n) {
        Traces traces = new Traces();
        var ss = traces.resourceSpans().addNew().scopeSpans().addNew();
        for (int i = 0; i < n; i++) {
            ss.spans().addNew().setName("s" + i);
        }
        return traces;
    }

    private void push(int n) throws Exception {
        t.receiverOutputs.get("rcv traces").consume(RequestContext.EMPTY, spans(n));
    }

    @Test
    void aFactoryLeavingStopsOnlyItsPipelinesAndItsReturnRebuildsThem() throws Exception {
        var swapV1 = t.exporter("swap");
        factories.add(swapV1, "test.swap 1");
        Graph running = Graph.build(settings, config(false));
        running.start();
        push(2);
        assertThat(t.sinks.get("swap traces").itemCount()).isEqualTo(2);
        t.events.clear();

        factories.remove(swapV1);
        Graph without = Graph.build(settings, config(false), running);
        without.takeOver(running);

        assertThat(t.events).as("the receiver and the other pipeline keep running")
                .containsExactly("stop pass", "stop swap");
        assertThat(without.waitingPipelines()).containsOnlyKeys(PipelineId.parse("traces/swapped"));
        assertThat(without.waitingPipelines().get(PipelineId.parse("traces/swapped")))
                .containsExactly("exporter \"swap\"");
        assertThat(without.unchangedPipelines()).containsExactly(PipelineId.parse("traces/steady"));

        t.events.clear();
        t.sinks.remove("swap traces");
        factories.add(t.exporter("swap"), "test.swap 2");
        Graph back = Graph.build(settings, config(false), without);
        back.takeOver(without);

        assertThat(t.events).containsExactly("start swap", "start pass");
        assertThat(back.waitingPipelines()).isEmpty();
        push(3);
        assertThat(t.sinks.get("swap traces").itemCount()).isEqualTo(3);
        assertThat(t.sinks.get("sink traces").itemCount()).isEqualTo(5);
        back.shutdown();
    }

    @Test
    void aReloadAddingAPipelineKeepsEveryRunningInstance() throws Exception {
        factories.add(t.exporter("swap"), "test.swap 1");
        Graph running = Graph.build(settings, config(false));
        running.start();
        t.events.clear();

        Graph reloaded = Graph.build(settings, config(true), running);
        reloaded.takeOver(running);

        assertThat(t.events).as("nothing restarts; the receiver now also feeds the new pipeline").isEmpty();
        assertThat(reloaded.unchangedPipelines()).containsExactlyInAnyOrder(PipelineId.parse("traces/swapped"),
                PipelineId.parse("traces/steady"));
        push(1);
        assertThat(t.sinks.get("sink traces").itemCount()).as("steady and third share the sink").isEqualTo(2);
        reloaded.shutdown();
        assertThat(t.events.get(0)).isEqualTo("stop receiver rcv traces");
        assertThat(t.events).containsExactlyInAnyOrder("stop receiver rcv traces", "stop pass", "stop swap",
                "stop sink");
    }
}
