package io.otelier.runtime.internal.config;

import io.otelier.api.component.ComponentKind;
import io.otelier.api.component.CreateSettings;
import io.otelier.api.component.Factory;
import io.otelier.api.component.Signal;
import io.otelier.api.component.Stability;
import io.otelier.api.config.ComponentConfig;
import io.otelier.api.config.ConfigException;
import io.otelier.api.connector.Connector;
import io.otelier.api.connector.ConnectorFactory;
import io.otelier.api.connector.SignalPair;
import io.otelier.api.consumer.Consumer;
import io.otelier.api.exporter.ExporterFactory;
import io.otelier.api.extension.Extension;
import io.otelier.api.extension.ExtensionFactory;
import io.otelier.api.processor.ProcessorFactory;
import io.otelier.api.receiver.ReceiverFactory;
import io.otelier.pdata.Telemetry;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** Small fake factories with record configs, shaped like upstream components the tests imitate. */
final class TestFactories {

    private TestFactories() {
    }

    // ---- configs ----

    /** A component without settings (nop, forward). */
    public record EmptyConfig() implements ComponentConfig {
    }

    public enum Verbosity { BASIC, NORMAL, DETAILED }

    /** Like the debug exporter's config. */
    public record DebugConfig(Verbosity verbosity, int samplingInitial, int samplingThereafter) implements ComponentConfig {
        static DebugConfig defaults() {
            return new DebugConfig(Verbosity.BASIC, 2, 1);
        }

        /** A helper method that must not become a key. */
        public boolean isDetailed() {
            return verbosity == Verbosity.DETAILED;
        }

        @Override
        public void validate() {
            if (samplingInitial < 0) {
                throw ConfigException.at("sampling_initial", "must not be negative, got " + samplingInitial);
            }
        }
    }

    /** Like the batch processor's config. */
    public record BatchConfig(Duration timeout, int sendBatchSize, int sendBatchMaxSize, List<String> metadataKeys,
            Map<String, String> labels) implements ComponentConfig {
        static BatchConfig defaults() {
            return new BatchConfig(Duration.ofMillis(200), 8192, 0, List.of("tenant"), Map.of("a", "1"));
        }

        @Override
        public void validate() {
            if (sendBatchMaxSize > 0 && sendBatchMaxSize < sendBatchSize) {
                throw ConfigException.at("send_batch_max_size", "must be greater or equal to send_batch_size");
            }
        }
    }

    /** Like the OTLP receiver: both protocols off until written; a bare "grpc:" turns gRPC on with defaults. */
    public record OtlpConfig(Protocols protocols) implements ComponentConfig {
        static OtlpConfig defaults() {
            return new OtlpConfig(new Protocols(null, null));
        }
    }

    public record Protocols(Grpc grpc, Http http) {
    }

    public record Grpc(String endpoint, Duration keepalive, int maxRecvMsgSizeMib, List<Header> headers)
            implements ComponentConfig {
        public static Grpc defaults() {
            return new Grpc("localhost:4317", Duration.ofSeconds(30), 4, List.of());
        }

        @Override
        public void validate() {
            if (!endpoint.contains(":")) {
                throw ConfigException.at("endpoint", "missing port in address \"" + endpoint + "\"");
            }
        }
    }

    public record Http(String endpoint) {
        public static Http defaults() {
            return new Http("localhost:4318");
        }
    }

    public record Header(String name, String value) {
        public static Header defaults() {
            return new Header("", "unset");
        }
    }

    /** A config record whose canonical constructor rejects a value itself. */
    public record CheckedConfig(int workers) implements ComponentConfig {
        public CheckedConfig {
            if (workers > 64) {
                throw ConfigException.at("workers", "at most 64 workers, got " + workers);
            }
        }
    }

    // ---- factories ----

    abstract static class Base<C extends ComponentConfig> implements Factory<C> {
        private final String type;
        private final String alias;
        private final Class<C> configClass;
        private final Supplier<C> defaults;
        private final Set<String> unsupported;

        Base(String type, String alias, Class<C> configClass, Supplier<C> defaults, Set<String> unsupported) {
            this.type = type;
            this.alias = alias;
            this.configClass = configClass;
            this.defaults = defaults;
            this.unsupported = unsupported;
        }

        @Override
        public String type() {
            return type;
        }

        @Override
        public Optional<String> deprecatedType() {
            return Optional.ofNullable(alias);
        }

        @Override
        public Class<C> configClass() {
            return configClass;
        }

        @Override
        public C createDefaultConfig() {
            return defaults.get();
        }

        @Override
        public Set<String> unsupportedKeys() {
            return unsupported;
        }
    }

    static Map<Signal, Stability> stable(Signal... signals) {
        Map<Signal, Stability> out = new LinkedHashMap<>();
        Arrays.stream(signals).forEach(s -> out.put(s, Stability.STABLE));
        return out;
    }

