package io.otelier.processor.batch.internal;

import io.otelier.api.component.ComponentId;
import io.otelier.api.component.CreateSettings;
import io.otelier.api.component.Signal;
import io.otelier.api.consumer.Consumer;
import io.otelier.api.consumer.ConsumerException;
import io.otelier.api.consumer.PermanentException;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.consumer.RetryableException;
import io.otelier.api.processor.Processor;
import io.otelier.api.telemetry.Level;
import io.otelier.api.telemetry.Logger;
import io.otelier.pdata.Telemetry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code batch} processor for one signal (upstream processor/batchprocessor, its default implementation).
 * Received data is taken over (moved, or copied when read-only) into a {@link Shard}, and accepted at once;
 * each shard's thread sends batches to the next consumer. The next consumer's errors cannot reach the
 * original sender any more, so they are logged and the batch is dropped, as upstream does.
 *
 * <p>Without {@code metadata_keys} there is one shard. With them, one shard per distinct combination of those
 * keys' values in the request context, each sending with a context carrying just those values; at most
 * {@code metadata_cardinality_limit} combinations, beyond which data is refused with a permanent error.
 */
final class BatchProcessor<T extends Telemetry> implements Processor<T> {

    /** Upstream's errTooManyBatchers text. */
    static final String TOO_MANY_BATCHERS = "too many batcher metadata-value combinations";

    private final BatchSettings settings;
    private final SignalShape<T> shape;
    private final Consumer<T> next;
    private final Logger log;
    private final BatchTelemetry telemetry;
    private final String threadPrefix;
    /** Lower-cased and sorted, like upstream, so the order in the config does not matter. */
    private final List<String> metadataKeys;
    private final long cardinalityLimit;
    private final Map<List<List<String>>, Shard<T>> shards = new ConcurrentHashMap<>();
    private final Object shardsLock = new Object();
    private boolean shutDown;

    BatchProcessor(CreateSettings create, BatchConfig config, Consumer<T> next, SignalShape<T> shape, Signal signal) {
        this.settings = BatchSettings.of(config);
        this.shape = shape;
        this.next = next;
        this.log = create.telemetry().logger();
        ComponentId id = create.id();
        this.threadPrefix = "otelier-batch-" + id + "-" + signal.id() + "-";
        this.metadataKeys = config.metadataKeys().stream().map(k -> k.toLowerCase(Locale.ROOT)).sorted().toList();
        this.cardinalityLimit = config.metadataCardinalityLimit();
        this.telemetry = BatchTelemetry.create(create.telemetry().meter(), create.telemetry().metricsLevel(), id,
                () -> metadataKeys.isEmpty() ? 1 : shards.size());
    }

    @Override
    public void consume(RequestContext context, T data) throws ConsumerException {
        int items = data.itemCount();
        if (items == 0) {
            // nothing to batch; upstream drops such requests the same way
            return;
        }
        Shard<T> shard = shardFor(context);
        T owned = shape.takeOwnership(data);
        boolean added;
        try {
            added = shard != null && shard.add(owned, items);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (!data.isReadOnly()) {
                shape.moveAll(owned, data); // give the data back untouched, so the sender can retry it
            }
            throw new RetryableException("interrupted while waiting for the batch processor", e);
        }
        if (!added) {
            // shut down already: nothing will batch this any more, so pass it on at once
            RequestContext sendContext = shard != null ? shard.context() : exportContext(metadataValues(context));
            sendNow(sendContext, owned, items);
        }
    }

    @Override
    public boolean mutatesData() {
        return false;
    }

    /**
     * A caller waits only while a full batch is being handed to the next consumer by the shard's thread, so
     * this may wait exactly when that one may.
     */
    @Override
    public boolean mayBlock() {
        return next.mayBlock();
    }

    /** Sends everything pending and stops every shard's thread. */
    @Override
    public void shutdown() throws Exception {
        synchronized (shardsLock) {
            shutDown = true;
        }
        for (Shard<T> shard : shards.values()) {
            shard.close();
        }
        telemetry.close();
    }

    /** The shard for this context's metadata values, created on first use; null once shut down. */
    private Shard<T> shardFor(RequestContext context) throws PermanentException {
        List<List<String>> values = metadataValues(context);
        Shard<T> shard = shards.get(values);
        if (shard != null) {
            return shard;
        }
        synchronized (shardsLock) {
            shard = shards.get(values);
            if (shard != null || shutDown) {
                return shard;
            }
            if (!metadataKeys.isEmpty() && cardinalityLimit != 0 && shards.size() >= cardinalityLimit) {
                throw new PermanentException(TOO_MANY_BATCHERS);
            }
            shard = Shard.start(settings, shape, exportContext(values), this::send, threadPrefix + shards.size());
            shards.put(values, shard);
            return shard;
        }
    }

    /** The values of each metadata key, in key order; absent and empty are different combinations. */
    private List<List<String>> metadataValues(RequestContext context) {
        List<List<String>> values = new ArrayList<>(metadataKeys.size());
        for (String key : metadataKeys) {
            values.add(context.metadata(key));
        }
        return values;
    }

    private RequestContext exportContext(List<List<String>> values) {
        if (metadataKeys.isEmpty()) {
            return RequestContext.EMPTY;
        }
        Map<String, List<String>> metadata = new LinkedHashMap<>();
        for (int i = 0; i < metadataKeys.size(); i++) {
            if (!values.get(i).isEmpty()) {
                metadata.put(metadataKeys.get(i), values.get(i));
            }
        }
        return RequestContext.EMPTY.withMetadata(metadata);
    }

    private void sendNow(RequestContext context, T owned, int items) {
        PendingBatch<T> batches = new PendingBatch<>(shape);
        batches.add(owned, items);
        while (batches.itemCount() > 0) {
            int before = batches.itemCount();
            T batch = batches.take(settings.sendBatchMaxSize());
            send(context, batch, before - batches.itemCount(), Shard.Trigger.SIZE);
        }
    }

    /** Exports one batch; the sender was answered long ago, so a failure can only be logged. */
    private void send(RequestContext context, T batch, int items, Shard.Trigger trigger) {
        try {
            next.consume(context, batch);
            telemetry.sent(trigger);
        } catch (ConsumerException | RuntimeException e) {
            log.log(Level.WARN, "Sender failed", e, "items", items);
        }
    }
}
