package io.otelier.api.processor;

import io.otelier.api.component.ComponentKind;
import io.otelier.api.component.CreateSettings;
import io.otelier.api.component.Factory;
import io.otelier.api.component.Signal;
import io.otelier.api.component.Stability;
import io.otelier.api.config.ComponentConfig;
import io.otelier.api.consumer.Consumer;
import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Traces;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/** Creates processors; one instance per pipeline that lists the processor. */
@ConsumerType
public interface ProcessorFactory<C extends ComponentConfig> extends Factory<C> {

    @Override
    default ComponentKind kind() {
        return ComponentKind.PROCESSOR;
    }

    Map<Signal, Stability> signals();

    default Processor<Traces> createTraces(CreateSettings settings, C config, Consumer<Traces> next) throws Exception {
        throw new UnsupportedOperationException(type() + " does not support traces");
    }

    default Processor<Metrics> createMetrics(CreateSettings settings, C config, Consumer<Metrics> next)
            throws Exception {
        throw new UnsupportedOperationException(type() + " does not support metrics");
    }

    default Processor<Logs> createLogs(CreateSettings settings, C config, Consumer<Logs> next) throws Exception {
        throw new UnsupportedOperationException(type() + " does not support logs");
    }
}
