package io.otelier.helper.stanza.internal.op;

import io.otelier.api.config.ConfigException;
import io.otelier.api.telemetry.Logger;
import io.otelier.helper.stanza.Entry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** An operator with {@code output} ids (upstream {@code helper.WriterOperator}). */
public abstract class Writer extends Operator {

    private List<String> outputIds;
    private Operator[] outputs = new Operator[0];

    protected Writer(Common common) {
        super(common.id(), common.type(), common.logger());
        this.outputIds = common.outputs();
    }

    @Override
    public List<String> outputIds() {
        return outputIds;
    }

    @Override
    public void setDefaultOutput(String id) {
        if (outputIds.isEmpty()) {
            outputIds = List.of(id);
        }
    }

    @Override
    public void connect(Function<String, Operator> lookup) {
        List<Operator> resolved = new ArrayList<>();
        for (String id : outputIds) {
            Operator op = lookup.apply(id);
            if (op == null) {
                throw ConfigException.of("operator '" + id + "' does not exist (operator_id: " + id() + ")");
            }
            resolved.add(op);
        }
        outputs = resolved.toArray(new Operator[0]);
    }

    /** Passes the entry on; every output but the last gets its own copy. */
    protected void write(Entry entry) {
        Operator[] targets = outputs;
        for (int i = 0; i < targets.length; i++) {
            targets[i].process(i == targets.length - 1 ? entry : entry.copy());
        }
    }

    /** Parts every operator config shares. */
    public record Common(String id, String type, List<String> outputs, Logger logger) {
        public static Common read(Conf conf, String id, String type, Logger logger) {
            conf.raw("type");
            conf.raw("id");
            List<String> outputs = conf.strings("output");
            return new Common(id, type, outputs == null ? List.of() : List.copyOf(outputs), logger);
        }
    }
}
