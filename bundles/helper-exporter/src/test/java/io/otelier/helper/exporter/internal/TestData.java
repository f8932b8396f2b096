package io.otelier.helper.exporter.internal;

import io.otelier.pdata.Traces;
import io.otelier.pdata.trace.ScopeSpans;

/** Traces with named spans, to tell batches apart. */
public final class TestData {

    private TestData() {
    }

    /** A batch of {@code spans} spans named {@code name-0} … */
    public static Traces traces(String name, int spans) {
        Traces t = new Traces();
        ScopeSpans scope = t.resourceSpans().addNew().scopeSpans().addNew();
        for (int i = 0; i < spans; i++) {
            scope.spans().addNew().setName(name + "-" + i);
        }
        return t;
    }

    /** The first span's name without its index: which batch this is. */
    public static String label(Traces t) {
        String first = t.resourceSpans().get(0).scopeSpans().get(0).spans().get(0).name();
        return first.substring(0, first.lastIndexOf('-'));
    }
}
