package io.otelier.exporter.prometheusremotewrite.internal;

import io.otelier.pdata.metrics.Exemplar;
import io.otelier.pdata.PList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@code prometheus.Exemplar} made as contrib's {@code getPromExemplars}: {@code trace_id} and {@code span_id}
 * labels when set, then the filtered attributes unless all labels would pass OpenMetrics' 128 characters.
 *
 * @param labels name/value pairs in that order (exemplar labels are not sorted or sanitised upstream)
 */
record PromExemplar(List<Map.Entry<String, String>> labels, double value, long timestampMillis) {

    static final int MAX_RUNES = 128;
    static final String TRACE_ID = "trace_id";
    static final String SPAN_ID = "span_id";

    static List<PromExemplar> of(PList<Exemplar> exemplars) {
        List<PromExemplar> out = new ArrayList<>(exemplars.size());
        for (Exemplar e : exemplars) {
            List<Map.Entry<String, String>> labels = new ArrayList<>();
            int runes = 0;
            if (!e.traceId().isEmpty()) {
                String id = e.traceId().toHex();
                runes += TRACE_ID.length() + id.length();
                labels.add(Map.entry(TRACE_ID, id));
            }
            if (!e.spanId().isEmpty()) {
                String id = e.spanId().toHex();
                runes += SPAN_ID.length() + id.length();
                labels.add(Map.entry(SPAN_ID, id));
            }
            List<Map.Entry<String, String>> attributes = new ArrayList<>();
            for (String key : e.filteredAttributes().keys()) {
                String value = e.filteredAttributes().getOrNull(key).asString();
                runes += key.codePointCount(0, key.length()) + value.codePointCount(0, value.length());
                attributes.add(Map.entry(key, value));
            }
            if (runes <= MAX_RUNES) {
                labels.addAll(attributes);
            }
            // upstream leaves an exemplar without a value at zero, its time too
            double value = switch (e.valueType()) {
                case INT -> e.intValue();
                case DOUBLE -> e.doubleValue();
                case EMPTY -> 0;
            };
            long time = e.valueType() == Exemplar.ValueType.EMPTY ? 0 : e.timeUnixNano() / 1_000_000;
            out.add(new PromExemplar(List.copyOf(labels), value, time));
        }
        return out;
    }
}
