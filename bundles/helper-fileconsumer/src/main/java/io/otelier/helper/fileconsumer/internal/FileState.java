package io.otelier.helper.fileconsumer.internal;

import java.util.Map;

/**
 * What is known about one file, open or not: the part a checkpoint keeps (fingerprint, offset, record number, gzip
 * state) and the splitting state that spans polls (upstream reader.Metadata).
 */
public final class FileState {

    Fingerprint fingerprint;
    long offset;
    long recordNumber;
    boolean gzip;
    /** Decompressed bytes already read of a file that was plain text before it was compressed. */
    long decompressedBytesToSkip;
    Map<String, Object> attributes = Map.of();
    final SplitWrappers.FlushState flush;
    final SplitWrappers.TruncateState truncate = new SplitWrappers.TruncateState();

    FileState(Fingerprint fingerprint, long nowMillis) {
        this.fingerprint = fingerprint;
        this.flush = new SplitWrappers.FlushState(nowMillis);
    }

    public Fingerprint fingerprint() {
        return fingerprint;
    }

    public long offset() {
        return offset;
    }

    public long recordNumber() {
        return recordNumber;
    }

    public boolean gzip() {
        return gzip;
    }
}
