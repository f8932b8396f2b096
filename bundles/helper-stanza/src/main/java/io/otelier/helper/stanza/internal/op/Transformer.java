package io.otelier.helper.stanza.internal.op;

import io.otelier.api.telemetry.Level;
import io.otelier.helper.stanza.Entry;
import io.otelier.helper.stanza.internal.expr.ExprException;
import io.otelier.helper.stanza.internal.expr.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** An operator with {@code on_error} and {@code if} (upstream {@code helper.TransformerOperator}). */
public abstract class Transformer extends Writer {

    /** Error lines an operator may log per second; the rest are counted and summarised. */
    private static final int ERROR_LOGS_PER_SECOND = 10;

    protected final OnError onError;
    private final Expression ifExpr;
    private final AtomicLong windowStart = new AtomicLong();
    private final AtomicLong inWindow = new AtomicLong();
    private final AtomicLong suppressed = new AtomicLong();

    protected Transformer(Common common, Conf conf) {
        super(common);
        this.onError = OnError.read(conf);
        this.ifExpr = compileIf(conf);
    }

    private static Expression compileIf(Conf conf) {
        String source = conf.string("if", "");
        if (source.isEmpty()) {
            return null;
        }
        return Expressions.compileBool(conf, "if", source);
    }

    /** Whether {@code if} says to leave this entry alone (an {@code if} that fails is an entry error). */
    protected final boolean skip(Entry entry) throws ExprException {
        if (ifExpr == null) {
            return false;
        }
        try {
            return !ifExpr.test(entry);
        } catch (ExprException e) {
            throw new ExprException("running if expr: " + e.getMessage());
        }
    }

    /** The usual flow: skip per {@code if}, transform, pass on; a failure follows {@code on_error}. */
    protected final void processWith(Entry entry, Transform transform) {
        try {
            if (!skip(entry)) {
                transform.apply(entry);
            }
        } catch (Exception e) {
            handleError(entry, e);
            return;
        }
        write(entry);
    }

    /** Logs the failure (error level, or debug when quiet) and sends or drops the entry. */
    protected final void handleError(Entry entry, Exception error) {
        logFailure(entry, error);
        if (onError.sends()) {
            write(entry);
        }
    }

    protected final void logFailure(Entry entry, Exception error) {
        String message = error.getMessage() == null ? error.toString() : error.getMessage();
        List<Object> fields = new ArrayList<>();
        fields.add("error");
        fields.add(message);
        fields.add("action");
        fields.add(onError.configName());
        fields.add("entry.timestamp");
        fields.add(entry.timestamp());
        if (entry.attributes() != null) {
            entry.attributes().forEach((k, v) -> {
                fields.add(k);
                fields.add(v);
            });
        }
        if (onError.quiet()) {
            if (logger.isEnabled(Level.DEBUG)) {
                logger.debug("Failed to process entry", fields.toArray());
            }
            return;
        }
        if (allowErrorLog()) {
            long dropped = suppressed.getAndSet(0);
            if (dropped > 0) {
                fields.add("similar_errors_suppressed");
                fields.add(dropped);
            }
            logger.error("Failed to process entry", null, fields.toArray());
        } else {
            suppressed.incrementAndGet();
        }
    }

    private boolean allowErrorLog() {
        long second = System.nanoTime() / 1_000_000_000L;
        if (windowStart.getAndSet(second) != second) {
            inWindow.set(0);
        }
        return inWindow.incrementAndGet() <= ERROR_LOGS_PER_SECOND;
    }

    @Override
    public void process(Entry entry) {
        processWith(entry, this::transform);
    }

    /** The transformation; throwing means the entry failed. */
    protected void transform(Entry entry) throws Exception {
    }

    @FunctionalInterface
    public interface Transform {
        void apply(Entry entry) throws Exception;
    }
}
