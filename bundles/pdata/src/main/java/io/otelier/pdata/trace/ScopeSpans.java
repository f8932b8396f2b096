package io.otelier.pdata.trace;

import io.otelier.pdata.PList;
import io.otelier.pdata.TreeNode;
import io.otelier.pdata.common.InstrumentationScope;
import java.util.Objects;

/** The spans of one instrumentation scope: OTLP's {@code ScopeSpans}. */
public final class ScopeSpans extends TreeNode {

    private final InstrumentationScope scope = adopt(new InstrumentationScope());
    private final PList<Span> spans = adopt(new PList<>(Span::new, Span::copyTo));
    private String schemaUrl = "";

    /** A standalone, mutable, empty instance. */
    public ScopeSpans() {
    }

    public InstrumentationScope scope() {
        return scope;
    }

    public PList<Span> spans() {
        return spans;
    }

    public String schemaUrl() {
        return schemaUrl;
    }

    public ScopeSpans setSchemaUrl(String schemaUrl) {
        checkWritable();
        this.schemaUrl = Objects.requireNonNull(schemaUrl, "schemaUrl");
        return this;
    }

    public void copyTo(ScopeSpans dest) {
        dest.checkWritable();
        scope.copyTo(dest.scope);
        spans.copyTo(dest.spans);
        dest.schemaUrl = schemaUrl;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof ScopeSpans that
                && schemaUrl.equals(that.schemaUrl) && scope.equals(that.scope) && spans.equals(that.spans);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scope, spans, schemaUrl);
    }

    @Override
    public String toString() {
        return "ScopeSpans{scope=" + scope + ", schemaUrl=" + schemaUrl + ", spans=" + spans + "}";
    }
}
