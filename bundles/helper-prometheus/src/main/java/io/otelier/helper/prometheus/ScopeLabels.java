package io.otelier.helper.prometheus;

import io.otelier.pdata.common.InstrumentationScope;
import java.util.List;
import java.util.Map;

/** The {@code otel_scope_*} labels of an instrumentation scope. */
public final class ScopeLabels {

    public static final String NAME = "otel_scope_name";
    public static final String VERSION = "otel_scope_version";
    public static final String SCHEMA_URL = "otel_scope_schema_url";
    /** Scope attributes that would clash with the labels above. */
    private static final List<String> RESERVED = List.of("name", "version", "schema_url");

    private ScopeLabels() {
    }

    /**
     * Puts {@code otel_scope_<attribute>} for each scope attribute except the reserved ones, named as
     * {@link PrometheusNames#labelName}.
     *
     * @throws IllegalArgumentException when an attribute name cannot be made a label name
     */
    public static void putAttributes(Map<String, String> out, InstrumentationScope scope) {
        for (String key : scope.attributes().keys()) {
            if (!RESERVED.contains(key)) {
                out.put(PrometheusNames.labelName("otel_scope_" + key), scope.attributes().getOrNull(key).asString());
            }
        }
    }
}
