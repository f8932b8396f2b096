package io.otelier.helper.exporter.internal;

import io.otelier.api.component.ComponentKind;
import io.otelier.api.component.CreateSettings;
import io.otelier.api.telemetry.MetricsLevel;
import io.otelier.api.telemetry.TelemetrySettings;
import io.otelier.pdata.Traces;
import io.otelier.pdata.trace.ScopeSpans;
import io.otelier.testkit.TestSettings;

/** Traces with named spans, and create settings whose counters tests can read. */
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

    /** Test settings for an exporter, re-wired so that its shared counters land in {@code report}. */
    public static CreateSettings exporterSettings(TestSettings test, RecordingObsReport report) {
        CreateSettings s = test.settings;
        return new CreateSettings(s.id(), ComponentKind.EXPORTER,
                new TelemetrySettings(test.logger, test.meter, MetricsLevel.NORMAL, report), s.buildInfo(), s.status());
    }
}
