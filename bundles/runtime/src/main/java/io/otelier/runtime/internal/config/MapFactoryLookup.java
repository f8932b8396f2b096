package io.otelier.runtime.internal.config;

import io.otelier.api.component.ComponentKind;
import io.otelier.api.component.Factory;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link FactoryLookup} over a fixed collection; a primary type wins over another factory's alias. */
final class MapFactoryLookup implements FactoryLookup {

    private final Map<ComponentKind, Map<String, Factory<?>>> byType = new EnumMap<>(ComponentKind.class);
    private final Map<ComponentKind, Map<String, Factory<?>>> byAlias = new EnumMap<>(ComponentKind.class);

    MapFactoryLookup(Collection<? extends Factory<?>> factories) {
        for (Factory<?> f : factories) {
            byType.computeIfAbsent(f.kind(), k -> new HashMap<>()).putIfAbsent(f.type(), f);
            f.deprecatedType().ifPresent(alias ->
                    byAlias.computeIfAbsent(f.kind(), k -> new HashMap<>()).putIfAbsent(alias, f));
        }
    }

    @Override
    public Optional<Factory<?>> find(ComponentKind kind, String type) {
        Factory<?> primary = byType.getOrDefault(kind, Map.of()).get(type);
        return Optional.ofNullable(primary != null ? primary : byAlias.getOrDefault(kind, Map.of()).get(type));
    }

    @Override
    public List<String> types(ComponentKind kind) {
        return byType.getOrDefault(kind, Map.of()).keySet().stream().sorted().toList();
    }
}
