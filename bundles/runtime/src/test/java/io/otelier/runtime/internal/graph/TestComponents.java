package io.otelier.runtime.internal.graph;

import io.otelier.api.component.Component;
import io.otelier.api.component.ComponentId;
import io.otelier.api.component.CreateSettings;
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

    final class TestReceiver extends Recorded implements Receiver {
        TestReceiver(String name) {
            super(name);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    ReceiverFactory<Empty> receiver(String type) {
        return new ReceiverFactory<>() {
            public String type() {
                return type;
            }

            public Class<Empty> configClass() {
                return Empty.class;
            }

            public Empty createDefaultConfig() {
                return new Empty();
            }

            public Map<Signal, Stability> signals() {
                return ALL;
            }

            private Receiver make(CreateSettings s, Signal signal, Consumer next) {
                String key = s.id() + " " + signal.id();
                if (receiverOutputs.containsKey(key)) {
                    throw new AssertionError("receiver created twice: " + key);
                }
                receiverOutputs.put(key, next);
                return new TestReceiver("receiver " + key);
            }

            public Receiver createTraces(CreateSettings s, Empty c, Consumer<Traces> next) {
                return make(s, Signal.TRACES, next);
            }

            public Receiver createMetrics(CreateSettings s, Empty c, Consumer<Metrics> next) {
                return make(s, Signal.METRICS, next);
            }

            public Receiver createLogs(CreateSettings s, Empty c, Consumer<Logs> next) {
                return make(s, Signal.LOGS, next);
            }
        };
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
    }

    ProcessorFactory<Empty> processor(String type, boolean mutates) {
        return new ProcessorFactory<>() {
            public String type() {
                return type;
            }

            public Class<Empty> configClass() {
                return Empty.class;
            }

            public Empty createDefaultConfig() {
                return new Empty();
            }

            public Map<Signal, Stability> signals() {
                return Map.of(Signal.TRACES, Stability.BETA);
            }

            public Processor<Traces> createTraces(CreateSettings s, Empty c, Consumer<Traces> next) {
                return new TestProcessor(s.id().toString(), next, mutates);
            }
        };
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
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    ExporterFactory<Empty> exporter(String type) {
        return new ExporterFactory<>() {
            public String type() {
                return type;
            }

            public Class<Empty> configClass() {
                return Empty.class;
            }

            public Empty createDefaultConfig() {
                return new Empty();
            }

            public Map<Signal, Stability> signals() {
                return ALL;
            }

            private Exporter make(CreateSettings s, Signal signal) {
                String key = s.id() + " " + signal.id();
                if (sinks.containsKey(key)) {
                    throw new AssertionError("exporter created twice: " + key);
                }
                SinkConsumer sink = new SinkConsumer<>();
                sinks.put(key, sink);
                return new TestExporter<>(s.id().toString(), sink);
            }

            public Exporter<Traces> createTraces(CreateSettings s, Empty c) {
                return make(s, Signal.TRACES);
            }

            public Exporter<Metrics> createMetrics(CreateSettings s, Empty c) {
                return make(s, Signal.METRICS);
            }

            public Exporter<Logs> createLogs(CreateSettings s, Empty c) {
                return make(s, Signal.LOGS);
            }
        };
    }

    /** Forwards traces to traces; turns traces into one empty metrics batch per call for traces→metrics. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    ConnectorFactory<Empty> connector(String type) {
        return new ConnectorFactory<>() {
            public String type() {
                return type;
            }

            public Class<Empty> configClass() {
                return Empty.class;
            }

            public Empty createDefaultConfig() {
                return new Empty();
            }

            public Map<SignalPair, Stability> signalPairs() {
                return Map.of(SignalPair.of(Signal.TRACES, Signal.TRACES), Stability.BETA,
                        SignalPair.of(Signal.TRACES, Signal.METRICS), Stability.ALPHA);
            }

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
        };
    }

    ExtensionFactory<Empty> extension(String type) {
        return new ExtensionFactory<>() {
            public String type() {
                return type;
            }

            public Class<Empty> configClass() {
                return Empty.class;
            }

            public Empty createDefaultConfig() {
                return new Empty();
            }

            public Stability stability() {
                return Stability.BETA;
            }

            public Extension create(CreateSettings s, Empty c) {
                class Ext extends Recorded implements Extension {
                    Ext() {
                        super("extension " + s.id());
                    }
                }
                return new Ext();
            }
        };
    }

    static ComponentId id(String text) {
        return ComponentId.parse(text);
    }
}
