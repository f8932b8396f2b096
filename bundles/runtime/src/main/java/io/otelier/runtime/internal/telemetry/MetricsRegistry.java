package io.otelier.runtime.internal.telemetry;

import io.otelier.api.telemetry.Meter;
import io.otelier.api.telemetry.MetricsLevel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * The collector's own metrics (upstream: the OTel SDK meter provider behind service.telemetry.metrics), rendered
 * for Prometheus by {@link #render(PrometheusFormat)}. Instruments belong to an instrumentation scope
 * ({@link #scope(String)}); asking twice for the same scope and name returns the same instrument. At level
 * {@code none} nothing is registered and nothing is rendered.
 */
public final class MetricsRegistry implements Meter {

    /** Scope of instruments created directly on the registry. */
    public static final String DEFAULT_SCOPE = "io.otelier.runtime";

    private final MetricsLevel level;
    private final Map<String, String> resource;
    private final Map<Key, Instrument> instruments = new ConcurrentHashMap<>();
    private final Scope defaultScope;

    /** A registry without resource attributes (no {@code target_info}). */
    public MetricsRegistry(MetricsLevel level) {
        this(level, Map.of());
    }

    /**
     * @param resource the telemetry resource (upstream: service.name, service.version, service.instance.id),
     *        served as {@code target_info} and, when a format asks for it, as labels of every series
     */
    public MetricsRegistry(MetricsLevel level, Map<String, String> resource) {
        this.level = Objects.requireNonNull(level, "level");
        this.resource = Collections.unmodifiableMap(new TreeMap<>(resource));
        this.defaultScope = new Scope(DEFAULT_SCOPE);
    }

    public MetricsLevel level() {
        return level;
    }

    /** False at level none: instruments are no-ops and the Prometheus endpoint serves nothing. */
    public boolean enabled() {
        return level != MetricsLevel.NONE;
    }

    public Map<String, String> resource() {
        return resource;
    }

    /** A meter whose instruments carry this instrumentation scope name (the {@code otel_scope_name} label). */
    public Scope scope(String name) {
        return new Scope(Objects.requireNonNull(name, "scope name"));
    }

    @Override
    public CounterInstrument counter(String name, String description, String unit) {
        return defaultScope.counter(name, description, unit);
    }

    @Override
    public Registration gauge(String name, String description, String unit, LongSupplier value, String... labels) {
        return defaultScope.gauge(name, description, unit, value, labels);
    }

    public Registration doubleGauge(String name, String description, String unit, DoubleSupplier value,
            String... labels) {
        return defaultScope.doubleGauge(name, description, unit, value, labels);
    }

    public Registration observableCounter(String name, String description, String unit, DoubleSupplier value,
            String... labels) {
        return defaultScope.observableCounter(name, description, unit, value, labels);
    }

    /** The exposition as upstream's default reader serves it. */
    public String render() {
        return render(PrometheusFormat.UPSTREAM_DEFAULT);
    }

    /** Prometheus text exposition format 0.0.4 of every series; empty at level none. */
    public String render(PrometheusFormat format) {
        if (!enabled()) {
            return "";
        }
        return PrometheusText.render(new ArrayList<>(instruments.values()), resource, format);
    }

    private Instrument instrument(String scope, String name, String description, String unit, Instrument.Kind kind) {
        Objects.requireNonNull(name, "metric name");
        Instrument existing = instruments.computeIfAbsent(new Key(scope, name),
                k -> new Instrument(scope, name, description, unit, kind));
        if (existing.kind != kind) {
            throw new IllegalArgumentException("metric \"" + name + "\" is already registered as a "
                    + existing.kind.prometheusType + ", not a " + kind.prometheusType);
        }
        return existing;
    }

    private Registration observe(String scope, String name, String description, String unit, Instrument.Kind kind,
            Instrument.Sample sample, String... labels) {
        if (!enabled()) {
            return Registration.NOOP;
        }
        LabelSet set = LabelSet.of(labels);
        return instrument(scope, name, description, unit, kind).observe(set, sample);
    }

    private record Key(String scope, String name) {
    }

    /** The registry seen through one instrumentation scope. */
    public final class Scope implements Meter {

        private final String name;

        private Scope(String name) {
            this.name = name;
        }

        public String name() {
            return name;
        }

        /** A monotonic counter; its series appear once bound or added to. */
        @Override
        public CounterInstrument counter(String metric, String description, String unit) {
            if (!enabled()) {
                return CounterInstrument.NOOP;
            }
            return new CounterInstrument(instrument(name, metric, description, unit, Instrument.Kind.COUNTER));
        }

        /** A long gauge read on every scrape; registering the same labels again replaces the reading. */
        @Override
        public Registration gauge(String metric, String description, String unit, LongSupplier value,
                String... labels) {
            Objects.requireNonNull(value, "value");
            return observe(name, metric, description, unit, Instrument.Kind.GAUGE, value::getAsLong, labels);
        }

        /** A double gauge read on every scrape. */
        public Registration doubleGauge(String metric, String description, String unit, DoubleSupplier value,
                String... labels) {
            Objects.requireNonNull(value, "value");
            return observe(name, metric, description, unit, Instrument.Kind.GAUGE, value::getAsDouble, labels);
        }

        /** An asynchronous monotonic sum (upstream's observable counters, e.g. process uptime), read per scrape. */
        public Registration observableCounter(String metric, String description, String unit, DoubleSupplier value,
                String... labels) {
            Objects.requireNonNull(value, "value");
            return observe(name, metric, description, unit, Instrument.Kind.COUNTER, value::getAsDouble, labels);
        }
    }

    /** Groups registrations so one close removes them all. */
    static Registration all(List<Registration> registrations) {
        List<Registration> copy = List.copyOf(registrations);
        return () -> copy.forEach(Registration::close);
    }
}
