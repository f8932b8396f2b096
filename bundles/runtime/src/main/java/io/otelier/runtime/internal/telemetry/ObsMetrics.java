package io.otelier.runtime.internal.telemetry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The counters every component reports through, named and labelled as upstream's receiverhelper,
 * exporterhelper and processorhelper report them (v0.165):
 * <ul>
 * <li>{@code otelcol_receiver_accepted_<items>}, {@code otelcol_receiver_refused_<items>} and
 *     {@code otelcol_receiver_failed_<items>} with labels {@code receiver}, {@code transport}. Upstream adds to
 *     all three on every request (failed stays 0 while its feature gate receiverhelper.newReceiverMetrics is
 *     off), so all three series exist once a receiver has reported.
 * <li>{@code otelcol_exporter_sent_<items>} (always, 0 on failure) and {@code otelcol_exporter_send_failed_<items>}
 *     (only once something failed) with label {@code exporter}.
 * <li>{@code otelcol_processor_incoming_items} and {@code otelcol_processor_outgoing_items} with labels
 *     {@code processor} and {@code otel.signal} (served as {@code otel_signal}), recorded together.
 * </ul>
 * Items are spans, metric_points or log_records for the signals traces, metrics and logs. Handles are cached per label set, so a hot-path call is a map lookup and an add; callers that keep
 * the handle from {@link #receiver}, {@link #exporter} or {@link #processor} skip the lookup too.
 */
public final class ObsMetrics {

    public static final String RECEIVER_SCOPE = "go.opentelemetry.io/collector/receiver/receiverhelper";
    public static final String EXPORTER_SCOPE = "go.opentelemetry.io/collector/exporter/exporterhelper";
    public static final String PROCESSOR_SCOPE = "go.opentelemetry.io/collector/processor/processorhelper";

    private final Map<String, SignalInstruments> signals;
    private final CounterInstrument processorIncoming;
    private final CounterInstrument processorOutgoing;
    private final Map<ReceiverKey, ReceiverCounters> receivers = new ConcurrentHashMap<>();
    private final Map<ComponentKey, ExporterCounters> exporters = new ConcurrentHashMap<>();
    private final Map<ComponentKey, ProcessorCounters> processors = new ConcurrentHashMap<>();

    public ObsMetrics(MetricsRegistry registry) {
        MetricsRegistry.Scope receiver = registry.scope(RECEIVER_SCOPE);
        MetricsRegistry.Scope exporter = registry.scope(EXPORTER_SCOPE);
        MetricsRegistry.Scope processor = registry.scope(PROCESSOR_SCOPE);
        signals = Map.of(
                "traces", new SignalInstruments(receiver, exporter, "spans", "spans", "spans", "{span}"),
                "metrics", new SignalInstruments(receiver, exporter, "metric_points", "metric points",
                        "metric points", "{datapoint}"),
                // upstream's HELP of otelcol_exporter_sent_log_records says "log record"
                "logs", new SignalInstruments(receiver, exporter, "log_records", "log records", "log record",
                        "{record}"));
        processorIncoming = processor.counter("otelcol_processor_incoming_items",
                "Number of items passed to the processor. [Alpha]", "{item}");
        processorOutgoing = processor.counter("otelcol_processor_outgoing_items",
                "Number of items emitted from the processor. [Alpha]", "{item}");
    }

    /**
     * The counters of one receiver for one signal and transport ("grpc", "http", or "" when it has none).
     *
     * @throws IllegalArgumentException for a signal other than traces, metrics, logs
     */
    public ReceiverCounters receiver(String signal, String receiverId, String transport) {
        ReceiverKey key = new ReceiverKey(signal, receiverId, transport == null ? "" : transport);
        ReceiverCounters counters = receivers.get(key);
        return counters != null ? counters : receivers.computeIfAbsent(key, this::newReceiver);
    }

    /** The counters of one exporter for one signal. */
    public ExporterCounters exporter(String signal, String exporterId) {
        ComponentKey key = new ComponentKey(signal, exporterId);
        ExporterCounters counters = exporters.get(key);
        return counters != null ? counters : exporters.computeIfAbsent(key, this::newExporter);
    }

    /** The counters of one processor instance's signal. */
    public ProcessorCounters processor(String signal, String processorId) {
        ComponentKey key = new ComponentKey(signal, processorId);
        ProcessorCounters counters = processors.get(key);
        return counters != null ? counters : processors.computeIfAbsent(key, this::newProcessor);
    }

    public void receiverAccepted(String signal, String receiverId, String transport, long items) {
        receiver(signal, receiverId, transport).accepted(items);
    }

    public void receiverRefused(String signal, String receiverId, String transport, long items) {
        receiver(signal, receiverId, transport).refused(items);
    }

    public void exporterSent(String signal, String exporterId, long items) {
        exporter(signal, exporterId).sent(items);
    }

    public void exporterSendFailed(String signal, String exporterId, long items) {
        exporter(signal, exporterId).sendFailed(items);
    }

    /** Items an exporter's full sending queue refused. */
    public void exporterEnqueueFailed(String signal, String exporterId, long items) {
        if (items > 0) {
            instruments(signal).enqueueFailed.add(items, "exporter", exporterId);
        }
    }

    public void processorIncoming(String signal, String processorId, long items) {
        processor(signal, processorId).incoming(items);
    }

    public void processorOutgoing(String signal, String processorId, long items) {
        processor(signal, processorId).outgoing(items);
    }

    private SignalInstruments instruments(String signal) {
        SignalInstruments s = signal == null ? null : signals.get(signal);
        if (s == null) {
            throw new IllegalArgumentException("unknown signal \"" + signal + "\" (valid: traces, metrics, logs)");
        }
        return s;
    }

    private ReceiverCounters newReceiver(ReceiverKey key) {
        SignalInstruments s = instruments(key.signal());
        String[] labels = {"receiver", key.id(), "transport", key.transport()};
        s.failed.bind(labels); // served at 0: nothing counts internal failures while upstream's gate is off
        return new ReceiverCounters(s.accepted.bind(labels), s.refused.bind(labels));
    }

    private ExporterCounters newExporter(ComponentKey key) {
        SignalInstruments s = instruments(key.signal());
        return new ExporterCounters(s.sent, s.sendFailed, key.id());
    }

    private ProcessorCounters newProcessor(ComponentKey key) {
        instruments(key.signal());
        String[] labels = {"processor", key.id(), "otel.signal", key.signal()};
        return new ProcessorCounters(processorIncoming.bind(labels), processorOutgoing.bind(labels));
    }

    /** A receiver's series: accepted, refused, and failed (kept at 0, as upstream with its gate off). */
    public static final class ReceiverCounters {
        private final BoundCounter accepted;
        private final BoundCounter refused;

        ReceiverCounters(BoundCounter accepted, BoundCounter refused) {
            this.accepted = accepted;
            this.refused = refused;
        }

        public void accepted(long items) {
            accepted.add(items);
        }

        public void refused(long items) {
            refused.add(items);
        }
    }

    /** An exporter's series: sent exists from the first report, send_failed from the first failure. */
    public static final class ExporterCounters {
        private final BoundCounter sent;
        private final CounterInstrument sendFailedInstrument;
        private final String exporterId;
        private volatile BoundCounter sendFailed;

        ExporterCounters(CounterInstrument sent, CounterInstrument sendFailed, String exporterId) {
            this.sent = sent.bind("exporter", exporterId);
            this.sendFailedInstrument = sendFailed;
            this.exporterId = exporterId;
        }

        public void sent(long items) {
            sent.add(items);
        }

        /** Also reports 0 sent, as upstream's obsReportSender records both on every request. */
        public void sendFailed(long items) {
            sent.add(0);
            if (items <= 0) {
                return;
            }
            BoundCounter failed = sendFailed;
            if (failed == null) {
                failed = sendFailedInstrument.bind("exporter", exporterId);
                sendFailed = failed;
            }
            failed.add(items);
        }
    }

    /** A processor's incoming and outgoing item series for one signal. */
    public static final class ProcessorCounters {
        private final BoundCounter incoming;
        private final BoundCounter outgoing;

        ProcessorCounters(BoundCounter incoming, BoundCounter outgoing) {
            this.incoming = incoming;
            this.outgoing = outgoing;
        }

        public void incoming(long items) {
            incoming.add(items);
        }

        public void outgoing(long items) {
            outgoing.add(items);
        }
    }

    private record ReceiverKey(String signal, String id, String transport) {
    }

    private record ComponentKey(String signal, String id) {
    }

    /** The receiver and exporter instruments of one signal, named after its items. */
    private static final class SignalInstruments {
        final CounterInstrument accepted;
        final CounterInstrument refused;
        final CounterInstrument failed;
        final CounterInstrument sent;
        final CounterInstrument sendFailed;
        final CounterInstrument enqueueFailed;

        SignalInstruments(MetricsRegistry.Scope receiver, MetricsRegistry.Scope exporter, String items,
                String itemsText, String sentItemsText, String unit) {
            accepted = receiver.counter("otelcol_receiver_accepted_" + items,
                    "Number of " + itemsText + " successfully pushed into the pipeline. [Alpha]", unit);
            refused = receiver.counter("otelcol_receiver_refused_" + items,
                    "Number of " + itemsText + " that could not be pushed into the pipeline. [Alpha]", unit);
            failed = receiver.counter("otelcol_receiver_failed_" + items, "The number of " + itemsText
                    + " that failed to be processed by the receiver due to internal errors. [Alpha]", unit);
            sent = exporter.counter("otelcol_exporter_sent_" + items,
                    "Number of " + sentItemsText + " successfully sent to destination. [Alpha]", unit);
            sendFailed = exporter.counter("otelcol_exporter_send_failed_" + items, "Number of " + itemsText
                    + " in failed attempts to send to destination. At detailed telemetry level, includes attributes:"
                    + " error.type (semantic convention), error.permanent. [Alpha]", unit);
            enqueueFailed = exporter.counter("otelcol_exporter_enqueue_failed_" + items,
                    "Number of " + itemsText + " failed to be added to the sending queue. [Alpha]", unit);
        }
    }
}
