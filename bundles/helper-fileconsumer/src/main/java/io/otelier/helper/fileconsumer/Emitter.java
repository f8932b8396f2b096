package io.otelier.helper.fileconsumer;

import java.util.List;

/**
 * Receives what the file consumer read, one batch of entries of one file at a time (at most 100), on the polling
 * thread. The file's offset moves past a batch only when this returns, so a batch that is being emitted when the
 * collector dies is read again after a restart (at least once). An exception is logged and the batch counts as
 * done, as upstream does; retrying is the caller's business.
 */
@FunctionalInterface
public interface Emitter {

    void emit(List<Token> tokens) throws Exception;
}
