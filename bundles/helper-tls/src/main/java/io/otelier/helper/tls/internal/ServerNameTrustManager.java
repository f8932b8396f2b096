package io.otelier.helper.tls.internal;

import java.net.IDN;
import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * {@code server_name_override}: verifies the chain as usual but matches the leaf against the configured name,
 * not the host dialled (Go's {@code tls.Config.ServerName}). Doing the name check here keeps it right even
 * for clients that rewrite SNI and endpoint identification themselves (java.net.http does). Like Go, it
 * matches subject alternative names only, never the common name.
 */
public final class ServerNameTrustManager extends X509ExtendedTrustManager {

    private final X509TrustManager delegate;
    private final String serverName;

    public ServerNameTrustManager(X509TrustManager delegate, String serverName) {
        this.delegate = delegate;
        this.serverName = serverName;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkServerTrusted(chain, authType);
        checkName(chain[0]);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        delegate.checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        delegate.checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }

    private void checkName(X509Certificate leaf) throws CertificateException {
        if (!matches(serverName, leaf)) {
            throw new CertificateException("x509: certificate is not valid for " + serverName);
        }
    }

    static boolean matches(String name, X509Certificate leaf) throws CertificateParsingException {
        Collection<List<?>> names = leaf.getSubjectAlternativeNames();
        if (names == null) {
            return false;
        }
        InetAddress ip = ipLiteral(name);
        for (List<?> entry : names) {
            int type = (Integer) entry.get(0);
            String value = String.valueOf(entry.get(1));
            if (ip != null && type == 7 && ip.equals(ipLiteral(value))) {
                return true;
            }
            if (ip == null && type == 2 && dnsMatches(value, name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean dnsMatches(String pattern, String host) {
        String p = IDN.toASCII(pattern).toLowerCase(Locale.ROOT);
        String h = IDN.toASCII(host).toLowerCase(Locale.ROOT);
        if (p.startsWith("*.")) {
            int dot = h.indexOf('.');
            return dot > 0 && h.substring(dot).equals(p.substring(1));
        }
        return p.equals(h);
    }

    private static InetAddress ipLiteral(String s) {
        boolean looksNumeric = s.indexOf(':') >= 0 || s.chars().allMatch(c -> Character.isDigit(c) || c == '.');
        if (!looksNumeric) {
            return null;
        }
        try {
            return InetAddress.getByName(s.startsWith("[") ? s.substring(1, s.length() - 1) : s);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
