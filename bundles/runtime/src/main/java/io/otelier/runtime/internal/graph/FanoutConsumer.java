package io.otelier.runtime.internal.graph;

import io.otelier.api.consumer.Consumer;
import io.otelier.api.consumer.ConsumerException;
import io.otelier.api.consumer.PermanentException;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.consumer.RetryableException;
import io.otelier.pdata.Telemetry;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends the same data to several consumers, copying only where a consumer mutates it (upstream's
 * service/internal/fanoutconsumer): every mutating consumer but the last gets a copy; the last gets the
 * original only when no read-only consumer shares it and it is not already read-only; data seen by more
 * than one read-only consumer is marked read-only so that an accidental change fails fast.
 *
 * <p>Every consumer is called even when an earlier one fails; the errors are combined, and the result is
 * permanent when any of them is (retrying cannot help the consumer that refused it permanently).
 */
final class FanoutConsumer<T extends Telemetry> implements Consumer<T> {

    private final List<Consumer<T>> mutating = new ArrayList<>();
    private final List<Consumer<T>> readOnly = new ArrayList<>();

    private FanoutConsumer(List<Consumer<T>> consumers) {
        for (Consumer<T> c : consumers) {
            (c.mutatesData() ? mutating : readOnly).add(c);
        }
    }

    /** A single consumer needs no fan-out: it is returned as is. */
    static <T extends Telemetry> Consumer<T> of(List<Consumer<T>> consumers) {
        if (consumers.isEmpty()) {
            throw new IllegalArgumentException("fan-out needs at least one consumer");
        }
        return consumers.size() == 1 ? consumers.get(0) : new FanoutConsumer<>(consumers);
    }

    @Override
    public void consume(RequestContext context, T data) throws ConsumerException {
        List<ConsumerException> errors = null;
        if (!mutating.isEmpty()) {
            for (int i = 0; i < mutating.size() - 1; i++) {
                errors = call(mutating.get(i), context, copy(data), errors);
            }
            Consumer<T> last = mutating.get(mutating.size() - 1);
            T forLast = readOnly.isEmpty() && !data.isReadOnly() ? data : copy(data);
            errors = call(last, context, forLast, errors);
        }
        if (readOnly.size() > 1 && !data.isReadOnly()) {
            data.markReadOnly();
        }
        for (Consumer<T> c : readOnly) {
            errors = call(c, context, data, errors);
        }
        if (errors != null) {
            throw combine(errors);
        }
    }

    /** The fan-out itself never changes data; it copies before handing it to consumers that do. */
    @Override
    public boolean mutatesData() {
        return false;
    }

    /** Every consumer is called in turn, so the fan-out may wait as soon as one of them may. */
    @Override
    public boolean mayBlock() {
        return anyMayBlock(mutating) || anyMayBlock(readOnly);
    }

    private static <T extends Telemetry> boolean anyMayBlock(List<Consumer<T>> consumers) {
        for (Consumer<T> c : consumers) {
            if (c.mayBlock()) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static <T extends Telemetry> T copy(T data) {
        return (T) data.deepCopy();
    }

    private static <T extends Telemetry> List<ConsumerException> call(Consumer<T> consumer, RequestContext context,
            T data, List<ConsumerException> errors) {
        try {
            consumer.consume(context, data);
        } catch (ConsumerException e) {
            errors = errors == null ? new ArrayList<>(2) : errors;
            errors.add(e);
        } catch (RuntimeException e) {
            // a component bug must not stop the other branches; the caller sees it as retryable
            errors = errors == null ? new ArrayList<>(2) : errors;
            errors.add(new RetryableException("consumer failed: " + e, e));
        }
        return errors;
    }

    static ConsumerException combine(List<ConsumerException> errors) {
        if (errors.size() == 1) {
            return errors.get(0);
        }
        StringBuilder message = new StringBuilder();
        boolean permanent = false;
        for (ConsumerException e : errors) {
            if (message.length() > 0) {
                message.append("; ");
            }
            message.append(e.getMessage());
            permanent |= e.isPermanent();
        }
        ConsumerException combined = permanent
                ? new PermanentException(message.toString(), errors.get(0))
                : new RetryableException(message.toString(), errors.get(0));
        for (int i = 1; i < errors.size(); i++) {
            combined.addSuppressed(errors.get(i));
        }
        return combined;
    }
}
