package io.otelier.helper.exporter;

import io.otelier.api.component.ComponentId;
import io.otelier.api.config.ComponentConfig;
import io.otelier.api.config.ConfigException;
import java.util.List;

/**
 * {@code sending_queue}: upstream's {@code exporterhelper.QueueBatchConfig} (v0.165) inside a
 * {@code configoptional.Optional}, whose {@code enabled} pseudo-key switches the whole section off. An
 * exporter whose queue upstream enables by default puts {@link #defaults()} in its default config; one whose
 * queue is off until written keeps the field null there, so that writing {@code sending_queue:} turns it on
 * with {@link #defaults()} (as {@code configoptional.Default} does).
 *
 * <p>Not implemented yet (see {@link ExporterHelper#UNSUPPORTED_KEYS}): {@code batch} (off by default
 * upstream) and {@code storage} (the persistent queue).
 *
 * @param enabled         false drops the queue: requests are sent synchronously by the caller's thread
 * @param numConsumers    threads sending from the queue in parallel
 * @param queueSize       capacity, in units of {@code sizer}; requests being sent still count
 * @param sizer           {@code requests}, {@code items} (spans, data points, log records) or {@code bytes}
 *                        (the OTLP protobuf size)
 * @param blockOnOverflow true: a full queue makes the caller wait for space; false: it refuses the data
 * @param waitForResult   true: the caller waits until its request has been sent and gets its outcome
 * @param storage         the id of a storage extension for a persistent queue; null for the in-memory one
 */
public record QueueSettings(boolean enabled, int numConsumers, long queueSize, String sizer, boolean blockOnOverflow,
        boolean waitForResult, String storage) implements ComponentConfig {

    public static final String SIZER_REQUESTS = "requests";
    public static final String SIZER_ITEMS = "items";
    public static final String SIZER_BYTES = "bytes";
    public static final List<String> SIZERS = List.of(SIZER_REQUESTS, SIZER_ITEMS, SIZER_BYTES);

    public static final boolean DEFAULT_ENABLED = true;
    public static final int DEFAULT_NUM_CONSUMERS = 10;
    public static final long DEFAULT_QUEUE_SIZE = 1_000;
    public static final String DEFAULT_SIZER = SIZER_REQUESTS;
    public static final boolean DEFAULT_BLOCK_ON_OVERFLOW = false;
    public static final boolean DEFAULT_WAIT_FOR_RESULT = false;

    /** A null sizer means the default. */
    public QueueSettings {
        sizer = sizer == null ? DEFAULT_SIZER : sizer;
    }

    /** Upstream's {@code NewDefaultQueueConfig()} (batching aside): 1000 requests, 10 consumers, non-blocking. */
    public static QueueSettings defaults() {
        return new QueueSettings(DEFAULT_ENABLED, DEFAULT_NUM_CONSUMERS, DEFAULT_QUEUE_SIZE, DEFAULT_SIZER,
                DEFAULT_BLOCK_ON_OVERFLOW, DEFAULT_WAIT_FOR_RESULT, null);
    }

    /** The defaults, switched off. */
    public static QueueSettings disabled() {
        return defaults().withEnabled(false);
    }

    public QueueSettings withEnabled(boolean on) {
        return new QueueSettings(on, numConsumers, queueSize, sizer, blockOnOverflow, waitForResult, storage);
    }

    public QueueSettings withNumConsumers(int n) {
        return new QueueSettings(enabled, n, queueSize, sizer, blockOnOverflow, waitForResult, storage);
    }

    public QueueSettings withQueueSize(long size) {
        return new QueueSettings(enabled, numConsumers, size, sizer, blockOnOverflow, waitForResult, storage);
    }

    public QueueSettings withSizer(String name) {
        return new QueueSettings(enabled, numConsumers, queueSize, name, blockOnOverflow, waitForResult, storage);
    }

    public QueueSettings withBlockOnOverflow(boolean block) {
        return new QueueSettings(enabled, numConsumers, queueSize, sizer, block, waitForResult, storage);
    }

    public QueueSettings withWaitForResult(boolean wait) {
        return new QueueSettings(enabled, numConsumers, queueSize, sizer, blockOnOverflow, wait, storage);
    }

    /**
     * Upstream's checks and messages. The sizer and the storage id are checked even when the section is
     * disabled, because upstream rejects them while decoding; the rest only when it is enabled, because
     * upstream does not validate a disabled optional section.
     */
    @Override
    public void validate() throws ConfigException {
        if (!SIZERS.contains(sizer)) {
            throw ConfigException.at("sizer", "invalid sizer: \"" + sizer + "\"");
        }
        if (storage != null) {
            try {
                ComponentId.parse(storage);
            } catch (IllegalArgumentException e) {
                throw ConfigException.at("storage", e.getMessage());
            }
        }
        if (!enabled) {
            return;
        }
        if (numConsumers <= 0) {
            throw ConfigException.at("num_consumers", "`num_consumers` must be positive");
        }
        if (queueSize <= 0) {
            throw ConfigException.at("queue_size", "`queue_size` must be positive");
        }
        if (storage != null && waitForResult) {
            throw ConfigException.at("wait_for_result",
                    "`wait_for_result` is not supported with a persistent queue configured with `storage`");
        }
    }
}
