package io.otelier.processor.memorylimiter.internal;

import io.otelier.api.component.ComponentId;
import io.otelier.api.component.CreateSettings;
import io.otelier.api.component.Signal;
import io.otelier.api.component.Stability;
import io.otelier.api.consumer.Consumer;
import io.otelier.api.processor.Processor;
import io.otelier.api.processor.ProcessorFactory;
import io.otelier.api.telemetry.TelemetrySettings;
import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Telemetry;
import io.otelier.pdata.Traces;
import java.util.HashMap;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code memory_limiter} processor (upstream processor/memorylimiterprocessor, v0.165). The instances of
 * one component id share a single {@link MemoryLimiter} (one heap check, one GC policy) as long as its config
 * is unchanged, like upstream's factory does.
 */
@Component(service = ProcessorFactory.class)
public final class MemoryLimiterFactory implements ProcessorFactory<MemoryLimiterConfig> {

    public static final String TYPE = "memory_limiter";

    private final Map<SharedKey, Shared> limiters = new HashMap<>();

    /** Which processors may share one limiter: same id, same settings. */
    private record SharedKey(ComponentId id, MemoryLimiterConfig config) {
    }

    /** A limiter and the number of processors created on it and not shut down yet. */
    private static final class Shared {
        final MemoryLimiter limiter;
        int users;

        Shared(MemoryLimiter limiter) {
            this.limiter = limiter;
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Class<MemoryLimiterConfig> configClass() {
        return MemoryLimiterConfig.class;
    }

    @Override
    public MemoryLimiterConfig createDefaultConfig() {
        return MemoryLimiterConfig.defaults();
    }

    @Override
    public Map<Signal, Stability> signals() {
        return Map.of(Signal.TRACES, Stability.BETA, Signal.METRICS, Stability.BETA, Signal.LOGS, Stability.BETA);
    }

    @Override
    public Processor<Traces> createTraces(CreateSettings settings, MemoryLimiterConfig config, Consumer<Traces> next) {
        return create(settings, config, next, Signal.TRACES);
    }

    @Override
    public Processor<Metrics> createMetrics(CreateSettings settings, MemoryLimiterConfig config,
            Consumer<Metrics> next) {
        return create(settings, config, next, Signal.METRICS);
    }

    @Override
    public Processor<Logs> createLogs(CreateSettings settings, MemoryLimiterConfig config, Consumer<Logs> next) {
        return create(settings, config, next, Signal.LOGS);
    }

    private <T extends Telemetry> Processor<T> create(CreateSettings settings, MemoryLimiterConfig config,
            Consumer<T> next, Signal signal) {
        SharedKey key = new SharedKey(settings.id(), config);
        MemoryLimiter limiter = acquire(key, settings);
        TelemetrySettings telemetry = settings.telemetry();
        ItemCounters counters = ItemCounters.create(telemetry.meter(), telemetry.metricsLevel(), settings.id(), signal);
        return new MemoryLimiterProcessor<>(limiter, next, settings.status(), counters, () -> release(key));
    }

    private synchronized MemoryLimiter acquire(SharedKey key, CreateSettings settings) {
        Shared shared = limiters.get(key);
        if (shared == null) {
            shared = new Shared(MemoryLimiter.onJvmHeap(key.config(), settings.telemetry().logger(),
                    "otelier-" + TYPE + "-" + key.id()));
            limiters.put(key, shared);
        }
        shared.users++;
        return shared.limiter;
    }

    private synchronized void release(SharedKey key) {
        Shared shared = limiters.get(key);
        if (shared != null && --shared.users == 0) {
            limiters.remove(key);
        }
    }
}
