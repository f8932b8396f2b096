package io.otelier.processor.batch.internal;

import io.otelier.api.component.CreateSettings;
import io.otelier.api.component.Signal;
import io.otelier.api.component.Stability;
import io.otelier.api.consumer.Consumer;
import io.otelier.api.processor.Processor;
import io.otelier.api.processor.ProcessorFactory;
import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Traces;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/** The {@code batch} processor (upstream processor/batchprocessor, v0.165): beta for traces, metrics and logs. */
@Component(service = ProcessorFactory.class)
public final class BatchFactory implements ProcessorFactory<BatchConfig> {

    public static final String TYPE = "batch";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Class<BatchConfig> configClass() {
        return BatchConfig.class;
    }

    @Override
    public BatchConfig createDefaultConfig() {
        return BatchConfig.defaults();
    }

    @Override
    public Map<Signal, Stability> signals() {
        return Map.of(Signal.TRACES, Stability.BETA, Signal.METRICS, Stability.BETA, Signal.LOGS, Stability.BETA);
    }

    @Override
    public Processor<Traces> createTraces(CreateSettings settings, BatchConfig config, Consumer<Traces> next) {
        return new BatchProcessor<>(settings, config, next, SignalShape.TRACES, Signal.TRACES);
    }

    @Override
    public Processor<Metrics> createMetrics(CreateSettings settings, BatchConfig config, Consumer<Metrics> next) {
        return new BatchProcessor<>(settings, config, next, SignalShape.METRICS, Signal.METRICS);
    }

    @Override
    public Processor<Logs> createLogs(CreateSettings settings, BatchConfig config, Consumer<Logs> next) {
        return new BatchProcessor<>(settings, config, next, SignalShape.LOGS, Signal.LOGS);
    }
}
