package io.otelier.builder;

import io.otelier.builder.bundle.BundleInfo;
import io.otelier.builder.bundle.FactoryInfo;
import io.otelier.builder.manifest.ComponentEntry;
import java.nio.file.Path;
import java.util.List;

/**
 * A manifest entry once fetched and inspected.
 *
 * @param files the component's jar followed by its Maven dependencies
 */
record ChosenComponent(ComponentEntry entry, List<Path> files, BundleInfo bundle) {

    ChosenComponent {
        files = List.copyOf(files);
    }

    List<FactoryInfo> factories() {
        return bundle.factories();
    }

    String describe() {
        return entry.describe();
    }
}
