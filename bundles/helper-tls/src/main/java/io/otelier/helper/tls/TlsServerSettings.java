package io.otelier.helper.tls;

import io.otelier.api.config.ConfigException;
import io.otelier.helper.tls.internal.TlsRules;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Upstream's {@code configtls.ServerConfig}: the common keys plus {@code client_ca_file} (require and verify
 * client certificates: mTLS) and {@code client_ca_file_reload}. A server always needs a certificate and key.
 * Strings default to empty, lists to empty, as upstream's zero values.
 */
public record TlsServerSettings(String caFile, String caPem, String certFile, String certPem, String keyFile,
        String keyPem, String minVersion, String maxVersion, List<String> cipherSuites,
        boolean includeSystemCaCertsPool, Duration reloadInterval, List<String> curvePreferences,
        String clientCaFile, boolean clientCaFileReload, boolean includeInsecureCipherSuites, TpmSettings tpm)
        implements TlsSettings {

    /** {@link TlsSettings#UNSUPPORTED_KEYS} plus the server-only keys not implemented yet. */
    public static final Set<String> UNSUPPORTED_KEYS = Stream.concat(TlsSettings.UNSUPPORTED_KEYS.stream(),
            Stream.of("client_ca_file_reload")).collect(Collectors.toUnmodifiableSet());

    public TlsServerSettings {
        caFile = orEmpty(caFile);
        caPem = orEmpty(caPem);
        certFile = orEmpty(certFile);
        certPem = orEmpty(certPem);
        keyFile = orEmpty(keyFile);
        keyPem = orEmpty(keyPem);
        minVersion = orEmpty(minVersion);
        maxVersion = orEmpty(maxVersion);
        cipherSuites = cipherSuites == null ? List.of() : List.copyOf(cipherSuites);
        reloadInterval = reloadInterval == null ? Duration.ZERO : reloadInterval;
        curvePreferences = curvePreferences == null ? List.of() : List.copyOf(curvePreferences);
        clientCaFile = orEmpty(clientCaFile);
        tpm = tpm == null ? TpmSettings.defaults() : tpm;
    }

    /** The section's defaults (a bare {@code tls:}): min version 1.2, nothing else set. */
    public static TlsServerSettings defaults() {
        return new TlsServerSettings("", "", "", "", "", "", DEFAULT_MIN_VERSION, "", List.of(), false,
                Duration.ZERO, List.of(), "", false, false, TpmSettings.defaults());
    }

    /** Defaults with a certificate and key from files. */
    public static TlsServerSettings withFiles(String certFile, String keyFile) {
        return defaults().withCertificate(certFile, keyFile);
    }

    /** A copy using this certificate and key file. */
    public TlsServerSettings withCertificate(String certFile, String keyFile) {
        return new TlsServerSettings(caFile, caPem, certFile, "", keyFile, "", minVersion, maxVersion, cipherSuites,
                includeSystemCaCertsPool, reloadInterval, curvePreferences, clientCaFile, clientCaFileReload,
                includeInsecureCipherSuites, tpm);
    }

    /** A copy that requires client certificates signed by a CA in this file. */
    public TlsServerSettings withClientCaFile(String file) {
        return new TlsServerSettings(caFile, caPem, certFile, certPem, keyFile, keyPem, minVersion, maxVersion,
                cipherSuites, includeSystemCaCertsPool, reloadInterval, curvePreferences, file, clientCaFileReload,
                includeInsecureCipherSuites, tpm);
    }

    /** A copy with these versions ("1.2", "1.3"; empty for the default). */
    public TlsServerSettings withVersions(String min, String max) {
        return new TlsServerSettings(caFile, caPem, certFile, certPem, keyFile, keyPem, min, max, cipherSuites,
                includeSystemCaCertsPool, reloadInterval, curvePreferences, clientCaFile, clientCaFileReload,
                includeInsecureCipherSuites, tpm);
    }

    /** Upstream's {@code Config.Validate} then {@code ServerConfig.Validate}. */
    @Override
    public void validate() throws ConfigException {
        TlsRules.validate(this);
        if (!hasCert() && !hasKey()) {
            throw ConfigException.of("TLS configuration must include both certificate and key for server connections");
        }
    }

    /** Whether clients must present a certificate signed by {@link #clientCaFile()}. */
    public boolean requiresClientCertificate() {
        return !clientCaFile.isEmpty();
    }

    @Override
    public String toString() {
        return "TlsServerSettings[certFile=" + certFile + ", certPem=" + TlsRules.redact(certPem) + ", keyFile="
                + keyFile + ", keyPem=" + TlsRules.redact(keyPem) + ", caFile=" + caFile + ", caPem="
                + TlsRules.redact(caPem) + ", clientCaFile=" + clientCaFile + ", minVersion=" + minVersion
                + ", maxVersion=" + maxVersion + ", cipherSuites=" + cipherSuites + "]";
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
