package io.otelier.builder.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The {@code release} file of a JDK: {@code KEY="value"} lines that say which Java it is. */
public final class JdkRelease {

    private JdkRelease() {
    }

    /** The value of {@code key}, without its quotes; empty when the file, the key or a value is missing. */
    public static Optional<String> value(Path javaHome, String key) throws IOException {
        Path release = javaHome.resolve("release");
        if (!Files.isRegularFile(release)) {
            return Optional.empty();
        }
        String prefix = key + "=";
        for (String line : Files.readAllLines(release, StandardCharsets.UTF_8)) {
            if (line.startsWith(prefix)) {
                String v = line.substring(prefix.length()).strip();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1);
                }
                return v.isEmpty() ? Optional.empty() : Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
