package io.otelier.pdata.logs;

import io.otelier.pdata.PList;
import io.otelier.pdata.TreeNode;
import io.otelier.pdata.common.InstrumentationScope;
import java.util.Objects;

/** The log records of one instrumentation scope: OTLP's {@code ScopeLogs}. */
public final class ScopeLogs extends TreeNode {

    private final InstrumentationScope scope = adopt(new InstrumentationScope());
    private final PList<LogRecord> logRecords = adopt(new PList<>(LogRecord::new, LogRecord::copyTo));
    private String schemaUrl = "";

    /** A standalone, mutable, empty instance. */
    public ScopeLogs() {
    }

    public InstrumentationScope scope() {
        return scope;
    }

    public PList<LogRecord> logRecords() {
        return logRecords;
    }

    public String schemaUrl() {
        return schemaUrl;
    }

    public ScopeLogs setSchemaUrl(String schemaUrl) {
        checkWritable();
        this.schemaUrl = Objects.requireNonNull(schemaUrl, "schemaUrl");
        return this;
    }

    public void copyTo(ScopeLogs dest) {
        dest.checkWritable();
        scope.copyTo(dest.scope);
        logRecords.copyTo(dest.logRecords);
        dest.schemaUrl = schemaUrl;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof ScopeLogs that
                && schemaUrl.equals(that.schemaUrl) && scope.equals(that.scope) && logRecords.equals(that.logRecords);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scope, logRecords, schemaUrl);
    }

    @Override
    public String toString() {
        return "ScopeLogs{scope=" + scope + ", schemaUrl=" + schemaUrl + ", logRecords=" + logRecords + "}";
    }
}
