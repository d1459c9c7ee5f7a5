package com.calliyo.lead.auth;

import java.text.ParseException;
import java.util.Base64;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;

/**
 * Encrypts signing keys' private parts at rest with AES-256-GCM under the key encryption key
 * ({@code CALLIYO_KEY_ENCRYPTION_KEY}). The stored form is a compact JWE ({@code alg: dir}, {@code enc: A256GCM},
 * Nimbus JOSE): a random 96-bit IV per encryption, the GCM tag, and a protected header that names the signing key's
 * {@code kid}, so the ciphertext is bound to its key id (the header is authenticated; a ciphertext moved to another
 * key's document does not decrypt).
 */
public final class KeyEncryption {

    private static final int KEY_BYTES = 32;

    private final byte[] key;

    private KeyEncryption(byte[] key) {
        this.key = key;
    }

    /**
     * @param base64Key 32 random bytes in base64 (e.g. {@code openssl rand -base64 32})
     * @throws IllegalArgumentException naming what is wrong with the value (never the value itself)
     */
    public static KeyEncryption fromBase64(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalArgumentException("The key encryption key is empty");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The key encryption key is not base64: " + e.getMessage());
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("The key encryption key must be 32 bytes (256 bits) in base64, e.g. "
                    + "the output of 'openssl rand -base64 32'; it decodes to " + key.length + " bytes");
        }
        return new KeyEncryption(key);
    }

    public String encrypt(byte[] plaintext, String kid) {
        try {
            JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256GCM)
                    .keyID(kid).build(), new Payload(plaintext));
            jwe.encrypt(new DirectEncrypter(key));
            return jwe.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("AES-256-GCM is not available: " + e.getMessage(), e);
        }
    }

    /**
     * @throws KeyDecryptionException when the value was encrypted under another key encryption key, was altered, or
     *                                belongs to another signing key
     */
    public byte[] decrypt(String stored, String kid) {
        JWEObject jwe;
        try {
            jwe = JWEObject.parse(stored);
        } catch (ParseException e) {
            throw new KeyDecryptionException("The private key of signing key " + kid
                    + " is not an encrypted value (" + e.getMessage() + ")", e);
        }
        JWEHeader header = jwe.getHeader();
        if (!JWEAlgorithm.DIR.equals(header.getAlgorithm())
                || !EncryptionMethod.A256GCM.equals(header.getEncryptionMethod())) {
            throw new KeyDecryptionException("The private key of signing key " + kid + " is encrypted with "
                    + header.getAlgorithm() + "/" + header.getEncryptionMethod() + ", not dir/A256GCM", null);
        }
        if (!kid.equals(header.getKeyID())) {
            throw new KeyDecryptionException("The encrypted private key stored for signing key " + kid
                    + " belongs to key " + header.getKeyID(), null);
        }
        try {
            jwe.decrypt(new DirectDecrypter(key));
        } catch (JOSEException e) {
            throw new KeyDecryptionException("Cannot decrypt the private key of signing key " + kid
                    + ": CALLIYO_KEY_ENCRYPTION_KEY is not the key it was encrypted with, or the stored value was"
                    + " altered (" + e.getMessage() + ")", e);
        }
        return jwe.getPayload().toBytes();
    }

    @Override
    public String toString() {
        return "KeyEncryption[AES-256-GCM]";
    }

    /** A stored private key cannot be decrypted with the configured key encryption key. */
    public static final class KeyDecryptionException extends IllegalStateException {

        KeyDecryptionException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
