package io.otelier.builder;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.builder.bundle.BundleInfo;
import io.otelier.builder.bundle.FactoryInfo;
import io.otelier.builder.manifest.ComponentEntry;
import io.otelier.builder.manifest.ComponentKind;
import io.otelier.builder.output.Listing;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the started distribution lists, against the manifest's components. */
class ComponentChecksTest {

    private static ChosenComponent receiver(int index, String bsn, Optional<String> type) {
        Path jar = Path.of(bsn + ".jar");
        return new ChosenComponent(new ComponentEntry(ComponentKind.RECEIVER, "receivers[" + index + "]", null, jar),
                List.of(jar), new BundleInfo(jar, bsn, "1.0.0", List.of(new FactoryInfo(ComponentKind.RECEIVER, type,
                        Optional.empty(), bsn + ".Factory"))));
    }

    private static Listing listed(String name, String bsn) {
        return new Listing(ComponentKind.RECEIVER, name, bsn + " 1.0.0", Map.of("traces", "Beta"));
    }

    @Test
    void exactlyTheComponentsPass() {
        assertThatCode(() -> ComponentChecks.checkListing(
                List.of(receiver(0, "a", Optional.of("a")), receiver(1, "b", Optional.empty())),
                List.of(listed("a", "a"), listed("computed", "b")), "bin/x")).doesNotThrowAnyException();
    }

    @Test
    void aDuplicateSeenOnlyAtRuntime() {
        assertThatThrownBy(() -> ComponentChecks.checkListing(
                List.of(receiver(0, "a", Optional.empty()), receiver(1, "b", Optional.empty())),
                List.of(listed("same", "a"), listed("same", "b")), "bin/x"))
                .hasMessage("two bundles provide receiver \"same\": receivers[0] (a.jar) and receivers[1] (b.jar); "
                        + "keep one of them");
    }

    @Test
    void aFactoryThatDidNotRegister() {
        assertThatThrownBy(() -> ComponentChecks.checkListing(List.of(receiver(0, "a", Optional.of("a"))),
                List.of(), "bin/x"))
                .hasMessage("receivers[0] (a.jar): receiver \"a\" did not register when the distribution started; "
                        + "run `bin/x components` in the output to see why");
    }

    @Test
    void aFactoryFromABundleTheManifestDoesNotList() {
        assertThatThrownBy(() -> ComponentChecks.checkListing(List.of(receiver(0, "a", Optional.of("a"))),
                List.of(listed("a", "a"), listed("z", "stray")), "bin/x"))
                .hasMessage("the distribution registers receiver \"z\" from bundle stray 1.0.0, which the manifest "
                        + "does not list");
    }
}
