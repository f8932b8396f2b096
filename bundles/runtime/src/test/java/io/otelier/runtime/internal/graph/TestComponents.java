package io.otelier.runtime.internal.graph;

import io.otelier.api.component.Component;
import io.otelier.api.component.ComponentId;
import io.otelier.api.component.CreateSettings;
import io.otelier.api.component.Factory;
import io.otelier.api.component.Host;
import io.otelier.api.component.Signal;
import io.otelier.api.component.Stability;
import io.otelier.api.config.ComponentConfig;
import io.otelier.api.connector.Connector;
import io.otelier.api.connector.ConnectorFactory;
import io.otelier.api.connector.SignalPair;
import io.otelier.api.consumer.Consumer;
import io.otelier.api.consumer.ConsumerException;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.exporter.Exporter;
import io.otelier.api.exporter.ExporterFactory;
import io.otelier.api.extension.Extension;
import io.otelier.api.extension.ExtensionFactory;
import io.otelier.api.processor.Processor;
import io.otelier.api.processor.ProcessorFactory;
import io.otelier.api.receiver.Receiver;
import io.otelier.api.receiver.ReceiverFactory;
import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Telemetry;
import io.otelier.pdata.Traces;
import io.otelier.pdata.trace.Span;
import io.otelier.testkit.SinkConsumer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small fake components that record what the graph does with them. */
final class TestComponents {

    record Empty() implements ComponentConfig {
    }

    /** Lifecycle calls in order: "start exporter sink/a traces", … */
    final List<String> events = Collections.synchronizedList(new ArrayList<>());
    /** What each receiver instance pushes into, by "id signal". */
    final Map<String, Consumer<Telemetry>> receiverOutputs = new LinkedHashMap<>();
    /** Each exporter instance's sink, by "id signal". */
    final Map<String, SinkConsumer<Telemetry>> sinks = new LinkedHashMap<>();
    /** Exporter ids that say they never block ({@link Consumer#mayBlock}); the others keep the default. */
    final java.util.Set<String> quickExporters = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Exporter ids whose start fails. */
    final List<String> failingStarts = new ArrayList<>();

    private static final Map<Signal, Stability> ALL = Map.of(Signal.TRACES, Stability.STABLE, Signal.METRICS,
            Stability.STABLE, Signal.LOGS, Stability.STABLE);

    /** A component that records its lifecycle under a name. */
    abstract class Recorded implements Component {
        final String name;

        Recorded(String name) {
            this.name = name;
        }

        @Override
        public void start(Host host) throws Exception {
            events.add("start " + name);
            if (failingStarts.contains(name)) {
                throw new IllegalStateException("boom in " + name);
            }
        }

        @Override
        public void shutdown() {
            events.add("stop " + name);
        }
    }

    /** What every fake factory shares: its type name and an empty config. */
    abstract static class EmptyConfigFactory implements Factory<Empty> {
        private final String type;

        EmptyConfigFactory(String type) {
            this.type = type;
        }

        @Override
        public String type() {
            return type;
        }

        @Override
        public Class<Empty> configClass() {
            return Empty.class;
        }

        @Override
        public Empty createDefaultConfig() {
            return new Empty();
        }
    }

    /** Keeps {@code value} under "id signal", which the graph must ask for once only; returns that key. */
    private static <V> String putOnce(Map<String, V> byKey, CreateSettings s, Signal signal, V value) {
        String key = s.id() + " " + signal.id();
        if (byKey.putIfAbsent(key, value) != null) {
            throw new AssertionError(s.kind() + " created twice: " + key);
        }
        return key;
    }

    final class TestReceiver extends Recorded implements Receiver {
        TestReceiver(String name) {
            super(name);
        }
    }

    ReceiverFactory<Empty> receiver(String type) {
        return new TestReceiverFactory(type);
    }

    /** Hands out a receiver per (id, signal) and keeps what it would push into under "id signal". */
    final class TestReceiverFactory extends EmptyConfigFactory implements ReceiverFactory<Empty> {
        TestReceiverFactory(String type) {
            super(type);
        }

        @Override
        public Map<Signal, Stability> signals() {
            return ALL;
        }

        @SuppressWarnings("unchecked")
        private Receiver make(CreateSettings s, Signal signal, Consumer<? extends Telemetry> next) {
            String key = putOnce(receiverOutputs, s, signal, (Consumer<Telemetry>) next);
            return new TestReceiver("receiver " + key);
        }

        @Override
        public Receiver createTraces(CreateSettings s, Empty c, Consumer<Traces> next) {
            return make(s, Signal.TRACES, next);
        }

        @Override
        public Receiver createMetrics(CreateSettings s, Empty c, Consumer<Metrics> next) {
            return make(s, Signal.METRICS, next);
        }

        @Override
        public Receiver createLogs(CreateSettings s, Empty c, Consumer<Logs> next) {
            return make(s, Signal.LOGS, next);
        }
    }

    /** A traces processor that renames every span (and says it mutates) or passes data through. */
    final class TestProcessor extends Recorded implements Processor<Traces> {
        private final Consumer<Traces> next;
        private final boolean mutates;

