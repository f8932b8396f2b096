package io.otelier.builder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The builder's own version, which is also the version of the runtime, api and launcher it builds with. */
public final class BuilderVersion {

    private BuilderVersion() {
    }

    public static String get() {
        try (InputStream in = BuilderVersion.class.getResourceAsStream("builder.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "0.0.0");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
