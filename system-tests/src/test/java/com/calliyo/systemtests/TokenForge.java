package com.calliyo.systemtests;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.bson.Document;

/**
 * Makes the bad tokens of the security matrix from a real access token: the same claims, each broken in one way.
 * Expired and wrong-issuer tokens are signed with lead-service's own current key (read from its {@code signing_keys}
 * collection and decrypted with its key encryption key), so the signature is valid and only the claim is wrong; {@link #resigned} proves that.
 */
final class TokenForge {

    private final RSAKey realKey;
    private final RSAKey impostor;

    private TokenForge(RSAKey realKey) {
        this.realKey = realKey;
        try {
            this.impostor = new RSAKeyGenerator(2048).keyID(realKey.getKeyID()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * lead-service's current signing key, from its key ring ({@code signing_keys/keyring}; the private key is
     * encrypted with {@code keyEncryptionKey}, AES-256-GCM as a {@code dir}/{@code A256GCM} JWE) or, for a stack from
     * before key rotation, from {@code signing_keys/primary} (plain).
     */
    static TokenForge fromLeadServiceDatabase(String leadsMongoUri, String keyEncryptionKey) {
        try (MongoClient mongo = MongoClients.create(leadsMongoUri)) {
            String database = leadsMongoUri.substring(leadsMongoUri.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
            MongoCollection<Document> keys = mongo.getDatabase(database).getCollection("signing_keys");
            Document ring = keys.find(Filters.eq("_id", "keyring")).first();
            Document stored = ring != null ? ring.get("current", Document.class)
                    : keys.find(Filters.eq("_id", "primary")).first();
            if (stored == null) {
                throw new IllegalStateException("lead-service has no signing key in " + leadsMongoUri);
            }
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(stored.getString("publicKey"))));
            RSAPrivateKey privateKey = (RSAPrivateKey) rsa.generatePrivate(
                    new PKCS8EncodedKeySpec(privateKey(stored, keyEncryptionKey)));
            return new TokenForge(new RSAKey.Builder(publicKey).privateKey(privateKey)
                    .keyID(stored.getString("kid")).build());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] privateKey(Document stored, String keyEncryptionKey) {
        String encrypted = stored.getString("encryptedPrivateKey");
        if (encrypted == null) {
            return Base64.getDecoder().decode(stored.getString("privateKey"));
        }
        if (keyEncryptionKey == null || keyEncryptionKey.isBlank()) {
            throw new IllegalStateException("lead-service's signing key is encrypted: give its key encryption key"
                    + " (-Dcalliyo.key-encryption-key or CALLIYO_KEY_ENCRYPTION_KEY) for a stack already running");
        }
        try {
            JWEObject jwe = JWEObject.parse(encrypted);
            jwe.decrypt(new DirectDecrypter(Base64.getDecoder().decode(keyEncryptionKey.trim())));
            return jwe.getPayload().toBytes();
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("Cannot decrypt lead-service's signing key: " + e.getMessage(), e);
        }
    }

    /** The same claims signed again with the real key: must be accepted, or the other forgeries prove nothing. */
    String resigned(String token) {
        return sign(realKey, claims(token).build());
    }

    /** Expired five minutes ago, beyond any clock-skew allowance. */
    String expired(String token) {
        Instant now = Instant.now();
        return sign(realKey, claims(token).issueTime(Date.from(now.minus(Duration.ofMinutes(20))))
                .expirationTime(Date.from(now.minus(Duration.ofMinutes(5)))).build());
    }

    String wrongIssuer(String token) {
        return sign(realKey, claims(token).issuer("https://issuer.evil.example").build());
    }

    /** Signed with another key under the real key's id. */
    String forged(String token) {
        return sign(impostor, claims(token).build());
    }

    /** No signature at all: header {@code alg: none}. */
    String algNone(String token) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(claims(token).build().toString().getBytes(StandardCharsets.UTF_8)) + ".";
    }

    private static JWTClaimsSet.Builder claims(String token) {
        try {
            return new JWTClaimsSet.Builder(SignedJWT.parse(token).getJWTClaimsSet());
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a JWT: " + token, e);
        }
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
