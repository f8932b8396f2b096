package io.otelier.builder;

import io.otelier.builder.bundle.BundleInfo;
import io.otelier.builder.bundle.FactoryInfo;
import io.otelier.builder.manifest.ComponentEntry;
import io.otelier.builder.output.Listing;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The rules a manifest's components must follow, checked twice: statically on the jars (before resolving), and
 * against what the built distribution registers when started (which also sees type names that are not
 * constants in the bytecode).
 */
final class ComponentChecks {

    private ComponentChecks() {
    }

    /** The entry's jar must be a bundle declaring at least one factory of the kind it is listed under. */
    static void checkBundle(ComponentEntry entry, BundleInfo bundle) throws BuildException {
        String jar = bundle.file().getFileName().toString();
        if (!bundle.isBundle()) {
            throw new BuildException(entry.describe() + ": " + jar + " is not an OSGi bundle (its manifest has no "
                    + "Bundle-SymbolicName)");
        }
        if (bundle.factories().isEmpty()) {
            throw new BuildException(entry.describe() + ": bundle " + bundle.symbolicName() + " provides no "
                    + "component factory (no Declarative Services component providing an io.otelier.api "
                    + "*Factory service)");
        }
        if (bundle.factories().stream().noneMatch(f -> f.kind() == entry.kind())) {
            throw new BuildException(entry.describe() + ": listed under " + entry.kind().section() + " but bundle "
                    + bundle.symbolicName() + " provides " + bundle.factories().stream().map(FactoryInfo::describe)
                            .collect(Collectors.joining(", ")));
        }
    }

    /** No bundle twice, and no two factories of one kind answering to the same name (type or alias). */
    static void checkUnique(List<ChosenComponent> components) throws BuildException {
        Map<String, ChosenComponent> bySymbolicName = new HashMap<>();
        Map<String, ChosenComponent> byName = new HashMap<>();
        for (ChosenComponent c : components) {
            ChosenComponent same = bySymbolicName.putIfAbsent(c.bundle().symbolicName(), c);
            if (same != null) {
                throw new BuildException(c.describe() + ": bundle " + c.bundle().symbolicName()
                        + " is already listed as " + same.describe());
            }
            for (FactoryInfo f : c.factories()) {
                for (String name : names(f)) {
                    String key = f.kind().singular() + " \"" + name + "\"";
                    ChosenComponent other = byName.putIfAbsent(key, c);
                    if (other != null) {
                        throw new BuildException("two bundles provide " + key + ": " + other.describe() + " and "
                                + c.describe() + "; keep one of them");
                    }
                }
            }
        }
    }

    private static List<String> names(FactoryInfo f) {
        List<String> names = new ArrayList<>();
        f.type().ifPresent(names::add);
        f.deprecatedType().ifPresent(names::add);
        return names;
    }

    /**
     * What the started distribution lists must be exactly the components' factories: every factory registered,
     * nothing else, no name twice.
     */
    static void checkListing(List<ChosenComponent> components, List<Listing> listed, String launcher)
            throws BuildException {
        Map<String, Listing> seen = new HashMap<>();
        for (Listing l : listed) {
            Listing twice = seen.putIfAbsent(l.kind().singular() + " \"" + l.name() + "\"", l);
            if (twice != null) {
                throw new BuildException("two bundles provide " + l.kind().singular() + " \"" + l.name() + "\": "
                        + owner(components, twice) + " and " + owner(components, l) + "; keep one of them");
            }
            boolean inManifest = components.stream()
                    .anyMatch(c -> c.bundle().symbolicName().equals(l.symbolicName()));
            if (!inManifest) {
                throw new BuildException("the distribution registers " + l.kind().singular() + " \"" + l.name()
                        + "\" from bundle " + l.module() + ", which the manifest does not list");
            }
        }
        for (ChosenComponent c : components) {
            for (FactoryInfo f : c.factories()) {
                boolean registered = listed.stream().anyMatch(l -> l.kind() == f.kind()
                        && l.symbolicName().equals(c.bundle().symbolicName())
                        && f.type().map(l.name()::equals).orElse(true));
                if (!registered) {
                    throw new BuildException(c.describe() + ": " + f.describe() + " did not register when the "
                            + "distribution started; run `" + launcher + " components` in the output to see why");
                }
            }
        }
    }

    /** The manifest entry whose bundle registered {@code l}, or its module when none did. */
    private static String owner(List<ChosenComponent> components, Listing l) {
        Optional<ChosenComponent> c = components.stream()
                .filter(x -> x.bundle().symbolicName().equals(l.symbolicName())).findFirst();
        return c.map(ChosenComponent::describe).orElse(l.module());
    }
}
