package io.otelier.api.component;

/** The five kinds of component, named as in the collector's YAML config sections. */
public enum ComponentKind {
    RECEIVER("receiver", "receivers"),
    PROCESSOR("processor", "processors"),
    EXPORTER("exporter", "exporters"),
    CONNECTOR("connector", "connectors"),
    EXTENSION("extension", "extensions");

    private final String singular;
    private final String section;

    ComponentKind(String singular, String section) {
        this.singular = singular;
        this.section = section;
    }

    /** "receiver", "exporter", … as used in messages. */
    public String singular() {
        return singular;
    }

    /** The top-level config section: "receivers", "exporters", … */
    public String section() {
        return section;
    }

    @Override
    public String toString() {
        return singular;
    }
}
