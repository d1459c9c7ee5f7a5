package com.calliyo.lead.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * One signing key as stored: its id, public key (X.509, base64) and, while it signs, its private key (PKCS#8),
 * either encrypted ({@link KeyEncryption}, a compact JWE) or, only when {@code lead.auth.allow-unencrypted-keys} is
 * set, in base64. A retired key keeps only its public half: it verifies tokens issued before, never signs again.
 *
 * @param activatedAt when it began to sign
 * @param retiredAt   when it stopped signing ({@code null} for the current key)
 */
record StoredSigningKey(String kid, Instant createdAt, Instant activatedAt, Instant retiredAt, String publicKey,
                        String privateKey, boolean privateKeyEncrypted) {

    StoredSigningKey {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(publicKey, "publicKey");
    }

    boolean hasPrivateKey() {
        return privateKey != null;
    }

    StoredSigningKey activated(Instant at) {
        return new StoredSigningKey(kid, createdAt, at, null, publicKey, privateKey, privateKeyEncrypted);
    }

    /** Stopped signing at {@code at}: the private key is dropped. */
    StoredSigningKey retired(Instant at) {
        return new StoredSigningKey(kid, createdAt, activatedAt, at, publicKey, null, false);
    }

    StoredSigningKey withPrivateKey(String privateKey, boolean encrypted) {
        return new StoredSigningKey(kid, createdAt, activatedAt, retiredAt, publicKey, privateKey, encrypted);
    }

    /** Never the private key. */
    @Override
    public String toString() {
        return "StoredSigningKey[kid=" + kid + ", createdAt=" + createdAt + ", activatedAt=" + activatedAt
                + ", retiredAt=" + retiredAt + "]";
    }
}
