package io.otelier.runtime.internal;

import io.otelier.api.component.ComponentKind;
import io.otelier.api.component.Factory;
import io.otelier.runtime.internal.config.FactoryLookup;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The factories currently registered, as DS delivers them. Lookups match a type or its deprecated alias.
 * Each entry remembers the bundle it came from, for {@code components} and for hot swap.
 */
public final class FactoryRegistry implements FactoryLookup {

    /** A registered factory and the bundle ("symbolic-name version") that provides it. */
    public record Entry(Factory<?> factory, String module) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();
    private final Object changed = new Object();

    public void add(Factory<?> factory, String module) {
        entries.add(new Entry(factory, module));
        synchronized (changed) {
            changed.notifyAll();
        }
    }

    public void remove(Factory<?> factory) {
        entries.removeIf(e -> e.factory() == factory);
    }

    public int size() {
        return entries.size();
    }

    /** Waits until at least {@code count} factories are registered or the deadline passes. */
    public boolean awaitAtLeast(int count, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        synchronized (changed) {
            while (entries.size() < count) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return false;
                }
                changed.wait(left);
            }
        }
        return true;
    }

    @Override
    public Optional<Factory<?>> find(ComponentKind kind, String type) {
        for (Entry e : entries) {
            Factory<?> f = e.factory();
            if (f.kind() == kind && f.type().equals(type)) {
                return Optional.of(f);
            }
        }
        for (Entry e : entries) {
            Factory<?> f = e.factory();
            if (f.kind() == kind && f.deprecatedType().filter(type::equals).isPresent()) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    @Override
    public List<String> types(ComponentKind kind) {
        List<String> out = new ArrayList<>();
        for (Entry e : entries) {
            if (e.factory().kind() == kind) {
                out.add(e.factory().type());
            }
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    /** Every factory of one kind, sorted by type. */
    public List<Entry> entries(ComponentKind kind) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) {
            if (e.factory().kind() == kind) {
                out.add(e);
            }
        }
        out.sort(Comparator.comparing(e -> e.factory().type()));
        return out;
    }
}
