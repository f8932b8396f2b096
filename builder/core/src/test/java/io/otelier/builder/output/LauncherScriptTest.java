package io.otelier.builder.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.builder.manifest.DistInfo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LauncherScriptTest {

    @Test
    void buildsInNameDescriptionAndVersionAsShellWords() throws Exception {
        String script = LauncherScript.render(new DistInfo("otelcol-x", "Bob's $HOME collector", "1.2.3",
                Path.of("out")));
        assertThat(script).startsWith("#!/bin/sh\n# Bob's $HOME collector 1.2.3: starts the collector")
                .contains("-Dotelier.dist.command='otelcol-x' \\\n")
                .contains("-Dotelier.dist.description='Bob'\\''s $HOME collector' \\\n")
                .contains("-Dotelier.dist.version='1.2.3' \\\n")
                .contains("-Xmx\"${OTELIER_HEAP:-512m}\"", "$JAVA_OPTS", "exec \"$java\"",
                        "io.otelier.launcher.Main \"$@\"")
                .doesNotContain("@NAME@", "@DESCRIPTION@", "@VERSION@", "@COMMENT@");
    }
}
