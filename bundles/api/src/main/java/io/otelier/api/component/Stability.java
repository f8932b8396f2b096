package io.otelier.api.component;

/** Stability levels as upstream's metadata.yaml names them. */
public enum Stability {
    UNDEVELOPED("Undeveloped"),
    DEVELOPMENT("Development"),
    ALPHA("Alpha"),
    BETA("Beta"),
    STABLE("Stable"),
    DEPRECATED("Deprecated"),
    UNMAINTAINED("Unmaintained");

    private final String display;

    Stability(String display) {
        this.display = display;
    }

    /** The form upstream prints in `components` output, e.g. "Beta". */
    public String display() {
        return display;
    }

    @Override
    public String toString() {
        return display;
    }
}
