package io.otelier.helper.tls;

/**
 * Upstream's {@code tpm} section (keys held in a trusted platform module). Recognised so configs bind, but not
 * implemented: the key is listed in {@link TlsSettings#UNSUPPORTED_KEYS}.
 */
public record TpmSettings(boolean enabled, String path, String ownerAuth, String auth) {

    public TpmSettings {
        path = path == null ? "" : path;
        ownerAuth = ownerAuth == null ? "" : ownerAuth;
        auth = auth == null ? "" : auth;
    }

    public static TpmSettings defaults() {
        return new TpmSettings(false, "", "", "");
    }

    @Override
    public String toString() {
        return "TpmSettings[enabled=" + enabled + ", path=" + path + "]";
    }
}
