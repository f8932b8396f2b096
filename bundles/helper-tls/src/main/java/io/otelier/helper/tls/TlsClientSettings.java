package io.otelier.helper.tls;

import io.otelier.api.config.ConfigException;
import io.otelier.helper.tls.internal.TlsRules;
import java.time.Duration;
import java.util.List;

/**
 * Upstream's {@code configtls.ClientConfig}: the common keys plus {@code insecure} (no TLS at all, for gRPC;
 * HTTP clients go by the endpoint's scheme), {@code insecure_skip_verify} (TLS without verifying the server)
 * and {@code server_name_override} (SNI and the name the server certificate must match).
 */
public record TlsClientSettings(String caFile, String caPem, String certFile, String certPem, String keyFile,
        String keyPem, String minVersion, String maxVersion, List<String> cipherSuites,
        boolean includeSystemCaCertsPool, Duration reloadInterval, List<String> curvePreferences, boolean insecure,
        boolean insecureSkipVerify, String serverNameOverride, boolean includeInsecureCipherSuites,
        TpmSettings tpm) implements TlsSettings {

    public TlsClientSettings {
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
        serverNameOverride = orEmpty(serverNameOverride);
        tpm = tpm == null ? TpmSettings.defaults() : tpm;
    }

    /** Upstream's {@code NewDefaultClientConfig}: TLS on, system roots, min version 1.2. */
    public static TlsClientSettings defaults() {
        return new TlsClientSettings("", "", "", "", "", "", DEFAULT_MIN_VERSION, "", List.of(), false,
                Duration.ZERO, List.of(), false, false, "", false, TpmSettings.defaults());
    }

    /** Defaults with {@code insecure: true} (plaintext). */
    public static TlsClientSettings plaintext() {
        return defaults().withInsecure(true);
    }

    public TlsClientSettings withInsecure(boolean value) {
        return new TlsClientSettings(caFile, caPem, certFile, certPem, keyFile, keyPem, minVersion, maxVersion,
                cipherSuites, includeSystemCaCertsPool, reloadInterval, curvePreferences, value, insecureSkipVerify,
                serverNameOverride, includeInsecureCipherSuites, tpm);
    }

    public TlsClientSettings withInsecureSkipVerify(boolean value) {
        return new TlsClientSettings(caFile, caPem, certFile, certPem, keyFile, keyPem, minVersion, maxVersion,
                cipherSuites, includeSystemCaCertsPool, reloadInterval, curvePreferences, insecure, value,
                serverNameOverride, includeInsecureCipherSuites, tpm);
    }

    /** A copy trusting the CAs in this file. */
    public TlsClientSettings withCaFile(String file) {
        return new TlsClientSettings(file, "", certFile, certPem, keyFile, keyPem, minVersion, maxVersion,
                cipherSuites, includeSystemCaCertsPool, reloadInterval, curvePreferences, insecure,
                insecureSkipVerify, serverNameOverride, includeInsecureCipherSuites, tpm);
    }

    /** A copy presenting this client certificate and key (mTLS). */
    public TlsClientSettings withCertificate(String certFile, String keyFile) {
        return new TlsClientSettings(caFile, caPem, certFile, "", keyFile, "", minVersion, maxVersion, cipherSuites,
                includeSystemCaCertsPool, reloadInterval, curvePreferences, insecure, insecureSkipVerify,
                serverNameOverride, includeInsecureCipherSuites, tpm);
    }

    public TlsClientSettings withServerNameOverride(String name) {
        return new TlsClientSettings(caFile, caPem, certFile, certPem, keyFile, keyPem, minVersion, maxVersion,
                cipherSuites, includeSystemCaCertsPool, reloadInterval, curvePreferences, insecure,
                insecureSkipVerify, name, includeInsecureCipherSuites, tpm);
    }

    /** Upstream's {@code Config.Validate} (the client adds no rules of its own). */
    @Override
    public void validate() throws ConfigException {
        TlsRules.validate(this);
    }

    @Override
    public String toString() {
        return "TlsClientSettings[insecure=" + insecure + ", insecureSkipVerify=" + insecureSkipVerify
                + ", serverNameOverride=" + serverNameOverride + ", caFile=" + caFile + ", caPem="
                + TlsRules.redact(caPem) + ", certFile=" + certFile + ", certPem=" + TlsRules.redact(certPem)
                + ", keyFile=" + keyFile + ", keyPem=" + TlsRules.redact(keyPem) + ", minVersion=" + minVersion
                + ", maxVersion=" + maxVersion + ", cipherSuites=" + cipherSuites + "]";
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
