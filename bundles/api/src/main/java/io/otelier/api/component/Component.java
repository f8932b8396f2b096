package io.otelier.api.component;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The lifecycle every component shares. {@link #start} is called once, after the components it feeds
 * have started; {@link #shutdown} once, after the components feeding it have stopped, and must finish
 * in-flight work (drain) before it returns. Both must tolerate being called when the other never was.
 */
@ConsumerType
public interface Component {

    /** Starts the component. Throwing fails collector startup and names this component. */
    default void start(Host host) throws Exception {
    }

    /** Stops the component, draining what it accepted. */
    default void shutdown() throws Exception {
    }
}
