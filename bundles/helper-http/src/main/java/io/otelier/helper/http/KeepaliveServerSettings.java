package io.otelier.helper.http;

import java.time.Duration;

/**
 * Upstream's server {@code keepalive} section. {@code enabled: false} (upstream's optional-section switch)
 * drops the idle timeout, so the read timeout bounds idle connections instead, exactly as upstream; keep-alives
 * themselves stay on, as they always are upstream in v0.165.
 */
public record KeepaliveServerSettings(boolean enabled, Duration idleTimeout) {

    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(1);

    public KeepaliveServerSettings {
        idleTimeout = idleTimeout == null ? Duration.ZERO : idleTimeout;
    }

    public static KeepaliveServerSettings defaults() {
        return new KeepaliveServerSettings(true, DEFAULT_IDLE_TIMEOUT);
    }
}
