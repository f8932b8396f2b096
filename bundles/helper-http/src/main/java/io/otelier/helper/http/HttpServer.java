package io.otelier.helper.http;

import java.net.InetSocketAddress;
import java.time.Duration;

/** A running server started by {@link HttpServers}. */
public interface HttpServer extends AutoCloseable {

    /** The address bound (the real port when the endpoint asked for port 0). */
    InetSocketAddress address();

    /** {@link #stop(Duration)} with 10 seconds to drain. */
    void stop();

    /**
     * Closes the listening socket first (the port is free again before draining starts), closes idle
     * connections, lets requests in flight finish and answers them with {@code Connection: close}; after at most
     * {@code drain} closes whatever is left, then ends every thread of the server. Idempotent.
     */
    void stop(Duration drain);

    @Override
    default void close() {
        stop();
    }
}
