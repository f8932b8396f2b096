package io.otelier.testkit;

import io.otelier.api.component.Component;
import io.otelier.api.component.CreateSettings;
import io.otelier.api.component.Signal;
import io.otelier.api.config.ComponentConfig;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.exporter.ExporterFactory;
import java.util.ArrayList;
import java.util.List;

/** The components a test started, so that they are all shut down after it, whatever happened in it. */
public final class StartedComponents {

    private final List<Component> started = new ArrayList<>();

    /** Starts {@code component} on an empty host and remembers it for {@link #shutdownAll()}. */
    public <C extends Component> C start(C component) throws Exception {
        component.start(new TestHost());
        started.add(component);
        return component;
    }

    /**
     * Creates {@code factory}'s exporter for {@code signal}, starts it and has it consume that signal's
     * {@link TestTelemetry} batch ({@code traces(3)}, {@code metrics()} or {@code logs()}).
     */
    public <C extends ComponentConfig> void startAndConsume(ExporterFactory<C> factory, Signal signal,
            CreateSettings settings, C config) throws Exception {
        switch (signal) {
            case TRACES -> start(factory.createTraces(settings, config)).consume(RequestContext.EMPTY,
                    TestTelemetry.traces(3));
            case METRICS -> start(factory.createMetrics(settings, config)).consume(RequestContext.EMPTY,
                    TestTelemetry.metrics());
            case LOGS -> start(factory.createLogs(settings, config)).consume(RequestContext.EMPTY,
                    TestTelemetry.logs());
        }
    }

    /** Shuts down every component started so far, in the order they were started. */
    public void shutdownAll() throws Exception {
        for (Component component : started) {
            component.shutdown();
        }
        started.clear();
    }
}
