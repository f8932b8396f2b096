package io.otelier.builder.manifest;

import java.util.Optional;

/** The five kinds of component, with their manifest section and the factory interface of the api bundle. */
public enum ComponentKind {
    RECEIVER("receivers", "receiver", "io.otelier.api.receiver.ReceiverFactory"),
    PROCESSOR("processors", "processor", "io.otelier.api.processor.ProcessorFactory"),
    EXPORTER("exporters", "exporter", "io.otelier.api.exporter.ExporterFactory"),
    CONNECTOR("connectors", "connector", "io.otelier.api.connector.ConnectorFactory"),
    EXTENSION("extensions", "extension", "io.otelier.api.extension.ExtensionFactory");

    private final String section;
    private final String singular;
    private final String factoryInterface;

    ComponentKind(String section, String singular, String factoryInterface) {
        this.section = section;
        this.singular = singular;
        this.factoryInterface = factoryInterface;
    }

    /** The manifest key and the collector config section: {@code receivers}. */
    public String section() {
        return section;
    }

    /** {@code receiver}. */
    public String singular() {
        return singular;
    }

    public String factoryInterface() {
        return factoryInterface;
    }

    public static Optional<ComponentKind> ofFactoryInterface(String className) {
        for (ComponentKind k : values()) {
            if (k.factoryInterface.equals(className)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    public static Optional<ComponentKind> ofSingular(String name) {
        for (ComponentKind k : values()) {
            if (k.singular.equals(name)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
