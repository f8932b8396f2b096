package io.otelier.helper.stanza.internal.op;

import io.otelier.api.telemetry.Logger;
import io.otelier.helper.stanza.Entry;
import io.otelier.helper.stanza.EntrySink;
import java.util.List;
import java.util.function.Function;

/** An operator that hands entries to a sink: a pipeline's end, or an operator's internal output. */
public final class SinkOperator extends Operator {

    private final EntrySink sink;

    public SinkOperator(String id, EntrySink sink, Logger logger) {
        super(id, "sink", logger);
        this.sink = sink;
    }

    @Override
    public void process(Entry entry) {
        sink.accept(entry);
    }

    @Override
    public List<String> outputIds() {
        return List.of();
    }

    @Override
    public void setDefaultOutput(String id) {
    }

    @Override
    public void connect(Function<String, Operator> lookup) {
    }
}
