package io.otelier.processor.batch.internal;

import io.otelier.api.config.ComponentConfig;
import io.otelier.api.config.ConfigException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code batch} processor's config (upstream processor/batchprocessor.Config). Sizes count spans, metric
 * data points or log records. Validation messages are upstream's.
 *
 * @param timeout                  how long items may wait for a batch to fill; 0 sends immediately
 * @param sendBatchSize            the item count that triggers a send; 0 sends immediately
 * @param sendBatchMaxSize         the most items in one batch; 0 means no limit
 * @param metadataKeys             client metadata keys (case-insensitive) whose values select a separate batcher
 * @param metadataCardinalityLimit the most batchers {@code metadataKeys} may create; 0 means no limit
 */
public record BatchConfig(
        Duration timeout,
        long sendBatchSize,
        long sendBatchMaxSize,
        List<String> metadataKeys,
        long metadataCardinalityLimit) implements ComponentConfig {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(200);
    public static final long DEFAULT_SEND_BATCH_SIZE = 8192;
    public static final long DEFAULT_SEND_BATCH_MAX_SIZE = 0;
    public static final long DEFAULT_METADATA_CARDINALITY_LIMIT = 1000;

    /** uint32 in upstream's config. */
    private static final long UINT32_MAX = 0xFFFF_FFFFL;

    public BatchConfig {
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        metadataKeys = metadataKeys == null ? List.of() : List.copyOf(metadataKeys);
    }

    public static BatchConfig defaults() {
        return new BatchConfig(DEFAULT_TIMEOUT, DEFAULT_SEND_BATCH_SIZE, DEFAULT_SEND_BATCH_MAX_SIZE, List.of(),
                DEFAULT_METADATA_CARDINALITY_LIMIT);
    }

    @Override
    public void validate() throws ConfigException {
        checkUint32("send_batch_size", sendBatchSize);
        checkUint32("send_batch_max_size", sendBatchMaxSize);
        checkUint32("metadata_cardinality_limit", metadataCardinalityLimit);
        if (sendBatchMaxSize > 0 && sendBatchMaxSize < sendBatchSize) {
            throw ConfigException.of("send_batch_max_size must be greater or equal to send_batch_size");
        }
        Set<String> seen = new HashSet<>();
        for (String key : metadataKeys) {
            String lower = key.toLowerCase(Locale.ROOT);
            if (!seen.add(lower)) {
                throw ConfigException.of("duplicate entry in metadata_keys: \"" + lower + "\" (case-insensitive)");
            }
        }
        if (timeout.isNegative()) {
            throw ConfigException.of("timeout must be greater or equal to 0");
        }
    }

    /** Upstream's decoder rejects values that do not fit its uint32 fields with this wording. */
    private static void checkUint32(String field, long value) {
        if (value < 0 || value > UINT32_MAX) {
            throw ConfigException.at(field, "cannot parse value as 'uint32': " + value + " overflows uint");
        }
    }
}
