package io.otelier.exporter.otlp.http.internal;

import io.otelier.api.component.BuildInfo;
import java.util.Locale;

/** Upstream's exporter user agent: {@code <description>/<version> (<os>/<arch>)} with Go's os and arch names. */
final class UserAgent {

    private UserAgent() {
    }

    static String of(BuildInfo build) {
        return build.description() + "/" + build.version() + " (" + goos(System.getProperty("os.name", ""))
                + "/" + goarch(System.getProperty("os.arch", "")) + ")";
    }

    static String goos(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return "darwin";
        }
        if (os.startsWith("windows")) {
            return "windows";
        }
        return os.replace(" ", "");
    }

    static String goarch(String osArch) {
        return switch (osArch) {
            case "x86_64", "amd64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "x86", "i386", "i686" -> "386";
            default -> osArch;
        };
    }
}
