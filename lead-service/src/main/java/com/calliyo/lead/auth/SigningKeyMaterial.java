package com.calliyo.lead.auth;

import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * Between a {@link StoredSigningKey} and the key it stands for: generates new RSA keys, stores their private part
 * encrypted when a key encryption key is configured ({@link KeyEncryption}), and reads stored keys back as JWKs.
 */
final class SigningKeyMaterial {

    private final KeyEncryption encryption;
    private final Clock clock;

    SigningKeyMaterial(KeyEncryption encryption, Clock clock) {
        this.encryption = encryption;
        this.clock = clock;
    }

    /** Whether private keys are stored encrypted (a key encryption key is configured). */
    boolean encrypts() {
        return encryption != null;
    }

    /** The stored form of a key's private part: encrypted when a key encryption key is configured. */
    StoredSigningKey protect(StoredSigningKey key) {
        if (encryption == null || !key.hasPrivateKey() || key.privateKeyEncrypted()) {
            return key;
        }
        return key.withPrivateKey(encryption.encrypt(Base64.getDecoder().decode(key.privateKey()), key.kid()), true);
    }

    StoredSigningKey generate() {
        try {
            RSAKey generated = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            String privateKey = Base64.getEncoder().encodeToString(generated.toRSAPrivateKey().getEncoded());
            StoredSigningKey fresh = new StoredSigningKey(generated.getKeyID(), clock.instant(), null, null,
                    Base64.getEncoder().encodeToString(generated.toRSAPublicKey().getEncoded()), privateKey, false);
            return protect(fresh);
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate an RSA key", e);
        }
    }

    RSAKey toJwk(StoredSigningKey key, boolean withPrivate) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(key.publicKey())));
            RSAKey.Builder jwk = new RSAKey.Builder(publicKey).keyID(key.kid()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256);
            if (withPrivate) {
                jwk.privateKey((RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(privateKeyBytes(key))));
            }
            return jwk.build();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException | IllegalArgumentException e) {
            throw new IllegalStateException("The stored signing key " + key.kid() + " cannot be read", e);
        }
    }

    private byte[] privateKeyBytes(StoredSigningKey key) {
        if (!key.hasPrivateKey()) {
            throw new IllegalStateException("The current signing key " + key.kid() + " has no private key");
        }
        if (!key.privateKeyEncrypted()) {
            return Base64.getDecoder().decode(key.privateKey());
        }
        if (encryption == null) {
            throw new IllegalStateException("The private key of signing key " + key.kid() + " is stored encrypted,"
                    + " but no CALLIYO_KEY_ENCRYPTION_KEY (lead.auth.key-encryption-key) is set");
        }
        return encryption.decrypt(key.privateKey(), key.kid());
    }
}
