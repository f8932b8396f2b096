package io.otelier.runtime.admin;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** A running collector, registered as a service while it runs. */
@ProviderType
public interface CollectorAdmin {

    /**
     * Reloads the config sources and waits for the outcome.
     *
     * @return empty when the new config runs; otherwise why it was rejected (the old pipelines go on)
     */
    Optional<String> reload(long timeoutMillis) throws InterruptedException;

    /** The live factories in the shape of {@code otelcol components}, with each bundle's version. */
    String components();

    /** Each pipeline's status: OK, STARTING, …, or "waiting for exporter \"x\"". */
    Map<String, String> pipelines();

    /** The folder FileInstall watches ({@code <home>/deploy}), or empty when there is none. */
    Optional<Path> deployFolder();
}
