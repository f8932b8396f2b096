package io.otelier.runtime.internal.graph;

/** Building or starting the graph failed; the message names the component and what went wrong. */
public final class GraphException extends Exception {

    private static final long serialVersionUID = 1L;

    GraphException(String message, Throwable cause) {
        super(message, cause);
    }
}
