package io.otelier.helper.tls.internal;

import java.util.List;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLParameters;

/**
 * What the settings say about each connection, beyond keys and trust: protocols, cipher suites (null: JSSE's
 * defaults), client authentication, hostname verification and the SNI name.
 */
public record SslPolicy(String[] protocols, String[] cipherSuites, boolean needClientAuth,
        String endpointIdentification, List<SNIServerName> serverNames) {

    /** Lays the policy over parameters a socket, engine or context already has. */
    public SSLParameters applyTo(SSLParameters p) {
        p.setProtocols(protocols.clone());
        if (cipherSuites != null) {
            p.setCipherSuites(cipherSuites.clone());
        }
        if (needClientAuth) {
            p.setNeedClientAuth(true);
        }
        if (endpointIdentification != null) {
            p.setEndpointIdentificationAlgorithm(endpointIdentification);
        }
        if (serverNames != null) {
            p.setServerNames(serverNames);
        }
        return p;
    }
}
