package io.otelier.helper.tls.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM blocks as Go's {@code encoding/pem} reads them: text outside the BEGIN/END lines is skipped, headers
 * inside a block (RFC 1421 {@code Proc-Type:}) are not supported.
 */
public final class Pem {

    /** One decoded block: its type ("CERTIFICATE", "RSA PRIVATE KEY", …) and DER bytes. */
    public record Block(String type, byte[] der) {
    }

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)\\s*-----END \\1-----");

    private Pem() {
    }

    public static List<Block> blocks(String text) {
        List<Block> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            try {
                out.add(new Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2))));
            } catch (IllegalArgumentException e) {
                // a block with broken base64 is skipped, as encoding/pem does
            }
        }
        return out;
    }

    /**
     * Every CERTIFICATE block of {@code text}; other blocks are skipped, as Go's
     * {@code CertPool.AppendCertsFromPEM} does.
     *
     * @throws CertificateException if a CERTIFICATE block does not parse
     */
    public static List<X509Certificate> certificates(String text) throws CertificateException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> out = new ArrayList<>();
        for (Block b : blocks(text)) {
            if (b.type().equals("CERTIFICATE")) {
                out.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(b.der())));
            }
        }
        return out;
    }

    public static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
