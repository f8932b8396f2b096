package io.otelier.runtime.internal.telemetry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * One OTel instrument as upstream declares it: name, description, unit and kind, within an instrumentation scope.
 * Its series are the label sets reported so far; each is a counter cell or an observed value read per scrape.
 */
final class Instrument {

    /** How the Prometheus exporter types the stream: monotonic sums are counters, the rest gauges. */
    enum Kind {
        COUNTER("counter"), GAUGE("gauge");

        final String prometheusType;

        Kind(String prometheusType) {
            this.prometheusType = prometheusType;
        }
    }

    /** A value read at render time. */
    interface Sample {
        double read();
    }

    /** The cell behind a counter series. */
    static final class Cell implements Sample, BoundCounter {
        private final LongAdder sum = new LongAdder();

        @Override
        public void add(long n) {
            if (n > 0) {
                sum.add(n);
            }
        }

        @Override
        public double read() {
            return sum.sum();
        }
    }

    final String scope;
    final String name;
    final String description;
    final String unit;
    final Kind kind;
    final Map<LabelSet, Sample> series = new ConcurrentHashMap<>();

    Instrument(String scope, String name, String description, String unit, Kind kind) {
        this.scope = scope;
        this.name = name;
        this.description = description == null ? "" : description;
        this.unit = unit == null ? "" : unit;
        this.kind = kind;
    }

    /** The counter cell of this label set, created on first use; a detached cell if an observer holds the set. */
    BoundCounter cell(LabelSet labels) {
        Sample s = series.computeIfAbsent(labels, k -> new Cell());
        return s instanceof Cell c ? c : new Cell();
    }

    /** Installs an observed series; the returned registration removes exactly this one. */
    Registration observe(LabelSet labels, Sample sample) {
        series.put(labels, sample);
        return () -> series.remove(labels, sample);
    }
}
