package io.otelier.helper.http.internal;

import io.otelier.api.telemetry.Level;
import io.otelier.api.telemetry.Logger;

/** For callers that pass no logger. */
public final class NopLogger implements Logger {

    public static final NopLogger INSTANCE = new NopLogger();

    private NopLogger() {
    }

    @Override
    public boolean isEnabled(Level level) {
        return false;
    }

    @Override
    public void log(Level level, String message, Throwable error, Object... fields) {
    }

    @Override
    public Logger with(Object... fields) {
        return this;
    }
}
