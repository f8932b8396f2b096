package io.otelier.api.exporter;

import io.otelier.api.component.ComponentKind;
import io.otelier.api.component.CreateSettings;
import io.otelier.api.component.Factory;
import io.otelier.api.component.Signal;
import io.otelier.api.component.Stability;
import io.otelier.api.config.ComponentConfig;
import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Traces;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/** Creates exporters; one instance per (signal, id), shared by every pipeline of that signal that lists it. */
@ConsumerType
public interface ExporterFactory<C extends ComponentConfig> extends Factory<C> {

    @Override
    default ComponentKind kind() {
        return ComponentKind.EXPORTER;
    }

    Map<Signal, Stability> signals();

    default Exporter<Traces> createTraces(CreateSettings settings, C config) throws Exception {
        throw new UnsupportedOperationException(type() + " does not support traces");
    }

    default Exporter<Metrics> createMetrics(CreateSettings settings, C config) throws Exception {
        throw new UnsupportedOperationException(type() + " does not support metrics");
    }

    default Exporter<Logs> createLogs(CreateSettings settings, C config) throws Exception {
        throw new UnsupportedOperationException(type() + " does not support logs");
    }
}
