package io.otelier.tests.generator;

import io.otelier.api.component.CreateSettings;
import io.otelier.api.component.Signal;
import io.otelier.api.component.Stability;
import io.otelier.api.consumer.Consumer;
import io.otelier.api.receiver.Receiver;
import io.otelier.api.receiver.ReceiverFactory;
import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Traces;
import java.time.Duration;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/** The test-only `generator` receiver. */
@Component(service = ReceiverFactory.class)
public final class GeneratorFactory implements ReceiverFactory<GeneratorConfig> {

    @Override
    public String type() {
        return "generator";
    }

    @Override
    public Class<GeneratorConfig> configClass() {
        return GeneratorConfig.class;
    }

    @Override
    public GeneratorConfig createDefaultConfig() {
        return new GeneratorConfig(10, 1, Duration.ofMillis(300));
    }

    @Override
    public Map<Signal, Stability> signals() {
        return Map.of(Signal.TRACES, Stability.DEVELOPMENT, Signal.METRICS, Stability.DEVELOPMENT,
                Signal.LOGS, Stability.DEVELOPMENT);
    }

    @Override
    public Receiver createTraces(CreateSettings s, GeneratorConfig c, Consumer<Traces> next) {
        return new GeneratorReceiver<>(c, next, TestData::traces, s.telemetry().logger());
    }

    @Override
    public Receiver createMetrics(CreateSettings s, GeneratorConfig c, Consumer<Metrics> next) {
        return new GeneratorReceiver<>(c, next, TestData::metrics, s.telemetry().logger());
    }

    @Override
    public Receiver createLogs(CreateSettings s, GeneratorConfig c, Consumer<Logs> next) {
        return new GeneratorReceiver<>(c, next, TestData::logs, s.telemetry().logger());
    }
}
