package io.otelier.testkit;

import io.otelier.api.component.BuildInfo;
import io.otelier.api.component.ComponentId;
import io.otelier.api.component.ComponentKind;
import io.otelier.api.component.ComponentStatus;
import io.otelier.api.component.CreateSettings;
import io.otelier.api.component.StatusEvent;
import io.otelier.api.component.StatusReporter;
import io.otelier.api.telemetry.MetricsLevel;
import io.otelier.api.telemetry.ObsReport;
import io.otelier.api.telemetry.TelemetrySettings;
import java.util.ArrayList;
import java.util.List;

/** Create settings for tests, with a recording logger, meter and status reporter kept reachable. */
public final class TestSettings {

    public final RecordingLogger logger = new RecordingLogger();
    public final RecordingMeter meter = new RecordingMeter();
    public final List<StatusEvent> statuses = new ArrayList<>();
    public final CreateSettings settings;

    public TestSettings(ComponentKind kind, String id) {
        StatusReporter reporter = new StatusReporter() {
            @Override
            public synchronized void report(StatusEvent event) {
                statuses.add(event);
            }

            @Override
            public synchronized StatusEvent current() {
                return statuses.isEmpty() ? StatusEvent.of(ComponentStatus.NONE) : statuses.get(statuses.size() - 1);
            }
        };
        this.settings = new CreateSettings(ComponentId.parse(id), kind,
                new TelemetrySettings(logger, meter, MetricsLevel.NORMAL),
                new BuildInfo("otelcol-test", "Otelier test", "0.0.0-test"), reporter);
    }

    public static TestSettings of(ComponentKind kind, String id) {
        return new TestSettings(kind, id);
    }

    /** These settings with the shared item counters going to {@code obsReport}, e.g. a {@link RecordingObsReport}. */
    public CreateSettings reportingTo(ObsReport obsReport) {
        TelemetrySettings telemetry = settings.telemetry();
        return new CreateSettings(settings.id(), settings.kind(), new TelemetrySettings(telemetry.logger(),
                telemetry.meter(), telemetry.metricsLevel(), obsReport), settings.buildInfo(), settings.status());
    }
}
