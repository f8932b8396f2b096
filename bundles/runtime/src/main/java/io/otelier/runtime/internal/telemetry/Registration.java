package io.otelier.runtime.internal.telemetry;

/** Removes what was registered (a gauge, an observed counter, a group of them). Closing twice is harmless. */
@FunctionalInterface
public interface Registration extends AutoCloseable {

    Registration NOOP = () -> {
    };

    @Override
    void close();
}
