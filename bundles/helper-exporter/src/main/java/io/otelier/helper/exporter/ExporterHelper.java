package io.otelier.helper.exporter;

import io.otelier.api.component.CreateSettings;
import io.otelier.api.component.Signal;
import io.otelier.api.config.ConfigException;
import io.otelier.helper.exporter.internal.RetryClock;
import io.otelier.pdata.Telemetry;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.ToLongFunction;

/**
 * Builds {@link HelpedExporter}s: an exporter's {@link Sender} behind upstream's exporterhelper chain
 * (v0.165), in this order:
 * <ol>
 * <li>sending queue ({@code sending_queue}, when enabled): bounded, {@code num_consumers} threads;</li>
 * <li>send accounting: {@code otelcol_exporter_sent_*} / {@code send_failed_*} after retries;</li>
 * <li>retry ({@code retry_on_failure}, when enabled): exponential backoff with jitter;</li>
 * <li>timeout ({@code timeout}, unless 0): the time each attempt may take;</li>
 * <li>the sender.</li>
 * </ol>
 * Without a queue, {@code consume} runs the chain on the caller's thread and returns its outcome.
 *
 * <p>An exporter config carries {@code sending_queue} ({@link QueueSettings}), {@code retry_on_failure}
 * ({@link RetrySettings}) and a top-level {@code timeout} (a {@code Duration}, see {@link TimeoutSettings}),
 * validates them with {@link #validate}, and lists {@link #UNSUPPORTED_KEYS} among its factory's unsupported
 * keys ({@link HelpedExporterFactory} does that).
 */
public final class ExporterHelper {

    public static final String SENDING_QUEUE = "sending_queue";
    public static final String RETRY_ON_FAILURE = "retry_on_failure";

    /**
     * Keys of upstream's exporterhelper config that are recognised but not implemented yet, relative to the
     * exporter's config: queue batching ({@code sending_queue::batch}: off by default upstream, where it is an
     * alpha feature gate away from being on) and the persistent queue ({@code sending_queue::storage}).
     */
    public static final Set<String> UNSUPPORTED_KEYS = Set.of(SENDING_QUEUE + "::batch", SENDING_QUEUE + "::storage");

    static final String REJECTING = "Exporting failed. Rejecting data.";
    static final String HINT_RETRY = " Try enabling retry_on_failure config option to retry on retryable errors.";
    static final String HINT_QUEUE = " Try enabling sending_queue to survive temporary failures.";

    private ExporterHelper() {
    }

    /**
     * The helped exporter with upstream's defaults for everything not given.
     *
     * @param queue   null or disabled: no queue
     * @param retry   null or disabled: no retries
     * @param timeout the per-attempt timeout
     */
    public static <T extends Telemetry> HelpedExporter<T> create(CreateSettings settings, Signal signal,
            QueueSettings queue, RetrySettings retry, TimeoutSettings timeout, Sender<T> sender) {
        return builder(settings, signal, sender).queue(queue).retry(retry).timeout(timeout).build();
    }

    /** A builder starting like upstream's NewBaseExporter: no queue, no retries, a 5s timeout. */
    public static <T extends Telemetry> Builder<T> builder(CreateSettings settings, Signal signal, Sender<T> sender) {
        return new Builder<>(settings, signal, sender);
    }

    /**
     * Validates the three sections as parts of an exporter's config, with paths relative to it
     * ({@code timeout}, {@code sending_queue::…}, {@code retry_on_failure::…}).
     *
     * @param queue null when the exporter's queue section is absent (off)
     */
    public static void validate(TimeoutSettings timeout, QueueSettings queue, RetrySettings retry)
            throws ConfigException {
        if (timeout != null) {
            timeout.validate();
        }
        if (queue != null) {
            try {
                queue.validate();
            } catch (ConfigException e) {
                throw e.under(SENDING_QUEUE);
            }
        }
        if (retry != null) {
            try {
                retry.validate();
            } catch (ConfigException e) {
                throw e.under(RETRY_ON_FAILURE);
            }
        }
    }

    /** Options beyond the three config sections. */
    public static final class Builder<T extends Telemetry> {

        final CreateSettings settings;
        final Signal signal;
        final Sender<T> sender;
        QueueSettings queue = QueueSettings.disabled();
        RetrySettings retry = RetrySettings.disabled();
        TimeoutSettings timeout = TimeoutSettings.defaults();
        ToLongFunction<? super T> bytesSizer;
        QueueHandoff handoff = QueueHandoff.shared();
        RetryClock clock = RetryClock.SYSTEM;
        DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

        private Builder(CreateSettings settings, Signal signal, Sender<T> sender) {
            this.settings = Objects.requireNonNull(settings, "settings");
            this.signal = Objects.requireNonNull(signal, "signal");
            this.sender = Objects.requireNonNull(sender, "sender");
        }

        /** {@code sending_queue}; null means disabled. */
        public Builder<T> queue(QueueSettings settings) {
            this.queue = settings == null ? QueueSettings.disabled() : settings;
            return this;
        }

        /** {@code retry_on_failure}; null means disabled. */
        public Builder<T> retry(RetrySettings settings) {
            this.retry = settings == null ? RetrySettings.disabled() : settings;
            return this;
        }

        public Builder<T> timeout(TimeoutSettings settings) {
            this.timeout = Objects.requireNonNull(settings, "timeout");
            return this;
        }

        /** How many bytes a request weighs under {@code sizer: bytes} (its OTLP protobuf size). */
        public Builder<T> bytesSizer(ToLongFunction<? super T> sizer) {
            this.bytesSizer = sizer;
            return this;
        }

        /** Where the queue is handed over on a hot swap; {@link QueueHandoff#shared()} by default. */
        public Builder<T> handoff(QueueHandoff registry) {
            this.handoff = Objects.requireNonNull(registry, "handoff");
            return this;
        }

        /** For tests: the retry stage's clock and jitter source. */
        Builder<T> clock(RetryClock retryClock, DoubleSupplier jitter) {
            this.clock = retryClock;
            this.random = jitter;
            return this;
        }

        /**
         * @throws ConfigException          when a section is invalid (the runtime validates configs earlier)
         * @throws IllegalArgumentException for a persistent queue ({@code storage}), not available yet, or
         *                                  {@code sizer: bytes} without {@link #bytesSizer}
         */
        public HelpedExporter<T> build() {
            validate(timeout, queue, retry);
            if (queue.enabled() && queue.storage() != null) {
                throw new IllegalArgumentException(
                        "`" + SENDING_QUEUE + "::storage` is not supported by this distribution yet");
            }
            return new DefaultHelpedExporter<>(this);
        }
    }
}
