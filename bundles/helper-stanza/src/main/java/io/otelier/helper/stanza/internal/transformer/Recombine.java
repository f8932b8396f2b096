package io.otelier.helper.stanza.internal.transformer;

import io.otelier.helper.stanza.Entry;
import io.otelier.helper.stanza.Field;
import io.otelier.helper.stanza.internal.expr.ExprException;
import io.otelier.helper.stanza.internal.expr.Expression;
import io.otelier.helper.stanza.internal.op.Conf;
import io.otelier.helper.stanza.internal.op.Expressions;
import io.otelier.helper.stanza.internal.op.Transformer;
import io.otelier.helper.stanza.internal.op.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * recombine: joins consecutive entries of one source into one (upstream transformer/recombine), delimited
 * by {@code is_first_entry} or {@code is_last_entry}; batches are flushed by size, by
 * {@code force_flush_period} and on stop.
 */
public final class Recombine extends Transformer {

    static final String DEFAULT_SOURCE_IDENTIFIER = "DefaultSourceIdentifier";

    private static final class Batch {
        Entry base;
        int numEntries;
        final StringBuilder recombined = new StringBuilder();
        long recombinedBytes;
        long firstObserved;
        boolean matchDetected;
    }

    private final boolean matchFirstLine;
    private final Expression expression;
    private final int maxBatchSize;
    private final int maxUnmatchedBatchSize;
    private final int maxSources;
    private final boolean overwriteWithNewest;
    private final Field combineField;
    private final String combineWith;
    private final Field sourceIdentifier;
    private final Duration forceFlushPeriod;
    private final long maxLogSize;
    private final Map<String, Batch> batches = new LinkedHashMap<>();
    private ScheduledExecutorService timer;

    public Recombine(Writer.Common common, Conf conf) {
        super(common, conf);
        String first = conf.string("is_first_entry", "");
        String last = conf.string("is_last_entry", "");
        this.maxBatchSize = (int) conf.integer("max_batch_size", 1000);
        this.maxUnmatchedBatchSize = (int) conf.integer("max_unmatched_batch_size", 100);
        this.maxSources = (int) conf.integer("max_sources", 1000);
        this.combineField = conf.field("combine_field", null);
        this.combineWith = conf.string("combine_with", "\n");
        this.sourceIdentifier = conf.field("source_identifier", Field.attribute("log.file.path"));
        String overwrite = conf.string("overwrite_with", "oldest");
        this.forceFlushPeriod = conf.duration("force_flush_period", Duration.ofSeconds(5));
        this.maxLogSize = conf.byteSize("max_log_size", 0);
        if (!last.isEmpty() && !first.isEmpty()) {
            throw conf.fail("is_first_entry", "only one of is_first_entry and is_last_entry can be set");
        }
        if (last.isEmpty() && first.isEmpty()) {
            throw conf.fail("is_first_entry", "one of is_first_entry and is_last_entry must be set");
        }
        this.matchFirstLine = !first.isEmpty();
        this.expression = matchFirstLine ? Expressions.compileBool(conf, "is_first_entry", first)
                : Expressions.compileBool(conf, "is_last_entry", last);
        if (combineField == null) {
            throw conf.fail("combine_field", "missing required argument 'combine_field'");
        }
        switch (overwrite) {
            case "newest" -> overwriteWithNewest = true;
            case "oldest", "" -> overwriteWithNewest = false;
            default -> throw conf.fail("overwrite_with", "invalid value '" + overwrite
                    + "' for parameter 'overwrite_with'");
        }
        if (forceFlushPeriod.isZero() || forceFlushPeriod.isNegative()) {
            throw conf.fail("force_flush_period", "non-positive interval for NewTicker");
        }
        if (maxBatchSize == 0 && maxLogSize == 0) {
            logger.warn("Both 'max_batch_size' and 'max_log_size' are set to 0. This will allow unlimited batching "
                    + "with no size constraints, which may lead to excessive memory usage.");
        }
    }

    @Override
    public synchronized void start() {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "stanza-recombine-" + id());
            t.setDaemon(true);
            return t;
        });
        long period = forceFlushPeriod.toNanos();
        timer.scheduleWithFixedDelay(this::flushExpired, period, Math.max(1, period / 5), TimeUnit.NANOSECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService t;
        synchronized (this) {
            t = timer;
            timer = null;
            flushAll();
        }
        if (t != null) {
            t.shutdownNow();
        }
    }

    private synchronized void flushExpired() {
        long now = Entry.nowNanos();
        for (String source : new ArrayList<>(batches.keySet())) {
            Batch b = batches.get(source);
            if (now - b.firstObserved >= forceFlushPeriod.toNanos()) {
                flush(source);
            }
        }
    }

    @Override
    public void process(Entry entry) {
        try {
            if (skip(entry)) {
                write(entry);
                return;
            }
        } catch (ExprException e) {
            handleError(entry, e);
            return;
        }
        synchronized (this) {
            boolean matches;
            try {
                matches = expression.test(entry);
            } catch (ExprException e) {
                handleError(entry, e);
                return;
            }
            Object sourceValue = sourceIdentifier.get(entry);
            String source;
            if (sourceValue instanceof String s) {
                source = s;
            } else if (sourceValue instanceof byte[] b) {
                source = new String(b, StandardCharsets.UTF_8);
            } else {
                logger.warn("entry does not contain the source_identifier, so it may be pooled with other sources");
                source = DEFAULT_SOURCE_IDENTIFIER;
            }
            if (source.isEmpty()) {
                source = DEFAULT_SOURCE_IDENTIFIER;
            }
            if (matches && matchFirstLine) {
                flush(source);
                add(entry, source, true);
            } else if (matches) {
                add(entry, source, true);
                flush(source);
            } else {
                add(entry, source, false);
            }
        }
    }

    private void add(Entry entry, String source, boolean matches) {
        Batch batch = batches.get(source);
        if (batch == null) {
            if (batches.size() >= maxSources) {
                logger.error("Too many sources. Flushing all batched logs. Consider increasing max_sources parameter",
                        null);
                flushAll();
            }
            batch = new Batch();
            batch.base = entry;
            batch.numEntries = 1;
            batch.firstObserved = entry.observedTimestamp();
            batches.put(source, batch);
        } else {
            batch.numEntries++;
            if (overwriteWithNewest) {
                batch.base = entry;
            }
        }
        if (matches) {
            batch.matchDetected = true;
        }
        Object value = combineField.get(entry);
        String text;
        if (value instanceof String s && combineField.has(entry)) {
            text = s;
        } else if (value instanceof byte[] b) {
            text = new String(b, StandardCharsets.UTF_8);
        } else {
            logger.error("entry does not contain the combine_field", null);
            return;
        }
        if (batch.recombined.length() > 0) {
            batch.recombined.append(combineWith);
            batch.recombinedBytes += utf8Length(combineWith);
        }
        batch.recombined.append(text);
        batch.recombinedBytes += utf8Length(text);
        if ((maxLogSize > 0 && batch.recombinedBytes > maxLogSize)
                || (maxBatchSize > 0 && batch.numEntries >= maxBatchSize)
                || (!batch.matchDetected && maxUnmatchedBatchSize > 0 && batch.numEntries >= maxUnmatchedBatchSize)) {
            flush(source);
        }
    }

    private static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    private void flushAll() {
        for (String source : new ArrayList<>(batches.keySet())) {
            flush(source);
        }
    }

    private void flush(String source) {
        Batch batch = batches.remove(source);
        if (batch == null || batch.base == null) {
            return;
        }
        combineField.set(batch.base, batch.recombined.toString());
        write(batch.base);
    }
}
