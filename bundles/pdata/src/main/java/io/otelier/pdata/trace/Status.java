package io.otelier.pdata.trace;

import io.otelier.pdata.TreeNode;
import java.util.Objects;

/** The status of a span: OTLP's {@code Status}. */
public final class Status extends TreeNode {

    private StatusCode code = StatusCode.UNSET;
    private String message = "";

    /** A standalone, mutable, unset status. */
    public Status() {
    }

    public StatusCode code() {
        return code;
    }

    public Status setCode(StatusCode code) {
        checkWritable();
        this.code = Objects.requireNonNull(code, "code");
        return this;
    }

    public String message() {
        return message;
    }

    public Status setMessage(String message) {
        checkWritable();
        this.message = Objects.requireNonNull(message, "message");
        return this;
    }

    public void copyTo(Status dest) {
        dest.checkWritable();
        dest.code = code;
        dest.message = message;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Status that && code == that.code && message.equals(that.message);
    }

    @Override
    public int hashCode() {
        return code.hashCode() * 31 + message.hashCode();
    }

    @Override
    public String toString() {
        return "Status{code=" + code + ", message=" + message + "}";
    }
}
