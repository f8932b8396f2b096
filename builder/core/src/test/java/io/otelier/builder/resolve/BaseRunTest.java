package io.otelier.builder.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.builder.Coordinates;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped bndrun/base.bndrun stays in step with the parent pom's versions. */
class BaseRunTest {

    private final BaseRun base;

    BaseRunTest() throws Exception {
        base = BaseRun.shipped("9.9.9");
    }

    @Test
    void frameworkAndScrVersionsAreThePoms() throws Exception {
        String felix = System.getProperty("felix.framework.version");
        String scr = System.getProperty("felix.scr.version");
        assertThat(base.framework()).isEqualTo(Map.entry("org.apache.felix.framework", "[" + felix + "," + felix + "]"));
        assertThat(base.repository()).contains(Coordinates.jar("org.apache.felix", "org.apache.felix.framework", felix),
                Coordinates.jar("org.apache.felix", "org.apache.felix.scr", scr));
    }

    @Test
    void otelierArtifactsAreAtTheBuildersVersion() throws Exception {
        assertThat(base.repository()).contains(Coordinates.jar("io.otelier", "runtime", "9.9.9"));
        assertThat(base.launcher()).isEqualTo(Coordinates.jar("io.otelier", "launcher", "9.9.9"));
    }
}
