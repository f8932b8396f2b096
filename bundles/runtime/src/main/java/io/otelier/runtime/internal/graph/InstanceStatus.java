package io.otelier.runtime.internal.graph;

import io.otelier.api.component.ComponentStatus;
import io.otelier.api.component.StatusEvent;
import io.otelier.api.component.StatusReporter;
import io.otelier.api.telemetry.Logger;

/**
 * The status of one component instance. Components report their own errors and recoveries; the graph
 * reports the lifecycle states around start and shutdown. Changes are logged at debug, errors at warn.
 */
final class InstanceStatus implements StatusReporter {

    private final Logger log;
    private volatile StatusEvent current = StatusEvent.of(ComponentStatus.NONE);

    InstanceStatus(Logger log) {
        this.log = log;
    }

    @Override
    public void report(StatusEvent event) {
        StatusEvent previous = current;
        // terminal states are final, as in upstream's componentstatus state machine
        if (previous.status().isTerminal() && event.status() != ComponentStatus.STARTING) {
            return;
        }
        current = event;
        if (event.error() != null && previous.status() != event.status()) {
            log.warn("Component status changed", "status", event.status().name(), "error",
                    String.valueOf(event.error().getMessage()));
        } else if (log.isEnabled(io.otelier.api.telemetry.Level.DEBUG)) {
            log.debug("Component status changed", "status", event.status().name());
        }
    }

    @Override
    public StatusEvent current() {
        return current;
    }
}
