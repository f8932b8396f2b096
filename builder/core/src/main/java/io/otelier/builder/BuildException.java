package io.otelier.builder;

/** A build that cannot go on, with a message written for the person who runs the builder. */
public final class BuildException extends Exception {

    private static final long serialVersionUID = 1L;

    public BuildException(String message) {
        super(message);
    }

    public BuildException(String message, Throwable cause) {
        super(message, cause);
    }
}
