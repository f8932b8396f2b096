package io.otelier.helper.tls.internal;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;

/**
 * Private keys from PEM as Go's {@code tls.X509KeyPair} accepts them — PKCS#8 ("PRIVATE KEY": RSA, EC,
 * Ed25519), PKCS#1 ("RSA PRIVATE KEY") and SEC1 ("EC PRIVATE KEY") — using only the JDK: the last two are
 * rewrapped as PKCS#8.
 */
public final class PrivateKeys {

    private static final List<String> PKCS8_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "RSASSA-PSS");

    private PrivateKeys() {
    }

    /**
     * The first private key block of {@code pem}.
     *
     * @param certificate the leaf whose public key the key must match
     * @throws GeneralSecurityException with Go's wording where it has one
     */
    public static PrivateKey read(String pem, X509Certificate certificate) throws GeneralSecurityException {
        Pem.Block block = Pem.blocks(pem).stream()
                .filter(b -> b.type().equals("PRIVATE KEY") || b.type().endsWith(" PRIVATE KEY"))
                .findFirst()
                .orElseThrow(() -> new GeneralSecurityException("tls: failed to find any PEM data in key input"));
        PrivateKey key;
        try {
            key = switch (block.type()) {
                case "PRIVATE KEY" -> pkcs8(block.der());
                case "RSA PRIVATE KEY" -> KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                        pkcs8(Der.encode(Der.SEQUENCE, Der.RSA_ENCRYPTION, Der.encode(Der.NULL)), block.der())));
                case "EC PRIVATE KEY" -> KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(
                        pkcs8(Der.encode(Der.SEQUENCE, Der.EC_PUBLIC_KEY, curveOf(block.der(), certificate)),
                                block.der())));
                case "ENCRYPTED PRIVATE KEY" -> throw new GeneralSecurityException(
                        "tls: encrypted private keys are not supported");
                default -> throw new GeneralSecurityException("tls: unsupported private key type " + block.type());
            };
        } catch (IllegalArgumentException | InvalidKeySpecException e) {
            throw new GeneralSecurityException("tls: failed to parse private key", e);
        }
        checkMatches(key, certificate.getPublicKey());
        return key;
    }

    private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
        for (String algorithm : PKCS8_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (InvalidKeySpecException | java.security.NoSuchAlgorithmException e) {
                // try the next algorithm
            }
        }
        throw new GeneralSecurityException("tls: failed to parse private key");
    }

    /** PrivateKeyInfo ::= SEQUENCE { version 0, algorithm AlgorithmIdentifier, privateKey OCTET STRING } */
    private static byte[] pkcs8(byte[] algorithmIdentifier, byte[] innerKey) {
        return Der.encode(Der.SEQUENCE, Der.encode(Der.INTEGER, new byte[] {0}), algorithmIdentifier,
                Der.encode(Der.OCTET_STRING, innerKey));
    }

    /**
     * The curve OID of a SEC1 key: its optional {@code [0] parameters}, else the certificate's (the
     * AlgorithmIdentifier of its SubjectPublicKeyInfo carries the same OID).
     */
    private static byte[] curveOf(byte[] sec1, X509Certificate certificate) {
        Der.Reader key = new Der.Reader(sec1).enter(Der.SEQUENCE);
        key.skip(); // version
        key.skip(); // privateKey
        if (key.hasMore() && key.peekTag() == Der.CONTEXT_0) {
            return key.enter(Der.CONTEXT_0).element();
        }
        Der.Reader algorithm = new Der.Reader(certificate.getPublicKey().getEncoded()).enter(Der.SEQUENCE)
                .enter(Der.SEQUENCE);
        algorithm.skip(); // id-ecPublicKey
        return algorithm.element();
    }

    /** Go's "private key does not match public key": sign a nonce and verify it with the certificate's key. */
    private static void checkMatches(PrivateKey key, PublicKey publicKey) throws GeneralSecurityException {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> null;
        };
        if (!key.getAlgorithm().equals(publicKey.getAlgorithm()) && !(algorithm != null
                && algorithm.equals("Ed25519") && publicKey.getAlgorithm().startsWith("Ed"))) {
            throw new GeneralSecurityException("tls: private key type does not match public key type");
        }
        if (algorithm == null) {
            return;
        }
        byte[] nonce = new byte[32];
        new SecureRandom().nextBytes(nonce);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(nonce);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(publicKey);
        verifier.update(nonce);
        if (!verifier.verify(signature)) {
            throw new GeneralSecurityException("tls: private key does not match public key");
        }
    }
}
