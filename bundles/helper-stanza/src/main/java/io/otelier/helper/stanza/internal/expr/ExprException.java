package io.otelier.helper.stanza.internal.expr;

/** A compile or evaluation error of an expression. */
public final class ExprException extends Exception {

    private static final long serialVersionUID = 1L;

    public ExprException(String message) {
        super(message);
    }
}
