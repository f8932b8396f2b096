package io.otelier.runtime.internal.telemetry;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * How a pull Prometheus reader of service.telemetry.metrics exposes names and labels: upstream's options
 * {@code without_scope_info}, {@code without_units}, {@code without_type_suffix} and
 * {@code with_resource_constant_labels}.
 *
 * <p>Upstream v0.165 defaults all three {@code without_*} options to true, also for readers the user writes
 * (otelconftelemetry's applyPrometheusDefaults): instrument names are served as they are
 * ({@code otelcol_receiver_accepted_spans}), with no {@code otel_scope_*} labels and the resource only on
 * {@code target_info}. As in otelconf, suffixes are dropped only when both {@code without_units} and
 * {@code without_type_suffix} are set; otherwise both the unit and the {@code _total} suffix are added.
 *
 * @param resourceConstantLabels which resource attributes to add to every series; null adds none
 */
public record PrometheusFormat(boolean withoutScopeInfo, boolean withoutUnits, boolean withoutTypeSuffix,
        Predicate<String> resourceConstantLabels) {

    /** The reader upstream serves on localhost:8888 when nothing is configured. */
    public static final PrometheusFormat UPSTREAM_DEFAULT = new PrometheusFormat(true, true, true, null);

    /** Whether names get unit and {@code _total} suffixes (otelconf's NoUTF8EscapingWithSuffixes strategy). */
    public boolean addsSuffixes() {
        return !(withoutUnits && withoutTypeSuffix);
    }

    /**
     * otelconf's include/exclude filter: excluded names never pass; an empty include list passes everything else.
     *
     * @throws IllegalArgumentException when a name is in both lists (upstream's message)
     */
    public static Predicate<String> includeExclude(List<String> included, List<String> excluded) {
        Set<String> in = new HashSet<>(included == null ? List.of() : included);
        Set<String> out = new HashSet<>(excluded == null ? List.of() : excluded);
        for (String name : out) {
            if (in.contains(name)) {
                throw new IllegalArgumentException("attribute cannot be in both include and exclude list: " + name);
            }
        }
        return name -> !out.contains(name) && (in.isEmpty() || in.contains(name));
    }
}
