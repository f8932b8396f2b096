package io.otelier.pdata.metrics;

import io.otelier.pdata.PList;
import io.otelier.pdata.TreeNode;
import io.otelier.pdata.common.InstrumentationScope;
import java.util.Objects;

/** The metrics of one instrumentation scope: OTLP's {@code ScopeMetrics}. */
public final class ScopeMetrics extends TreeNode {

    private final InstrumentationScope scope = adopt(new InstrumentationScope());
    private final PList<Metric> metrics = adopt(new PList<>(Metric::new, Metric::copyTo));
    private String schemaUrl = "";

    /** A standalone, mutable, empty instance. */
    public ScopeMetrics() {
    }

    public InstrumentationScope scope() {
        return scope;
    }

    public PList<Metric> metrics() {
        return metrics;
    }

    /** Number of data points of all metrics. */
    public int dataPointCount() {
        int count = 0;
        for (int i = 0, n = metrics.size(); i < n; i++) {
            count += metrics.get(i).dataPointCount();
        }
        return count;
    }

    public String schemaUrl() {
        return schemaUrl;
    }

    public ScopeMetrics setSchemaUrl(String schemaUrl) {
        checkWritable();
        this.schemaUrl = Objects.requireNonNull(schemaUrl, "schemaUrl");
        return this;
    }

    public void copyTo(ScopeMetrics dest) {
        dest.checkWritable();
        scope.copyTo(dest.scope);
        metrics.copyTo(dest.metrics);
        dest.schemaUrl = schemaUrl;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof ScopeMetrics that
                && schemaUrl.equals(that.schemaUrl) && scope.equals(that.scope) && metrics.equals(that.metrics);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scope, metrics, schemaUrl);
    }

    @Override
    public String toString() {
        return "ScopeMetrics{scope=" + scope + ", schemaUrl=" + schemaUrl + ", metrics=" + metrics + "}";
    }
}