        TestProcessor(String name, Consumer<Traces> next, boolean mutates) {
            super(name);
            this.next = next;
            this.mutates = mutates;
        }

        @Override
        public void consume(RequestContext context, Traces data) throws ConsumerException {
            if (mutates) {
                data.resourceSpans().forEach(rs -> rs.scopeSpans().forEach(ss -> {
                    for (Span span : ss.spans()) {
                        span.setName(span.name() + "+" + name);
                    }
                }));
            }
            next.consume(context, data);
        }

        @Override
        public boolean mutatesData() {
            return mutates;
        }

        @Override
        public boolean mayBlock() {
            return next.mayBlock();
        }
    }

    ProcessorFactory<Empty> processor(String type, boolean mutates) {
        final class TestProcessorFactory extends EmptyConfigFactory implements ProcessorFactory<Empty> {
            TestProcessorFactory() {
                super(type);
            }

            @Override
            public Map<Signal, Stability> signals() {
                return Map.of(Signal.TRACES, Stability.BETA);
            }

            @Override
            public Processor<Traces> createTraces(CreateSettings s, Empty c, Consumer<Traces> next) {
                return new TestProcessor(s.id().toString(), next, mutates);
            }
        }
        return new TestProcessorFactory();
    }

    final class TestExporter<T extends Telemetry> extends Recorded implements Exporter<T> {
        private final SinkConsumer<T> sink;

        TestExporter(String name, SinkConsumer<T> sink) {
            super(name);
            this.sink = sink;
        }

        @Override
        public void consume(RequestContext context, T data) throws ConsumerException {
            sink.consume(context, data);
        }

        @Override
        public boolean mayBlock() {
            return !quickExporters.contains(name);
        }
    }

    ExporterFactory<Empty> exporter(String type) {
        return new TestExporterFactory(type);
    }

    /** Hands out an exporter per (id, signal), each with its own sink kept under "id signal". */
    final class TestExporterFactory extends EmptyConfigFactory implements ExporterFactory<Empty> {
        TestExporterFactory(String type) {
            super(type);
        }

        @Override
        public Map<Signal, Stability> signals() {
            return ALL;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private <T extends Telemetry> Exporter<T> make(CreateSettings s, Signal signal) {
            SinkConsumer sink = new SinkConsumer<>();
            putOnce(sinks, s, signal, (SinkConsumer<Telemetry>) sink);
            return new TestExporter<>(s.id().toString(), (SinkConsumer<T>) sink);
        }

        @Override
        public Exporter<Traces> createTraces(CreateSettings s, Empty c) {
            return make(s, Signal.TRACES);
        }

        @Override
        public Exporter<Metrics> createMetrics(CreateSettings s, Empty c) {
            return make(s, Signal.METRICS);
        }

        @Override
        public Exporter<Logs> createLogs(CreateSettings s, Empty c) {
            return make(s, Signal.LOGS);
        }
    }

    /** Forwards traces to traces; turns traces into one empty metrics batch per call for traces→metrics. */
    ConnectorFactory<Empty> connector(String type) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        final class TestConnectorFactory extends EmptyConfigFactory implements ConnectorFactory<Empty> {
            TestConnectorFactory() {
                super(type);
            }

            @Override
            public Map<SignalPair, Stability> signalPairs() {
                return Map.of(SignalPair.of(Signal.TRACES, Signal.TRACES), Stability.BETA,
                        SignalPair.of(Signal.TRACES, Signal.METRICS), Stability.ALPHA);
            }

            @Override
            public <I extends Telemetry, O extends Telemetry> Connector<I> create(SignalPair pair, CreateSettings s,
                    Empty c, Consumer<O> next) {
                class Conn extends Recorded implements Connector<I> {
                    Conn() {
                        super("connector " + s.id() + " " + pair);
                    }

                    @Override
                    public void consume(RequestContext context, I data) throws ConsumerException {
                        if (pair.to() == Signal.TRACES) {
                            ((Consumer) next).consume(context, data);
                        } else {
                            Metrics m = new Metrics();
                            var dp = m.resourceMetrics().addNew().scopeMetrics().addNew().metrics().addNew()
                                    .setName("spans").setEmptyGauge().dataPoints().addNew();
                            dp.setIntValue(data.itemCount());
                            ((Consumer) next).consume(context, m);
                        }
                    }
                }
                return new Conn();
            }
        }
        return new TestConnectorFactory();
    }

    ExtensionFactory<Empty> extension(String type) {
        final class TestExtensionFactory extends EmptyConfigFactory implements ExtensionFactory<Empty> {
            TestExtensionFactory() {
                super(type);
            }

            @Override
            public Stability stability() {
                return Stability.BETA;
            }

            @Override
            public Extension create(CreateSettings s, Empty c) {
                class Ext extends Recorded implements Extension {
                    Ext() {
                        super("extension " + s.id());
                    }
                }
                return new Ext();
            }
        }
        return new TestExtensionFactory();
    }

    static ComponentId id(String text) {
        return ComponentId.parse(text);
    }
}
