package io.otelier.builder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The image test of issue 4, {@code tests/image/run-image-test.sh}: the core distribution's image on the jlink
 * base, pushed to a registry on 127.0.0.1, run with podman, taking OTLP from the host. It needs Debian's
 * docker-registry, podman and runc and root, so it runs only with {@code OTELIER_IMAGE_TEST=1}. The script runs
 * the builder through {@link ReactorBuilder}, which takes this project's modules from their target folders.
 */
@EnabledIfEnvironmentVariable(named = "OTELIER_IMAGE_TEST", matches = "1")
class ImageRunTest {

    private static final Path ROOT = Path.of(System.getProperty("otelier.root", "../..")).toAbsolutePath()
            .normalize();

    @Test
    void theCoreImageRunsInPodmanAndTakesOtlpFromTheHost() throws Exception {
        String builder = String.join(" ", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dotelier.root=" + ROOT, "-Dmaven.repo.local=" + Main.defaultLocalRepository(),
                "-cp", System.getProperty("java.class.path"), ReactorBuilder.class.getName());
        ProcessBuilder pb = new ProcessBuilder("bash", ROOT.resolve("tests/image/run-image-test.sh").toString())
                .redirectErrorStream(true);
        pb.environment().put("OTELIER_BUILDER", builder);
        Process p = pb.start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null;) {
                System.out.println(line); // the build log shows the script's progress and timings
                output.append(line).append('\n');
            }
        }
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(output.toString()).isZero();
        assertThat(output).contains("Pushed image 127.0.0.1:", "the containerized collector received the host's trace",
                "image test passed");
    }
}
