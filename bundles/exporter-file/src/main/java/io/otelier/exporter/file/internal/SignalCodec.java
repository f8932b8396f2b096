package io.otelier.exporter.file.internal;

import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.PList;
import io.otelier.pdata.Telemetry;
import io.otelier.pdata.TreeNode;
import io.otelier.pdata.Traces;
import io.otelier.pdata.common.AnyValue;
import io.otelier.pdata.common.Resource;
import io.otelier.pdata.logs.ResourceLogs;
import io.otelier.pdata.metrics.ResourceMetrics;
import io.otelier.pdata.otlp.OtlpJson;
import io.otelier.pdata.otlp.OtlpProto;
import io.otelier.pdata.trace.ResourceSpans;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the exporter needs to know about one signal: how to encode a batch in each format, and how to split it
 * into batches per value of a resource attribute (for {@code group_by}).
 *
 * @param <T> the batch type
 * @param <R> its per-resource entry type
 */
record SignalCodec<T extends Telemetry, R extends TreeNode>(Function<T, byte[]> json, Function<T, byte[]> proto,
        Supplier<T> empty, Function<T, PList<R>> entries, Function<R, Resource> resource,
        BiConsumer<R, R> copier) {

    static final SignalCodec<Traces, ResourceSpans> TRACES = new SignalCodec<>(OtlpJson::encode, OtlpProto::encode,
            Traces::new, Traces::resourceSpans, ResourceSpans::resource, ResourceSpans::copyTo);
    static final SignalCodec<Metrics, ResourceMetrics> METRICS = new SignalCodec<>(OtlpJson::encode,
            OtlpProto::encode, Metrics::new, Metrics::resourceMetrics, ResourceMetrics::resource,
            ResourceMetrics::copyTo);
    static final SignalCodec<Logs, ResourceLogs> LOGS = new SignalCodec<>(OtlpJson::encode, OtlpProto::encode,
            Logs::new, Logs::resourceLogs, ResourceLogs::resource, ResourceLogs::copyTo);

    byte[] encode(T data, String format) {
        return format.equals(FileExporterConfig.FORMAT_PROTO) ? proto.apply(data) : json.apply(data);
    }

    /**
     * Copies the resource entries of {@code data} into one batch per string value of {@code attribute}, in first-seen
     * order. Entries without the attribute, or with a non-string value, are left out (upstream drops them).
     */
    Map<String, T> groupBy(T data, String attribute) {
        Map<String, T> groups = new LinkedHashMap<>();
        for (R entry : entries.apply(data)) {
            AnyValue value = resource.apply(entry).attributes().getOrNull(attribute);
            if (value instanceof AnyValue.StringValue s) {
                T group = groups.computeIfAbsent(s.value(), k -> empty.get());
                copier.accept(entry, entries.apply(group).addNew());
            }
        }
        return groups;
    }

    /** True when a batch has no resource entries at all. */
    boolean isEmpty(T data) {
        return entries.apply(data).isEmpty();
    }
}
