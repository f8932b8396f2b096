package io.otelier.runtime.internal.graph;

import io.otelier.api.component.Signal;
import io.otelier.api.consumer.Consumer;
import io.otelier.api.consumer.ConsumerException;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.consumer.RetryableException;
import io.otelier.pdata.Telemetry;
import io.otelier.runtime.internal.telemetry.ObsMetrics;

/**
 * Consumer wrappers that count items for the internal telemetry every component reports (upstream's
 * obsreport / obsconsumer), so no component has to count for itself.
 */
final class ObservedConsumers {

    private ObservedConsumers() {
    }

    /** Counts what a receiver hands on as accepted or refused, labelled with the context's transport. */
    static <T extends Telemetry> Consumer<T> receiverOutput(Consumer<T> next, ObsMetrics obs, Signal signal,
            String receiverId) {
        return new Consumer<>() {
            @Override
            public void consume(RequestContext context, T data) throws ConsumerException {
                int items = data.itemCount();
                String transport = context.transport().orElse("");
                try {
                    next.consume(context, data);
                } catch (ConsumerException | RuntimeException e) {
                    obs.receiverRefused(signal.id(), receiverId, transport, items);
                    throw asConsumerException(e);
                }
                obs.receiverAccepted(signal.id(), receiverId, transport, items);
            }

            @Override
            public boolean mutatesData() {
                return next.mutatesData();
            }

            @Override
            public boolean mayBlock() {
                return next.mayBlock();
            }
        };
    }

    /** Counts what an exporter accepted (sent) or refused (send failed), on its bound series. */
    static <T extends Telemetry> Consumer<T> exporterInput(Consumer<T> exporter, ObsMetrics.ExporterCounters counters) {
        return new Consumer<>() {
            @Override
            public void consume(RequestContext context, T data) throws ConsumerException {
                int items = data.itemCount();
                try {
                    exporter.consume(context, data);
                } catch (ConsumerException | RuntimeException e) {
                    counters.sendFailed(items);
                    throw asConsumerException(e);
                }
                counters.sent(items);
            }

            @Override
            public boolean mutatesData() {
                return exporter.mutatesData();
            }

            @Override
            public boolean mayBlock() {
                return exporter.mayBlock();
            }
        };
    }

    /** Counts the items entering a processor, on its bound series. */
    static <T extends Telemetry> Consumer<T> processorInput(Consumer<T> processor,
            ObsMetrics.ProcessorCounters counters) {
        return new Consumer<>() {
            @Override
            public void consume(RequestContext context, T data) throws ConsumerException {
                counters.incoming(data.itemCount());
                callGuarded(processor, context, data);
            }

            @Override
            public boolean mutatesData() {
                return processor.mutatesData();
            }

            @Override
            public boolean mayBlock() {
                return processor.mayBlock();
            }
        };
    }

    /** Counts the items a processor passes on, on its bound series. */
    static <T extends Telemetry> Consumer<T> processorOutput(Consumer<T> next, ObsMetrics.ProcessorCounters counters) {
        return new Consumer<>() {
            @Override
            public void consume(RequestContext context, T data) throws ConsumerException {
                counters.outgoing(data.itemCount());
                next.consume(context, data);
            }

            @Override
            public boolean mutatesData() {
                return next.mutatesData();
            }

            @Override
            public boolean mayBlock() {
                return next.mayBlock();
            }
        };
    }

    /** A pipeline's entry: passes data on and tells upstream fan-outs whether anything in the pipeline mutates it. */
    static <T extends Telemetry> Consumer<T> pipelineEntry(Consumer<T> first, boolean mutates) {
        return new Consumer<>() {
            @Override
            public void consume(RequestContext context, T data) throws ConsumerException {
                first.consume(context, data);
            }

            @Override
            public boolean mutatesData() {
                return mutates;
            }

            @Override
            public boolean mayBlock() {
                return first.mayBlock();
            }
        };
    }

    private static <T extends Telemetry> void callGuarded(Consumer<T> consumer, RequestContext context, T data)
            throws ConsumerException {
        try {
            consumer.consume(context, data);
        } catch (RuntimeException e) {
            throw asConsumerException(e);
        }
    }

    private static ConsumerException asConsumerException(Exception e) {
        if (e instanceof ConsumerException ce) {
            return ce;
        }
        return new RetryableException("internal error: " + e, e);
    }
}
