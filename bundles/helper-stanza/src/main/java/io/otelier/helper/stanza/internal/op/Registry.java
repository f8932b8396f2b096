package io.otelier.helper.stanza.internal.op;

import java.util.Map;
import java.util.TreeMap;

/** The operator types a pipeline can hold, by their {@code type} name. */
public final class Registry {

    /** Builds one operator from its config; must read every key it accepts from {@code conf}. */
    @FunctionalInterface
    public interface Builder {
        Operator build(Writer.Common common, Conf conf);
    }

    private static final Map<String, Builder> BUILDERS = new TreeMap<>();

    static {
        io.otelier.helper.stanza.internal.Operators.registerAll(BUILDERS);
    }

    private Registry() {
    }

    public static Builder lookup(String type) {
        return BUILDERS.get(type);
    }

    public static java.util.Set<String> types() {
        return BUILDERS.keySet();
    }
}
