package io.otelier.api.connector;

import io.otelier.api.component.Signal;

/** A connector's direction: the signal it consumes (as an exporter) and the one it emits (as a receiver). */
public record SignalPair(Signal from, Signal to) {

    public static SignalPair of(Signal from, Signal to) {
        return new SignalPair(from, to);
    }

    @Override
    public String toString() {
        return from.id() + "_to_" + to.id();
    }
}
