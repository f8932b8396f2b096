package io.otelier.processor.batch.internal;

import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.PList;
import io.otelier.pdata.Telemetry;
import io.otelier.pdata.Traces;
import io.otelier.pdata.logs.ResourceLogs;
import io.otelier.pdata.logs.ScopeLogs;
import io.otelier.pdata.metrics.Metric;
import io.otelier.pdata.metrics.ResourceMetrics;
import io.otelier.pdata.metrics.ScopeMetrics;
import io.otelier.pdata.trace.ResourceSpans;
import io.otelier.pdata.trace.ScopeSpans;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * How one signal's tree nests down to the items batching counts (spans, metric data points, log records), so
 * that taking ownership, merging and splitting are written once for the three signals.
 *
 * <p>A tree is described by its levels: level 0 maps the root to its resource list, level 1 a resource to its
 * scope list, and so on; the elements of the last level's lists are the items. Splitting keeps the grouping:
 * a resource (scope, metric) whose items end up in both pieces appears in both, with the same resource (scope,
 * metric header), like upstream's splitTraces/splitMetrics/splitLogs.
 */
final class SignalShape<T extends Telemetry> {

    static final SignalShape<Traces> TRACES = new SignalShape<>(Traces::new, Traces::deepCopy,
            Traces::moveAllTo,
            List.of(root -> ((Traces) root).resourceSpans(),
                    resource -> ((ResourceSpans) resource).scopeSpans(),
                    scope -> ((ScopeSpans) scope).spans()));

    static final SignalShape<Metrics> METRICS = new SignalShape<>(Metrics::new, Metrics::deepCopy,
            Metrics::moveAllTo,
            List.of(root -> ((Metrics) root).resourceMetrics(),
                    resource -> ((ResourceMetrics) resource).scopeMetrics(),
                    scope -> ((ScopeMetrics) scope).metrics(),
                    metric -> dataPoints((Metric) metric)));

    static final SignalShape<Logs> LOGS = new SignalShape<>(Logs::new, Logs::deepCopy,
            Logs::moveAllTo,
            List.of(root -> ((Logs) root).resourceLogs(),
                    resource -> ((ResourceLogs) resource).scopeLogs(),
                    scope -> ((ScopeLogs) scope).logRecords()));

    private final Supplier<T> empty;
    private final UnaryOperator<T> copy;
    private final BiConsumer<T, T> moveAll;
    private final List<Function<Object, PList<?>>> levels;

    private SignalShape(Supplier<T> empty, UnaryOperator<T> copy, BiConsumer<T, T> moveAll,
            List<Function<Object, PList<?>>> levels) {
        this.empty = empty;
        this.copy = copy;
        this.moveAll = moveAll;
        this.levels = levels;
    }

    /**
     * Data this processor may change from now on: received data is moved into a new root (like upstream's
     * MoveAndAppendTo), unless it is read-only (shared with other consumers), which is copied instead.
     */
    T takeOwnership(T received) {
        if (received.isReadOnly()) {
            return copy.apply(received);
        }
        T owned = empty.get();
        moveAll.accept(received, owned);
        return owned;
    }

    /** Appends every resource of {@code from} to {@code to}, leaving {@code from} empty. */
    void moveAll(T from, T to) {
        moveAll.accept(from, to);
    }

    /**
     * Splits {@code data} at item positions {@code cuts} (ascending, each strictly between 0 and the item count)
     * into {@code cuts.length + 1} pieces, in order. {@code data} itself becomes the last piece.
     *
     * <p>Each cut costs one deep copy of the part being cut; cutting in the middle first keeps a large input
     * cut into many pieces at O(n log pieces) rather than O(n * pieces).
     */
    List<T> split(T data, int itemCount, int[] cuts) {
        List<T> pieces = new ArrayList<>(cuts.length + 1);
        splitInto(data, itemCount, cuts, 0, cuts.length, 0, pieces);
        return pieces;
    }

    /** Splits {@code data} (whose first item is at absolute position {@code base}) at cuts[lo, hi). */
    private void splitInto(T data, int itemCount, int[] cuts, int lo, int hi, int base, List<T> out) {
        if (lo == hi) {
            out.add(data);
            return;
        }
        int mid = (lo + hi) >>> 1;
        int at = cuts[mid] - base;
        T head = copy.apply(data);
        retain(head, 0, at);
        retain(data, at, itemCount);
        splitInto(head, at, cuts, lo, mid, base, out);
        splitInto(data, itemCount - at, cuts, mid + 1, hi, base + at, out);
    }

    /** Removes every item outside positions [from, to), and every container left without items. */
    void retain(T root, int from, int to) {
        retain(root, 0, from, to);
    }

    private void retain(Object node, int depth, int from, int to) {
        PList<?> children = levels.get(depth).apply(node);
        int[] position = {0};
        children.removeIf(child -> {
            int start = position[0];
            int items = count(child, depth + 1);
            int end = start + items;
            position[0] = end;
            if (items == 0) {
                // an empty container stays on the side of the cut where it stands
                return start < from || start >= to;
            }
            if (start >= from && end <= to) {
                return false;
            }
            if (end <= from || start >= to) {
                return true;
            }
            // bounds relative to the child, not clipped: an empty container at the child's end is placed by
            // the same rule as everywhere else
            retain(child, depth + 1, from - start, to - start);
            return false;
        });
    }

    /** Items below a node at {@code depth} (the root is at depth 0; items are at depth levels.size()). */
    int count(Object node, int depth) {
        if (depth == levels.size()) {
            return 1;
        }
        PList<?> children = levels.get(depth).apply(node);
        if (children == null) {
            return 0;
        }
        if (depth == levels.size() - 1) {
            return children.size();
        }
        int items = 0;
        for (Object child : children) {
            items += count(child, depth + 1);
        }
        return items;
    }

    /** A metric's data points, whatever its type; null for a metric without data. */
    private static PList<?> dataPoints(Metric metric) {
        return switch (metric.type()) {
            case GAUGE -> metric.gauge().dataPoints();
            case SUM -> metric.sum().dataPoints();
            case HISTOGRAM -> metric.histogram().dataPoints();
            case EXPONENTIAL_HISTOGRAM -> metric.exponentialHistogram().dataPoints();
            case SUMMARY -> metric.summary().dataPoints();
            case EMPTY -> null;
        };
    }
}