    static final class Receiver<C extends ComponentConfig> extends Base<C> implements ReceiverFactory<C> {
        private final Map<Signal, Stability> signals;

        Receiver(String type, String alias, Class<C> cls, Supplier<C> defaults, Set<String> unsupported,
                Signal... signals) {
            super(type, alias, cls, defaults, unsupported);
            this.signals = stable(signals);
        }

        @Override
        public Map<Signal, Stability> signals() {
            return signals;
        }
    }

    static final class Processor<C extends ComponentConfig> extends Base<C> implements ProcessorFactory<C> {
        private final Map<Signal, Stability> signals;

        Processor(String type, Class<C> cls, Supplier<C> defaults, Signal... signals) {
            super(type, null, cls, defaults, Set.of());
            this.signals = stable(signals);
        }

        @Override
        public Map<Signal, Stability> signals() {
            return signals;
        }
    }

    static final class Exporter<C extends ComponentConfig> extends Base<C> implements ExporterFactory<C> {
        private final Map<Signal, Stability> signals;

        Exporter(String type, String alias, Class<C> cls, Supplier<C> defaults, Set<String> unsupported,
                Signal... signals) {
            super(type, alias, cls, defaults, unsupported);
            this.signals = stable(signals);
        }

        @Override
        public Map<Signal, Stability> signals() {
            return signals;
        }
    }

    static final class ConnectorF extends Base<EmptyConfig> implements ConnectorFactory<EmptyConfig> {
        private final Map<SignalPair, Stability> pairs = new LinkedHashMap<>();

        ConnectorF(String type, SignalPair... pairs) {
            super(type, null, EmptyConfig.class, EmptyConfig::new, Set.of());
            Arrays.stream(pairs).forEach(p -> this.pairs.put(p, Stability.BETA));
        }

        @Override
        public Map<SignalPair, Stability> signalPairs() {
            return pairs;
        }

        @Override
        public <I extends Telemetry, O extends Telemetry> Connector<I> create(SignalPair pair, CreateSettings settings,
                EmptyConfig config, Consumer<O> next) {
            throw new UnsupportedOperationException("config tests never create components");
        }
    }

    static final class ExtensionF extends Base<EmptyConfig> implements ExtensionFactory<EmptyConfig> {
        ExtensionF(String type) {
            super(type, null, EmptyConfig.class, EmptyConfig::new, Set.of());
        }

        @Override
        public Stability stability() {
            return Stability.BETA;
        }

        @Override
        public Extension create(CreateSettings settings, EmptyConfig config) {
            throw new UnsupportedOperationException("config tests never create components");
        }
    }

    // ---- the set most tests use ----

    static final Signal[] ALL = Signal.values();

    /**
     * otlp_grpc (alias otlp) and nop receivers; zipkin receives traces only; batch and memory-limiter-ish
     * processors; debug, nop and a traces-only exporter; forward (same signal) and count (traces → metrics)
     * connectors, and a nop connector to clash with the nop receiver and exporter; a health_check
     * extension.
     */
    static FactoryLookup standard() {
        return FactoryLookup.of(List.<Factory<?>>of(
                new Receiver<>("otlp_grpc", "otlp", OtlpConfig.class, OtlpConfig::defaults,
                        Set.of("protocols::grpc::auth"), ALL),
                new Receiver<>("nop", null, EmptyConfig.class, EmptyConfig::new, Set.of(), ALL),
                new Receiver<>("zipkin", null, EmptyConfig.class, EmptyConfig::new, Set.of(), Signal.TRACES),
                new Processor<>("batch", BatchConfig.class, BatchConfig::defaults, ALL),
                new Processor<>("tracesonly", EmptyConfig.class, EmptyConfig::new, Signal.TRACES),
                new Processor<>("checked", CheckedConfig.class, () -> new CheckedConfig(4), ALL),
                new Exporter<>("debug", null, DebugConfig.class, DebugConfig::defaults,
                        Set.of("use_internal_logger"), ALL),
                new Exporter<>("nop", null, EmptyConfig.class, EmptyConfig::new, Set.of(), ALL),
                new Exporter<>("jaegerish", null, EmptyConfig.class, EmptyConfig::new, Set.of(), Signal.TRACES),
                new ConnectorF("forward", SignalPair.of(Signal.TRACES, Signal.TRACES),
                        SignalPair.of(Signal.METRICS, Signal.METRICS), SignalPair.of(Signal.LOGS, Signal.LOGS)),
                new ConnectorF("count", SignalPair.of(Signal.TRACES, Signal.METRICS)),
                new ConnectorF("nop", SignalPair.of(Signal.TRACES, Signal.TRACES)),
                new ExtensionF("health_check")));
    }
}
