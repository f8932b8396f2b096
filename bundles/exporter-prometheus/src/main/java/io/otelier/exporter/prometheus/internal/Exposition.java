package io.otelier.exporter.prometheus.internal;

import io.otelier.api.telemetry.Logger;
import io.otelier.helper.prometheus.GoFloat;
import io.otelier.helper.prometheus.MetricKind;
import io.otelier.helper.prometheus.PrometheusNames;
import io.otelier.helper.prometheus.ResourceLabels;
import io.otelier.helper.prometheus.ScopeLabels;
import io.otelier.pdata.common.Resource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Writes accumulated series as the text exposition format 0.0.4 or OpenMetrics 1.0, as upstream's collector
 * through client_golang does: one family per name (sorted) with {@code # HELP} and {@code # TYPE}, samples sorted
 * by their labels, labels by name; {@code target_info} per distinct job/instance; series whose labels clash are
 * left out with an error log.
 */
final class Exposition {

    static final String TEXT = "text/plain; version=0.0.4; charset=utf-8; escaping=underscores";
    static final String OPEN_METRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8; escaping=underscores";

    /**
     * One line: {@code trailing} is {@code le} or {@code quantile} (client_golang writes it after the sorted
     * labels); {@code integer} values (bucket counts, {@code _count}) have no {@code .0} in OpenMetrics.
     */
    private record Sample(String suffix, SortedMap<String, String> labels, String trailing, double bound,
            double value, boolean integer, Accumulator.Exemplar exemplar) {
        Sample(String suffix, SortedMap<String, String> labels, double value, boolean integer) {
            this(suffix, labels, null, 0, value, integer, null);
        }

        Sample withExemplar(Accumulator.Exemplar e) {
            return new Sample(suffix, labels, trailing, bound, value, integer, e);
        }
    }

    private static final class Family {
        final String name;
        final String help;
        final String type;
        final List<List<Sample>> metrics = new ArrayList<>();
        final List<Long> times = new ArrayList<>();

        Family(String name, String help, String type) {
            this.name = name;
            this.help = help;
            this.type = type;
        }
    }

    private final PromExporterConfig config;
    private final Logger log;

    Exposition(PromExporterConfig config, Logger log) {
        this.config = config;
        this.log = log;
    }

    String write(List<Accumulator.Entry> entries, boolean openMetrics) {
        Map<String, Family> families = new TreeMap<>();
        addTargetInfo(entries, families);
        for (Accumulator.Entry e : entries) {
            try {
                add(e, families);
            } catch (IllegalArgumentException ex) {
                log.error("failed to convert metric " + e.series().name() + ": " + ex.getMessage(), null);
            }
        }
        StringBuilder out = new StringBuilder();
        for (Family f : families.values()) {
            writeFamily(out, f, openMetrics);
        }
        if (openMetrics) {
            out.append("# EOF\n");
        }
        return out.toString();
    }

    private void add(Accumulator.Entry e, Map<String, Family> families) {
        Accumulator.Series s = e.series();
        String name = PrometheusNames.metricName(s.name(), s.unit(), s.kind(), config.namespace(),
                config.withSuffixes()).orElseThrow(() -> new IllegalArgumentException("invalid metric name"));
        String type = switch (s.kind()) {
            case MONOTONIC_COUNTER -> "counter";
            case HISTOGRAM -> "histogram";
            case SUMMARY -> "summary";
            default -> "gauge";
        };
        SortedMap<String, String> labels = labels(s, name);
        Family family = families.computeIfAbsent(name, n -> new Family(n, s.description(), type));
        if (!family.type.equals(type)) {
            throw new IllegalArgumentException("instrument type conflict, using existing type definition. instrument: "
                    + name + ", existing: " + family.type + ", dropped: " + type);
        }
        List<Sample> samples = new ArrayList<>();
        if (e.value() instanceof Accumulator.Number n) {
            Sample sample = new Sample("", labels, n.value(), false);
            // client_golang shows a counter's last exemplar
            boolean counter = s.kind() == io.otelier.helper.prometheus.MetricKind.MONOTONIC_COUNTER;
            samples.add(counter && !n.exemplars().isEmpty()
                    ? sample.withExemplar(n.exemplars().get(n.exemplars().size() - 1)) : sample);
        } else if (e.value() instanceof Accumulator.Histogram h) {
            {
                // client_golang: distinct bounds, sorted, cumulative counts
                TreeMap<Double, Integer> bounds = new TreeMap<>();
                for (int i = 0; i < h.bounds().length; i++) {
                    bounds.putIfAbsent(h.bounds()[i], i);
                }
                long cumulative = 0;
                List<Sample> buckets = new ArrayList<>();
                for (Map.Entry<Double, Integer> b : bounds.entrySet()) {
                    cumulative += b.getValue() < h.counts().length ? h.counts()[b.getValue()] : 0;
                    buckets.add(new Sample("_bucket", labels, "le", b.getKey(), cumulative, true, null));
                }
                buckets.add(new Sample("_bucket", labels, "le", Double.POSITIVE_INFINITY, h.count(), true, null));
                // client_golang: each exemplar replaces the one of the first bucket whose bound holds it
                for (Accumulator.Exemplar x : h.exemplars()) {
                    for (int i = 0; i < buckets.size(); i++) {
                        if (buckets.get(i).bound() >= x.value()) {
                            buckets.set(i, buckets.get(i).withExemplar(x));
                            break;
                        }
                    }
                }
                samples.addAll(buckets);
                samples.add(new Sample("_sum", labels, h.sum(), false));
                samples.add(new Sample("_count", labels, h.count(), true));
            }
        } else if (e.value() instanceof Accumulator.Summary q) {
            {
                TreeMap<Double, Double> quantiles = new TreeMap<>();
                for (int i = 0; i < q.quantiles().length; i++) {
                    quantiles.put(q.quantiles()[i], q.values()[i]);
                }
                quantiles.forEach((k, v) -> samples.add(new Sample("", labels, "quantile", k, v, false, null)));
                samples.add(new Sample("_sum", labels, q.sum(), false));
                samples.add(new Sample("_count", labels, q.count(), true));
            }
        }
        family.metrics.add(samples);
        family.times.add(e.value().time() / 1_000_000);
    }

    /**
     * Upstream's {@code getMetricMetadata} labels, then the const labels; a name twice, or one client_golang
     * reserves ({@code __…}), is an error.
     */
    private SortedMap<String, String> labels(Accumulator.Series s, String metricName) {
        Map<String, String> pairs = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        s.attributes().forEach((k, v) -> {
            String label = PrometheusNames.labelName(k);
            names.add(label);
            pairs.put(label, v.asString());
        });
        if (!config.withoutScopeInfo()) {
            Map<String, String> scope = new LinkedHashMap<>();
            io.otelier.pdata.common.InstrumentationScope is = new io.otelier.pdata.common.InstrumentationScope();
            is.attributes().putAll(s.scopeAttributes());
            ScopeLabels.putAttributes(scope, is);
            scope.put(ScopeLabels.NAME, s.scopeName());
            scope.put(ScopeLabels.VERSION, s.scopeVersion());
            scope.put(ScopeLabels.SCHEMA_URL, s.scopeSchemaUrl());
            scope.forEach((k, v) -> {
                names.add(k);
                pairs.put(k, v);
            });
        }
        ResourceLabels.job(s.resource(), false).ifPresent(j -> {
            names.add(ResourceLabels.JOB);
            pairs.put(ResourceLabels.JOB, j);
        });
        ResourceLabels.instance(s.resource(), false).ifPresent(i -> {
            names.add(ResourceLabels.INSTANCE);
            pairs.put(ResourceLabels.INSTANCE, i);
        });
        config.constLabels().forEach((k, v) -> {
            names.add(k);
            pairs.put(k, v);
        });
        for (String name : names) {
            if (name.startsWith("__")) {
                throw new IllegalArgumentException("\"" + name + "\" is not a valid label name for metric \""
                        + metricName + "\"");
            }
        }
        if (names.size() != pairs.size()) {
            throw new IllegalArgumentException("duplicate label names in constant and variable labels for metric \""
                    + metricName + "\"");
        }
        return new TreeMap<>(pairs);
    }

    /** Upstream's {@code createTargetInfoMetrics}: one per distinct job and instance (both set). */
    private void addTargetInfo(List<Accumulator.Entry> entries, Map<String, Family> families) {
        Map<String, Resource> resources = new TreeMap<>();
        for (Accumulator.Entry e : entries) {
            Resource r = e.series().resource();
            Optional<String> job = ResourceLabels.job(r, false);
            Optional<String> instance = ResourceLabels.instance(r, false);
            if (job.isPresent() && instance.isPresent() && !job.get().isEmpty() && !instance.get().isEmpty()) {
                resources.putIfAbsent(job.get() + "\u00ff" + instance.get(), r);
            }
        }
        if (resources.isEmpty()) {
            return;
        }
        String name = ResourceLabels.targetInfoName(namespaceLabel());
        Family family = families.computeIfAbsent(name, n -> new Family(n, "Target metadata", "gauge"));
        for (Resource r : resources.values()) {
            SortedMap<String, String> labels = new TreeMap<>();
            try {
                ResourceLabels.targetInfoAttributes(r).forEach((k, v) -> labels.merge(PrometheusNames.labelName(k),
                        v.asString(), (a, b) -> a + ";" + b));
            } catch (IllegalArgumentException e) {
                log.error("failed to convert metric target_info: " + e.getMessage(), null);
                continue;
            }
            labels.put(ResourceLabels.JOB, ResourceLabels.job(r, false).orElseThrow());
            labels.put(ResourceLabels.INSTANCE, ResourceLabels.instance(r, false).orElseThrow());
            family.metrics.add(List.of(new Sample("", labels, 1, false)));
            family.times.add(null);
        }
    }

    /** Upstream's {@code normalizeNamespace}: the namespace as a label name, for {@code target_info}. */
    private String namespaceLabel() {
        if (config.namespace().isEmpty()) {
            return "";
        }
        try {
            return PrometheusNames.labelName(config.namespace());
        } catch (IllegalArgumentException e) {
            log.error("failed to build namespace, ignoring", null, "error", e.getMessage());
            return "";
        }
    }

    private void writeFamily(StringBuilder out, Family f, boolean openMetrics) {
        String familyName = openMetrics && f.type.equals("counter") && f.name.endsWith("_total")
                ? f.name.substring(0, f.name.length() - "_total".length()) : f.name;
        out.append("# HELP ").append(familyName).append(' ').append(escapeHelp(f.help, openMetrics)).append('\n');
        out.append("# TYPE ").append(familyName).append(' ').append(f.type).append('\n');
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < f.metrics.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> compareLabels(f.metrics.get(a).get(0).labels(), f.metrics.get(b).get(0).labels()));
        for (int i : order) {
            Long time = f.times.get(i);
            for (Sample s : f.metrics.get(i)) {
                String sampleName = openMetrics && f.type.equals("counter") ? familyName + "_total" : f.name + s.suffix();
                out.append(sampleName);
                writeLabels(out, s, openMetrics);
                String value = openMetrics && s.integer() ? Long.toString((long) s.value())
                        : openMetrics ? openMetricsFloat(s.value()) : GoFloat.general(s.value());
                out.append(' ').append(value);
                if (config.sendTimestamps() && time != null) {
                    // expfmt writes OpenMetrics times as seconds through its float formatting
                    out.append(' ').append(openMetrics ? openMetricsFloat(time / 1000.0) : Long.toString(time));
                }
                if (openMetrics && s.exemplar() != null) {
                    writeExemplar(out, s.exemplar());
                }
                out.append('\n');
            }
        }
    }

    private static void writeLabels(StringBuilder out, Sample s, boolean openMetrics) {
        if (s.labels().isEmpty() && s.trailing() == null) {
            return;
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, String> l : s.labels().entrySet()) {
            out.append(first ? "" : ",").append(l.getKey()).append("=\"").append(escapeLabel(l.getValue()))
                    .append('"');
            first = false;
        }
        if (s.trailing() != null) {
            String bound = openMetrics ? openMetricsFloat(s.bound()) : GoFloat.general(s.bound());
            out.append(first ? "" : ",").append(s.trailing()).append("=\"").append(bound).append('"');
        }
        out.append('}');
    }

    /** client_golang's metric order in a family: fewer labels first, then label values in name order. */
    /**
     * {@code # {trace_id="…",span_id="…"} value time} (OpenMetrics only); an exemplar without ids has no labels
     * and is not written, as expfmt does.
     */
    private static void writeExemplar(StringBuilder out, Accumulator.Exemplar e) {
        List<String> labels = new ArrayList<>();
        if (!e.traceId().isEmpty()) {
            labels.add("trace_id=\"" + e.traceId() + "\"");
        }
        if (!e.spanId().isEmpty()) {
            labels.add("span_id=\"" + e.spanId() + "\"");
        }
        if (labels.isEmpty()) {
            return;
        }
        out.append(" # {").append(String.join(",", labels)).append("} ").append(openMetricsFloat(e.value()))
                .append(' ').append(openMetricsFloat(e.timeUnixNano() / 1e9));
    }

    private static int compareLabels(SortedMap<String, String> a, SortedMap<String, String> b) {
        if (a.size() != b.size()) {
            return Integer.compare(a.size(), b.size());
        }
        var ia = a.values().iterator();
        var ib = b.values().iterator();
        while (ia.hasNext() && ib.hasNext()) {
            int c = ia.next().compareTo(ib.next());
            if (c != 0) {
                return c;
            }
        }
        return Boolean.compare(ia.hasNext(), ib.hasNext());
    }

    /** client_golang's OpenMetrics floats: integral values get {@code .0}. */
    static String openMetricsFloat(double v) {
        String g = GoFloat.general(v);
        if (Double.isNaN(v) || Double.isInfinite(v) || g.contains("e") || g.contains(".")) {
            return g;
        }
        return g + ".0";
    }

    private static String escapeHelp(String help, boolean openMetrics) {
        String out = help.replace("\\", "\\\\").replace("\n", "\\n");
        return openMetrics ? out.replace("\"", "\\\"") : out;
    }

    private static String escapeLabel(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
