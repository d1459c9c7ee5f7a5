package com.calliyo.lead.auth;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The RSA key pair that signs access tokens. It lives in the {@code signing_keys} collection so that every
 * lead-service instance, and every restart, signs with the same key: the first instance to start generates it and
 * inserts it under a fixed id; the others (and later starts) lose that insert race and load it.
 */
@Component
public class SigningKeys {

    static final String COLLECTION = "signing_keys";
    private static final String PRIMARY = "primary";

    private final RSAKey key;

    SigningKeys(MongoTemplate mongo, Clock clock) {
        this.key = loadOrCreate(mongo.getCollection(COLLECTION), clock);
    }

    /** The private and public key with its key id, for signing. */
    RSAKey signingKey() {
        return key;
    }

    public RSAPublicKey publicKey() {
        try {
            return key.toRSAPublicKey();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException("The signing key has no usable public part", e);
        }
    }

    /** The public half only, as published at /.well-known/jwks.json. */
    RSAKey publicJwk() {
        return key.toPublicJWK();
    }

    private static RSAKey loadOrCreate(MongoCollection<Document> keys, Clock clock) {
        Document stored = keys.find(Filters.eq("_id", PRIMARY)).first();
        if (stored == null) {
            KeyPair pair = generate();
            Document fresh = new Document("_id", PRIMARY)
                    .append("kid", UUID.randomUUID().toString())
                    .append("publicKey", Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()))
                    .append("privateKey", Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()))
                    .append("createdAt", Date.from(clock.instant()));
            try {
                keys.insertOne(fresh);
                stored = fresh;
            } catch (MongoWriteException e) {
                if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                stored = keys.find(Filters.eq("_id", PRIMARY)).first();
            }
        }
        return toJwk(stored);
    }

    private static RSAKey toJwk(Document stored) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(stored.getString("publicKey"))));
            RSAPrivateKey privateKey = (RSAPrivateKey) rsa.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(stored.getString("privateKey"))));
            return new RSAKey.Builder(publicKey).privateKey(privateKey).keyID(stored.getString("kid"))
                    .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("The stored signing key cannot be read", e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }
}
