package io.otelier.testkit;

import io.otelier.api.telemetry.Level;
import io.otelier.api.telemetry.Logger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** A logger that keeps every line for assertions. Thread-safe. */
public final class RecordingLogger implements Logger {

    /** One logged line. */
    public record Entry(Level level, String message, Throwable error, List<Object> fields) {
        @Override
        public String toString() {
            return level + " " + message + " " + fields + (error == null ? "" : " " + error);
        }
    }

    private final List<Entry> entries;
    private final Object[] context;

    public RecordingLogger() {
        this(new ArrayList<>(), new Object[0]);
    }

    private RecordingLogger(List<Entry> entries, Object[] context) {
        this.entries = entries;
        this.context = context;
    }

    @Override
    public boolean isEnabled(Level level) {
        return true;
    }

    @Override
    public void log(Level level, String message, Throwable error, Object... fields) {
        Object[] all = Arrays.copyOf(context, context.length + fields.length);
        System.arraycopy(fields, 0, all, context.length, fields.length);
        synchronized (entries) {
            entries.add(new Entry(level, message, error, Arrays.asList(all)));
        }
    }

    @Override
    public Logger with(Object... fields) {
        Object[] all = Arrays.copyOf(context, context.length + fields.length);
        System.arraycopy(fields, 0, all, context.length, fields.length);
        return new RecordingLogger(entries, all);
    }

    public List<Entry> entries() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    public List<Entry> at(Level level) {
        return entries().stream().filter(e -> e.level() == level).collect(Collectors.toList());
    }

    public boolean contains(String fragment) {
        return entries().stream().anyMatch(e -> e.message().contains(fragment));
    }
}
