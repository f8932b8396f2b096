package io.otelier.helper.stanza.internal.expr;

import java.util.Map;

/** A node of a parsed expression; evaluation reads variables from the environment map. */
interface Node {

    Object eval(Map<String, Object> env) throws ExprException;

    /** The static type when known from literals alone ("bool", "string", "int", "float", "nil"), else null. */
    default String staticType() {
        return null;
    }
}
