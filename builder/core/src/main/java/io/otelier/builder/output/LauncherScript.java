package io.otelier.builder.output;

import io.otelier.builder.manifest.DistInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** {@code bin/<name>}: the POSIX launcher, with the distribution's name, description and version built in. */
final class LauncherScript {

    private LauncherScript() {
    }

    static String render(DistInfo dist) throws IOException {
        String template;
        try (InputStream in = LauncherScript.class.getResourceAsStream("launcher.sh")) {
            if (in == null) {
                throw new IOException("launcher.sh is missing from the builder's jar");
            }
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return template
                .replace("@COMMENT@", oneLine(dist.description() + " " + dist.version()))
                .replace("@NAME@", shellQuote(dist.name()))
                .replace("@DESCRIPTION@", shellQuote(dist.description()))
                .replace("@VERSION@", shellQuote(dist.version()));
    }

    /** A single-quoted sh word: nothing inside is expanded; a quote becomes '\''. */
    static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n]+", " ");
    }
}
