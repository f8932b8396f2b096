package io.otelier.helper.stanza;

/** Where entries leaving an operator pipeline go (typically a {@link LogEmitter}). Must be thread-safe. */
@FunctionalInterface
public interface EntrySink {

    void accept(Entry entry);
}
