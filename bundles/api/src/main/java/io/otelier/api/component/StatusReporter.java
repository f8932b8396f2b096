package io.otelier.api.component;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a component reports its own status changes (recoverable/permanent errors, recovery). The runtime
 * reports starting/ok/stopping/stopped around the lifecycle calls itself and aggregates per pipeline.
 */
@ProviderType
public interface StatusReporter {

    void report(StatusEvent event);

    default void ok() {
        report(StatusEvent.of(ComponentStatus.OK));
    }

    default void recoverableError(Throwable error) {
        report(StatusEvent.error(ComponentStatus.RECOVERABLE_ERROR, error));
    }

    default void permanentError(Throwable error) {
        report(StatusEvent.error(ComponentStatus.PERMANENT_ERROR, error));
    }

    /** The latest status reported for this component instance. */
    StatusEvent current();
}
