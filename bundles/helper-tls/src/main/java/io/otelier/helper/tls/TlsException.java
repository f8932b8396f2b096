package io.otelier.helper.tls;

/**
 * TLS material could not be loaded (a file is missing, a PEM does not parse, key and certificate differ).
 * Thrown when a component starts, as upstream's {@code LoadTLSConfig} errors are; the message reads like
 * upstream's ({@code failed to load TLS config: failed to load CA CertPool File: …}).
 */
public class TlsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TlsException(String message) {
        super(message);
    }

    public TlsException(String message, Throwable cause) {
        super(message, cause);
    }
}
