package io.otelier.helper.stanza.internal.op;

import io.otelier.api.telemetry.Logger;
import io.otelier.helper.stanza.Entry;
import java.util.List;

/**
 * An operator in a stanza pipeline (upstream {@code operator.Operator}). {@link #process} never throws for
 * bad data: problems follow the operator's {@code on_error}. Operators are shared by concurrent callers.
 */
public abstract class Operator {

    private final String id;
    private final String type;
    protected final Logger logger;

    protected Operator(String id, String type, Logger logger) {
        this.id = id;
        this.type = type;
        this.logger = logger.with("operator_id", id, "operator_type", type);
    }

    public final String id() {
        return id;
    }

    public final String type() {
        return type;
    }

    /** Handles one entry: transforms it and passes it on, or drops it. */
    public abstract void process(Entry entry);

    /** The ids this operator sends to, as configured (empty: not yet wired). */
    public abstract List<String> outputIds();

    /** Wires the default output (the next operator, or the pipeline's end) when none was configured. */
    public abstract void setDefaultOutput(String id);

    /** Resolves output ids to operators. */
    public abstract void connect(java.util.function.Function<String, Operator> lookup);

    public void start() {
    }

    public void stop() {
    }
}
