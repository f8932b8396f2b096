package io.otelier.runtime.internal.telemetry;

import io.otelier.api.telemetry.LongCounter;

/** A monotonic long counter. Bind a label set once with {@link #bind} on hot paths; {@link #add} looks it up. */
public final class CounterInstrument implements LongCounter {

    static final CounterInstrument NOOP = new CounterInstrument(null);

    private final Instrument instrument;

    CounterInstrument(Instrument instrument) {
        this.instrument = instrument;
    }

    /**
     * The series for these label pairs (name, value, …), created at zero if new; it appears on /metrics from now on.
     *
     * @throws IllegalArgumentException for an odd number of strings or a null label name
     */
    public BoundCounter bind(String... labels) {
        if (instrument == null) {
            return BoundCounter.NOOP;
        }
        return instrument.cell(LabelSet.of(labels));
    }

    @Override
    public void add(long value, String... labels) {
        bind(labels).add(value);
    }
}
