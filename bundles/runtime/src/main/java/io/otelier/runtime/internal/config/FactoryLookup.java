package io.otelier.runtime.internal.config;

import io.otelier.api.component.ComponentKind;
import io.otelier.api.component.Factory;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The factories the config may use, by kind and type name. */
public interface FactoryLookup {

    /** The factory whose type, or deprecated alias, is {@code type}. */
    Optional<Factory<?>> find(ComponentKind kind, String type);

    /** Primary type names of one kind, sorted, for "valid values" lists in messages. */
    List<String> types(ComponentKind kind);

    /** A fixed set of factories (tests, tools). */
    static FactoryLookup of(Collection<? extends Factory<?>> factories) {
        return new MapFactoryLookup(factories);
    }

    static FactoryLookup of(Factory<?>... factories) {
        return new MapFactoryLookup(List.of(factories));
    }
}
