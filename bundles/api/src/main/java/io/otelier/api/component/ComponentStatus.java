package io.otelier.api.component;

/** Upstream's component status model (componentstatus). */
public enum ComponentStatus {
    NONE, STARTING, OK, RECOVERABLE_ERROR, PERMANENT_ERROR, FATAL_ERROR, STOPPING, STOPPED;

    /** True for the states after which a component does nothing more. */
    public boolean isTerminal() {
        return this == STOPPED || this == FATAL_ERROR;
    }
}
