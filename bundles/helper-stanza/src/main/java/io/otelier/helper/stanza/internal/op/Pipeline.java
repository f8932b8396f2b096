package io.otelier.helper.stanza.internal.op;

import io.otelier.api.config.ConfigException;
import io.otelier.api.telemetry.Logger;
import io.otelier.helper.stanza.Entry;
import io.otelier.helper.stanza.EntrySink;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds and runs the operator graph (upstream {@code pipeline.Config} and {@code DirectedPipeline}). */
public final class Pipeline {

    /** The id of the pipeline's end, where entries leave towards the receiver's emitter. */
    public static final String END_ID = "$end";

    /** Operator types upstream's stanza receivers register that we do not implement. */
    private static final Set<String> NOT_YET_SUPPORTED =
            Set.of("json_array_parser", "sanitize_utf8", "otelcol", "stdout", "file_output", "file_input");

    private final List<Operator> operators;
    private final Operator first;

    private final Logger logger;

    private Pipeline(List<Operator> operators, Operator first, Logger logger) {
        this.operators = operators;
        this.first = first;
        this.logger = logger;
    }

    public static Pipeline build(List<Map<String, Object>> raw, Logger logger, EntrySink sink) {
        List<Map<String, Object>> configs = raw == null ? List.of() : raw;
        List<String> types = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            Map<String, Object> config = configs.get(i);
            String path = "operators::" + i;
            if (config == null) {
                throw ConfigException.at(path, "missing required field 'type'");
            }
            Object type = config.get("type");
            if (type == null) {
                throw ConfigException.at(path, "missing required field 'type'");
            }
            if (!(type instanceof String typeName)) {
                throw ConfigException.at(path + "::type", "non-string type for field 'type'");
            }
            if (NOT_YET_SUPPORTED.contains(typeName)) {
                throw ConfigException.at(path + "::type", "operator type '" + typeName
                        + "' is not supported by this distribution yet");
            }
            if (Registry.lookup(typeName) == null) {
                throw ConfigException.at(path + "::type", "unsupported type '" + typeName + "'");
            }
            Object id = config.get("id");
            if (id != null && !(id instanceof String)) {
                throw ConfigException.at(path + "::id", "expected a string");
            }
            types.add(typeName);
            ids.add(id == null || ((String) id).isEmpty() ? typeName : (String) id);
        }
        deduplicate(types, ids);

        List<Operator> ops = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            Conf conf = new Conf(configs.get(i), "operators::" + i);
            conf.setOperator(ids.get(i));
            Writer.Common common = Writer.Common.read(conf, ids.get(i), types.get(i), logger);
            Operator op = Registry.lookup(types.get(i)).build(common, conf);
            conf.finish();
            ops.add(op);
        }
        Map<String, Operator> byId = new LinkedHashMap<>();
        for (Operator op : ops) {
            if (byId.put(op.id(), op) != null) {
                throw ConfigException.at("operators", "operator with id '" + op.id()
                        + "' already exists in pipeline: ensure that each operator has a unique `type` or `id`");
            }
        }
        Operator end = new SinkOperator(END_ID, sink, logger);
        for (int i = 0; i < ops.size(); i++) {
            ops.get(i).setDefaultOutput(i + 1 < ops.size() ? ops.get(i + 1).id() : END_ID);
        }
        byId.put(END_ID, end);
        for (int i = 0; i < ops.size(); i++) {
            Operator op = ops.get(i);
            for (String out : op.outputIds()) {
                if (!byId.containsKey(out)) {
                    throw ConfigException.at("operators::" + i + "::output", "operators cannot be connected, because "
                            + "the output does not exist in the pipeline (input_operator: " + op.id()
                            + ", output_operator: " + out + ")");
                }
            }
            op.connect(byId::get);
        }
        checkAcyclic(ops, byId);
        return new Pipeline(ops, ops.isEmpty() ? end : ops.get(0), logger);
    }

    /** Upstream's dedeplucateIDs: repeated default ids become type1, type2, … skipping taken ids. */
    static void deduplicate(List<String> types, List<String> ids) {
        Map<String, Integer> typeCount = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            String type = types.get(i);
            if (!type.equals(ids.get(i))) {
                continue;
            }
            int count = typeCount.getOrDefault(type, 0);
            if (count == 0) {
                typeCount.put(type, 1);
                continue;
            }
            String newId = type + count;
            for (int j = 0; j < ids.size(); j++) {
                if (newId.equals(ids.get(j))) {
                    j = 0;
                    count++;
                    newId = type + count;
                }
            }
            typeCount.put(type, count + 1);
            ids.set(i, newId);
        }
    }

    private static void checkAcyclic(List<Operator> ops, Map<String, Operator> byId) {
        Map<String, Integer> state = new HashMap<>();
        for (Operator op : ops) {
            Deque<String> path = new ArrayDeque<>();
            if (cycleFrom(op.id(), byId, state, path)) {
                List<String> cycle = new ArrayList<>(path);
                throw ConfigException.at("operators", "pipeline has a circular dependency: ensure that all operators "
                        + "are connected in a straight, acyclic line (cycles: (" + String.join(" -> ", cycle) + "))");
            }
        }
    }

    private static boolean cycleFrom(String id, Map<String, Operator> byId, Map<String, Integer> state,
            Deque<String> path) {
        Integer s = state.get(id);
        if (s != null && s == 2) {
            return false;
        }
        path.addLast(id);
        if (s != null && s == 1) {
            return true;
        }
        state.put(id, 1);
        Operator op = byId.get(id);
        Set<String> outs = new HashSet<>(op.outputIds());
        for (String out : outs) {
            if (cycleFrom(out, byId, state, path)) {
                return true;
            }
        }
        state.put(id, 2);
        path.removeLast();
        return false;
    }

    /** Never throws for an entry: an unexpected failure drops it with an error log (a bug, not bad data). */
    public void process(Entry entry) {
        try {
            first.process(entry);
        } catch (RuntimeException e) {
            logger.error("Failed to process entry", e, "error", String.valueOf(e.getMessage()), "action", "drop");
        }
    }

    public List<String> operatorIds() {
        return operators.stream().map(Operator::id).toList();
    }

    /** Starts downstream operators first, so nothing is sent to an operator that is not running. */
    public void start() {
        for (int i = operators.size() - 1; i >= 0; i--) {
            operators.get(i).start();
        }
    }

    /** Stops upstream operators first, so what they flush on stop still reaches running operators. */
    public void stop() {
        for (Operator op : operators) {
            op.stop();
        }
    }
}
