package io.otelier.exporter.debug.internal;

import io.otelier.pdata.Traces;
import io.otelier.pdata.trace.ResourceSpans;
import io.otelier.pdata.trace.ScopeSpans;
import io.otelier.pdata.trace.Span;

/** Normal verbosity for traces: one line per span (upstream internal/normal/traces.go). */
final class NormalTraces {

    private NormalTraces() {
    }

    static String marshal(Traces traces) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < traces.resourceSpans().size(); i++) {
            ResourceSpans resourceSpans = traces.resourceSpans().get(i);
            NormalText.appendResourceLine(out, "ResourceTraces", i, resourceSpans.schemaUrl(),
                    resourceSpans.resource().attributes());
            for (int j = 0; j < resourceSpans.scopeSpans().size(); j++) {
                ScopeSpans scopeSpans = resourceSpans.scopeSpans().get(j);
                NormalText.appendScopeLine(out, "ScopeTraces", j, scopeSpans.scope(), scopeSpans.schemaUrl());
                for (Span span : scopeSpans.spans()) {
                    out.append(span.name()).append(' ').append(ValueText.id(span.traceId()))
                            .append(' ').append(ValueText.id(span.spanId()));
                    NormalText.appendSpacedAttributes(out, span.attributes());
                    out.append('\n');
                }
            }
        }
        return out.toString();
    }
}
