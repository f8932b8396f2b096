package io.otelier.api.component;

import java.util.Locale;

/** The distribution's identity: command name, description, version. */
public record BuildInfo(String command, String description, String version) {

    /**
     * The User-Agent exporters send, in upstream's form {@code <description>/<version> (<os>/<arch>)} with
     * Go's operating system and architecture names (e.g. {@code (linux/amd64)}).
     */
    public String userAgent() {
        return description + "/" + version + " (" + goos(System.getProperty("os.name", "")) + "/"
                + goarch(System.getProperty("os.arch", "")) + ")";
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
