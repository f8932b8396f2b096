package io.otelier.exporter.debug.internal;

import io.otelier.api.component.Host;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.exporter.Exporter;
import io.otelier.pdata.Telemetry;

/**
 * Prints each batch: a summary entry at every verbosity, then at normal or detailed the batch as text. Each
 * entry is sampled on its own, keyed by its message as upstream's zap sampler keys it: the summary by the
 * signal name, the text by itself. Only reads the data.
 */
final class DebugExporter<T extends Telemetry> implements Exporter<T> {

    private final SignalText<T> text;
    private final Verbosity verbosity;
    private final LogSampler sampler;
    private final DebugSink sink;

    DebugExporter(SignalText<T> text, Verbosity verbosity, LogSampler sampler, DebugSink sink) {
        this.text = text;
        this.verbosity = verbosity;
        this.sampler = sampler;
        this.sink = sink;
    }

    @Override
    public void start(Host host) throws Exception {
        sink.open();
    }

    @Override
    public void consume(RequestContext context, T data) {
        if (!sink.enabled()) {
            return;
        }
        if (sampler.sample(text.message())) {
            sink.write(text.summary(data));
        }
        if (verbosity != Verbosity.BASIC) {
            String details = text.details(data, verbosity);
            if (sampler.sample(details)) {
                sink.write(details);
            }
        }
    }

    @Override
    public void shutdown() {
        sink.close();
    }
}
