package io.otelier.builder.bundle;

import java.nio.file.Path;
import java.util.List;

/**
 * What the builder needs to know about a jar: its bundle identity (empty symbolic name for a plain jar) and
 * the component factories it declares.
 */
public record BundleInfo(Path file, String symbolicName, String version, List<FactoryInfo> factories) {

    public BundleInfo {
        factories = List.copyOf(factories);
    }

    public boolean isBundle() {
        return !symbolicName.isEmpty();
    }

    /** {@code io.otelier.exporter-debug 0.1.0.202601011200} as the runtime's {@code components} prints it. */
    public String module() {
        return symbolicName + " " + version;
    }
}
