package io.otelier.exporter.prometheusremotewrite.internal;

import io.otelier.pdata.metrics.DataPoint;
import io.otelier.pdata.metrics.ExponentialHistogramDataPoint;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code prometheus.Histogram} (a native histogram) made from an OTLP exponential histogram point, as contrib's
 * {@code exponentialToNativeHistogram}: the schema is the scale (scales above 8 are merged down to 8), buckets
 * become spans and deltas, the count and zero count are integers, the reset hint is unknown.
 *
 * @param count        the count, or Prometheus's stale NaN bits for a point without a recorded value
 * @param positiveSpans {@code [offset, length]} pairs
 */
record NativeHistogram(long count, double sum, int schema, double zeroThreshold, long zeroCount,
        List<int[]> negativeSpans, long[] negativeDeltas, List<int[]> positiveSpans, long[] positiveDeltas,
        long timestampMillis) {

    static final double DEFAULT_ZERO_THRESHOLD = 1e-128;

    /** @throws IllegalArgumentException with upstream's message for a point that cannot be converted */
    static NativeHistogram of(ExponentialHistogramDataPoint p) {
        int scale = p.scale();
        if (scale < -4) {
            throw new IllegalArgumentException("cannot convert exponential to native histogram. Scale must be >= -4,"
                    + " was " + scale);
        }
        boolean stale = (p.flags() & DataPoint.FLAG_NO_RECORDED_VALUE) != 0;
        if (!stale && !p.hasSum()) {
            throw new IllegalArgumentException("cannot convert exponential to native histogram: sum is not set");
        }
        int scaleDown = 0;
        if (scale > 8) {
            scaleDown = scale - 8;
            scale = 8;
        }
        Layout positive = layout(p.positive().offset(), p.positive().bucketCounts(), scaleDown);
        Layout negative = layout(p.negative().offset(), p.negative().bucketCounts(), scaleDown);
        double zeroThreshold = p.zeroThreshold() != 0 ? p.zeroThreshold() : DEFAULT_ZERO_THRESHOLD;
        long count = stale ? Double.doubleToRawLongBits(MetricsTranslator.STALE_NAN) : p.count();
        double sum = stale ? MetricsTranslator.STALE_NAN : p.sum();
        return new NativeHistogram(count, sum, scale, zeroThreshold, p.zeroCount(), negative.spans, negative.deltas,
                positive.spans, positive.deltas, p.timeUnixNano() / 1_000_000);
    }

    private record Layout(List<int[]> spans, long[] deltas) {
    }

    /** Upstream's {@code convertBucketsLayout}: gaps of up to two empty buckets are written as zero deltas. */
    private static Layout layout(int offset, long[] counts, int scaleDown) {
        if (counts.length == 0) {
            return new Layout(List.of(), new long[0]);
        }
        List<int[]> spans = new ArrayList<>();
        List<Long> deltas = new ArrayList<>();
        long[] prev = {0};
        int bucketIdx = (offset >> scaleDown) + 1;
        spans.add(new int[] {bucketIdx, 0});
        long count = 0;
        for (int i = 0; i < counts.length; i++) {
            int next = ((i + offset) >> scaleDown) + 1;
            if (bucketIdx == next) {
                count += counts[i];
                continue;
            }
            if (count == 0) {
                count = counts[i];
                continue;
            }
            int gap = next - bucketIdx - 1;
            if (gap > 2) {
                spans.add(new int[] {gap, 0});
            } else {
                for (int g = 0; g < gap; g++) {
                    appendDelta(spans, deltas, prev, 0);
                }
            }
            appendDelta(spans, deltas, prev, count);
            count = counts[i];
            bucketIdx = next;
        }
        int gap = ((counts.length + offset - 1) >> scaleDown) + 1 - bucketIdx;
        if (gap > 2) {
            spans.add(new int[] {gap, 0});
        } else {
            for (int g = 0; g < gap; g++) {
                appendDelta(spans, deltas, prev, 0);
            }
        }
        appendDelta(spans, deltas, prev, count);
        return new Layout(spans, deltas.stream().mapToLong(Long::longValue).toArray());
    }

    private static void appendDelta(List<int[]> spans, List<Long> deltas, long[] prev, long count) {
        spans.get(spans.size() - 1)[1]++;
        deltas.add(count - prev[0]);
        prev[0] = count;
    }
}
