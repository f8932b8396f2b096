package io.otelier.pdata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A repeated message field: an ordered list of nodes that belong to the list's tree. Not a {@link java.util.List}
 * on purpose: elements are created in place ({@link #addNew()}) or moved between trees ({@link #moveAllTo}),
 * never inserted from outside, so every element always has exactly one owner.
 *
 * @param <E> the element type
 */
public final class PList<E extends TreeNode> extends TreeNode implements Iterable<E> {

    private final ArrayList<E> elements = new ArrayList<>();
    private final Supplier<? extends E> factory;
    private final BiConsumer<? super E, ? super E> copier;

    /**
     * @param factory creates a new empty element
     * @param copier  copies its first argument over its second (the element type's {@code copyTo})
     */
    public PList(Supplier<? extends E> factory, BiConsumer<? super E, ? super E> copier) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.copier = Objects.requireNonNull(copier, "copier");
    }

    public int size() {
        return elements.size();
    }

    public boolean isEmpty() {
        return elements.isEmpty();
    }

    public E get(int index) {
        return elements.get(index);
    }

    /** Appends a new empty element that belongs to this list's tree and returns it. */
    public E addNew() {
        checkWritable();
        E element = factory.get();
        element.setOwner(this);
        elements.add(element);
        return element;
    }

    /** Removes and returns the element at {@code index}; it becomes a standalone (mutable) node. */
    public E remove(int index) {
        checkWritable();
        E removed = elements.remove(index);
        removed.setOwner(null);
        return removed;
    }

    /** Removes every element matching {@code filter}; true when any was removed. */
    public boolean removeIf(Predicate<? super E> filter) {
        Objects.requireNonNull(filter, "filter");
        checkWritable();
        return elements.removeIf(element -> {
            if (filter.test(element)) {
                element.setOwner(null);
                return true;
            }
            return false;
        });
    }

    public void clear() {
        checkWritable();
        for (int i = 0, n = elements.size(); i < n; i++) {
            elements.get(i).setOwner(null);
        }
        elements.clear();
    }

    /**
     * Moves every element to the end of {@code target} (which may belong to another tree), leaving this list
     * empty. Moved elements follow the target tree's read-only state.
     */
    public void moveAllTo(PList<E> target) {
        Objects.requireNonNull(target, "target");
        if (target == this) {
            return;
        }
        checkWritable();
        target.checkWritable();
        for (int i = 0, n = elements.size(); i < n; i++) {
            elements.get(i).setOwner(target);
        }
        target.elements.addAll(elements);
        elements.clear();
    }

    /**
     * Moves every element of {@code source} (a list nobody else has seen) here without the read-only checks: how a
     * root that still holds its received bytes turns them into its tree, even when it is shared (read-only).
     */
    void adoptAllDecoded(PList<E> source) {
        for (int i = 0, n = source.elements.size(); i < n; i++) {
            source.elements.get(i).setOwner(this);
        }
        elements.addAll(source.elements);
        source.elements.clear();
    }

    public void ensureCapacity(int capacity) {
        elements.ensureCapacity(capacity);
    }

    /** Sorts the elements in place. */
    public void sort(Comparator<? super E> order) {
        checkWritable();
        elements.sort(order);
    }

    /** Replaces the content of {@code dest} with deep copies of this list's elements. */
    public void copyTo(PList<E> dest) {
        if (dest == this) {
            return;
        }
        dest.clear();
        dest.elements.ensureCapacity(elements.size());
        for (int i = 0, n = elements.size(); i < n; i++) {
            copier.accept(elements.get(i), dest.addNew());
        }
    }

    @Override
    public void forEach(Consumer<? super E> action) {
        for (int i = 0, n = elements.size(); i < n; i++) {
            action.accept(elements.get(i));
        }
    }

    /** Iterates in order; {@link Iterator#remove()} is allowed and guarded like every mutation. */
    @Override
    public Iterator<E> iterator() {
        return new Iterator<>() {
            private int next;
            private int last = -1;

            @Override
            public boolean hasNext() {
                return next < elements.size();
            }

            @Override
            public E next() {
                if (next >= elements.size()) {
                    throw new NoSuchElementException();
                }
                last = next++;
                return elements.get(last);
            }

            @Override
            public void remove() {
                if (last < 0) {
                    throw new IllegalStateException("next() was not called");
                }
                if (last >= elements.size()) {
                    throw new ConcurrentModificationException();
                }
                PList.this.remove(last);
                next = last;
                last = -1;
            }
        };
    }

    public Stream<E> stream() {
        return elements.stream();
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof PList<?> list && elements.equals(list.elements);
    }

    @Override
    public int hashCode() {
        return elements.hashCode();
    }

    @Override
    public String toString() {
        return elements.toString();
    }
}
