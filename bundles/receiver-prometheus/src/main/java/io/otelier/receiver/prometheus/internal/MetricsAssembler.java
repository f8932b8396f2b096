package io.otelier.receiver.prometheus.internal;

import io.otelier.api.telemetry.Logger;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.common.Resource;
import io.otelier.pdata.common.SpanId;
import io.otelier.pdata.common.TraceId;
import io.otelier.pdata.metrics.Exemplar;
import io.otelier.pdata.metrics.ResourceMetrics;
import io.otelier.pdata.metrics.ScopeMetrics;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns one scrape's samples into OTLP metrics, as upstream's {@code transaction} does: a resource per
 * (job, instance), a scope per {@code otel_scope_*} label set (else the receiver's own scope), a metric per
 * family. {@code target_info} becomes resource attributes. Start times come only from created timestamps
 * ({@code _created} series), as upstream v0.165 leaves start-time adjustment to the metricstarttime
 * processor.
 */
final class MetricsAssembler {

    static final String SCOPE_NAME = "github.com/open-telemetry/opentelemetry-collector-contrib/receiver/prometheusreceiver";
    static final String SCOPE_LABEL_PREFIX = "otel_scope_";
    private static final String[] TRIMMABLE_SUFFIXES = {"_bucket", "_count", "_sum", "_total", "_info", "_created"};

    private record ResourceKey(String job, String instance) {
    }

    private record ScopeKey(String name, String version, String schemaUrl, Labels attributes) {
        static final ScopeKey EMPTY = new ScopeKey("", "", "", Labels.EMPTY);
    }

    private final ScrapeTarget target;
    private final Labels externalLabels;
    private final Function<String, MetricMetadata> metadata;
    private final boolean trimSuffixes;
    private final String scopeVersion;
    private final Logger logger;
    private final Map<ResourceKey, Map<ScopeKey, Map<String, MetricFamily>>> families = new LinkedHashMap<>();
    private final Map<ResourceKey, Resource> resources = new LinkedHashMap<>();

    /** @param metadata the target's metadata by family name, or null when unknown */
    MetricsAssembler(ScrapeTarget target, Labels externalLabels, Function<String, MetricMetadata> metadata,
            boolean trimSuffixes, String scopeVersion, Logger logger) {
        this.target = target;
        this.externalLabels = externalLabels;
        this.metadata = metadata;
        this.trimSuffixes = trimSuffixes;
        this.scopeVersion = scopeVersion;
        this.logger = logger;
    }

    /** Upstream's {@code normalizeMetricName}: the name without one of the type suffixes. */
    static String normalizeMetricName(String name) {
        for (String s : TRIMMABLE_SUFFIXES) {
            if (name.endsWith(s) && !name.equals(s)) {
                return name.substring(0, name.length() - s.length());
            }
        }
        return name;
    }

    /**
     * Adds a sample (possibly a staleness marker) with its exemplars.
     *
     * @param exemplars each with its own timestamp set; may be empty
     */
    void append(Labels ls, long tsMs, double value, java.util.List<Exemplar> exemplars) {
        if (!externalLabels.isEmpty()) {
            LabelsBuilder b = ls.toBuilder();
            externalLabels.forEach(b::set);
            ls = b.labels();
        }
        ResourceKey rKey = resourceKey(ls);
        String metricName = ls.get("__name__");
        if (rKey == null || metricName.isEmpty()) {
            logger.debug("dropping a sample without job, instance or metric name", "labels", ls.toString());
            return;
        }
        if (metricName.equals("target_info")) {
            Resource r = resources.get(rKey);
            ls.forEach((n, v) -> {
                if (!n.equals("job") && !n.equals("instance") && !n.equals("__name__")) {
                    r.attributes().put(n, v);
                }
            });
            return;
        }
        ScopeKey scope = scopeOf(ls);
        MetricFamily family = familyFor(rKey, scope, metricName);
        Labels key = family.groupKey(ls);
        String error = family.addSeries(key, metricName, ls, tsMs, value);
        if (error != null) {
            logger.warn("failed to add datapoint", "error", error, "metric_name", metricName, "labels", ls.toString());
            return;
        }
        for (Exemplar e : exemplars) {
            family.addExemplar(key, e);
        }
    }

    private ResourceKey resourceKey(Labels ls) {
        String job = ls.get("job");
        String instance = ls.get("instance");
        if (job.isEmpty()) {
            job = target.job();
        }
        if (instance.isEmpty()) {
            instance = target.instance();
        }
        if (job.isEmpty() || instance.isEmpty()) {
            return null;
        }
        ResourceKey key = new ResourceKey(job, instance);
        resources.computeIfAbsent(key, k -> {
            Resource r = new Resource();
            ResourceFactory.fill(r, k.job, k.instance, target.discoveredLabels());
            return r;
        });
        return key;
    }

    private static ScopeKey scopeOf(Labels ls) {
        String name = "";
        String version = "";
        String schema = "";
        LabelsBuilder attrs = null;
        boolean any = false;
        for (int i = 0; i < ls.size(); i++) {
            String n = ls.name(i);
            if (!n.startsWith(SCOPE_LABEL_PREFIX)) {
                continue;
            }
            any = true;
            switch (n) {
                case "otel_scope_name" -> name = ls.value(i);
                case "otel_scope_version" -> version = ls.value(i);
                case "otel_scope_schema_url" -> schema = ls.value(i);
                default -> {
                    if (attrs == null) {
                        attrs = new LabelsBuilder();
                    }
                    attrs.set(n.substring(SCOPE_LABEL_PREFIX.length()), ls.value(i));
                }
            }
        }
        if (!any) {
            return ScopeKey.EMPTY;
        }
        return new ScopeKey(name, version, schema, attrs == null ? Labels.EMPTY : attrs.labels());
    }

    /** Upstream's {@code getOrCreateMetricFamily} with {@code metadataForMetric}. */
    private MetricFamily familyFor(ResourceKey rKey, ScopeKey scope, String metricName) {
        Map<String, MetricFamily> byName = families.computeIfAbsent(rKey, k -> new LinkedHashMap<>())
                .computeIfAbsent(scope, k -> new LinkedHashMap<>());
        MetricFamily existing = byName.get(metricName);
        if (existing != null) {
            return existing;
        }
        MetricMetadata md = metadataFor(metricName);
        String familyName = md.family().equals(metricName) ? metricName : familyNameOf(metricName, md);
        if (!familyName.equals(metricName)) {
            MetricFamily mf = byName.get(familyName);
            if (mf != null && mf.includesMetric(metricName)) {
                return mf;
            }
        }
        MetricFamily created = new MetricFamily(familyName, md, logger);
        byName.put(familyName, created);
        return created;
    }

    private String familyNameOf(String metricName, MetricMetadata md) {
        if (md.type().equals(ExpositionParser.COUNTER)) {
            return metricName.endsWith("_created") ? normalizeMetricName(metricName) + "_total" : metricName;
        }
        return md.family();
    }

    /** Upstream's {@code metadataForMetric}: internal scrape metrics, then the name, then its normalized form. */
    private MetricMetadata metadataFor(String metricName) {
        MetricMetadata internal = ScrapeReport.internalMetadata(metricName);
        if (internal != null) {
            return internal;
        }
        MetricMetadata md = metadata.apply(metricName);
        if (md != null) {
            return new MetricMetadata(metricName, md.type(), md.help(), md.unit());
        }
        String normalized = normalizeMetricName(metricName);
        if (!normalized.equals(metricName)) {
            md = metadata.apply(normalized);
            if (md != null) {
                return new MetricMetadata(normalized, md.type(), md.help(), md.unit());
            }
        }
        return MetricMetadata.unknown(metricName);
    }

    /** Converts a Prometheus exemplar: {@code trace_id}/{@code span_id} labels become ids when they are valid hex. */
    static Exemplar exemplar(Labels labels, double value, long tsMs) {
        Exemplar e = new Exemplar();
        e.setTimeUnixNano(MetricFamily.millisToNanos(tsMs));
        e.setDoubleValue(value);
        labels.forEach((n, v) -> {
            if (n.equalsIgnoreCase("trace_id")) {
                if (v.isEmpty()) {
                    return;
                }
                TraceId id = v.length() == 32 && isHex(v) ? TraceId.fromHex(v) : null;
                if (id != null && !id.isEmpty()) {
                    e.setTraceId(id);
                    return;
                }
            } else if (n.equalsIgnoreCase("span_id")) {
                if (v.isEmpty()) {
                    return;
                }
                SpanId id = v.length() == 16 && isHex(v) ? SpanId.fromHex(v) : null;
                if (id != null && !id.isEmpty()) {
                    e.setSpanId(id);
                    return;
                }
            }
            e.filteredAttributes().put(n, v);
        });
        return e;
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    boolean isEmpty() {
        return families.isEmpty();
    }

    /** The scrape as metrics; resources whose scopes hold no metric are left out. */
    Metrics build() {
        Metrics md = new Metrics();
        families.forEach((rKey, scopes) -> {
            ResourceMetrics rm = md.resourceMetrics().addNew();
            resources.get(rKey).copyTo(rm.resource());
            scopes.forEach((scope, byName) -> {
                ScopeMetrics sm = rm.scopeMetrics().addNew();
                if (scope.equals(ScopeKey.EMPTY)) {
                    sm.scope().setName(SCOPE_NAME).setVersion(scopeVersion);
                } else {
                    sm.scope().setName(scope.name).setVersion(scope.version);
                    if (!scope.schemaUrl.isEmpty()) {
                        sm.setSchemaUrl(scope.schemaUrl);
                    }
                    scope.attributes.forEach((n, v) -> sm.scope().attributes().put(n, v));
                }
                byName.values().forEach(f -> f.appendTo(sm.metrics(), trimSuffixes));
            });
            if (rm.scopeMetrics().stream().allMatch(s -> s.metrics().isEmpty())) {
                md.resourceMetrics().remove(md.resourceMetrics().size() - 1);
            }
        });
        return md;
    }
}
