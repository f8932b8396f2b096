package io.otelier.processor.batch.internal;

import java.time.Duration;

/** A validated config in the form the shards use: item counts as ints (a batch never holds more). */
record BatchSettings(int sendBatchSize, int sendBatchMaxSize, Duration timeout) {

    static BatchSettings of(BatchConfig config) {
        return new BatchSettings(clamp(config.sendBatchSize()), clamp(config.sendBatchMaxSize()), config.timeout());
    }

    private static int clamp(long items) {
        return (int) Math.min(items, Integer.MAX_VALUE);
    }
}
