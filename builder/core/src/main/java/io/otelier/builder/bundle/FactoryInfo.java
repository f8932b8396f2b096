package io.otelier.builder.bundle;

import io.otelier.builder.manifest.ComponentKind;
import java.util.Optional;

/**
 * A component factory a bundle declares, read without running its code.
 *
 * @param type           the type name, or empty when it could not be read statically (then only the
 *                       distribution check, which starts the result, sees it)
 * @param deprecatedType the deprecated alias, when the bundle declares one
 * @param className      the DS implementation class
 */
public record FactoryInfo(ComponentKind kind, Optional<String> type, Optional<String> deprecatedType,
        String className) {

    /** {@code exporter "debug"}, or {@code exporter io.example.MyFactory} when the type is not known. */
    public String describe() {
        return kind.singular() + " " + type.map(t -> "\"" + t + "\"").orElse(className);
    }
}
