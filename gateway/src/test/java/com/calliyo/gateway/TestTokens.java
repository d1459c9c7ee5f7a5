package com.calliyo.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Plays lead-service's token issuer for gateway tests: signs RS256 access tokens, publishes the public keys as a
 * JWK set, rotates keys, and makes each kind of bad token the gateway must refuse.
 */
final class TestTokens {

    static final String ISSUER = "calliyo";

    private final List<RSAKey> published = new CopyOnWriteArrayList<>();
    private volatile RSAKey current;
    private volatile RSAKey impostor;

    TestTokens() {
        rotate();
    }

    /** A new signing key with a new key id, published next to the old ones. */
    RSAKey rotate() {
        current = newKey();
        impostor = newKey(current.getKeyID());
        published.add(current);
        return current;
    }

    String jwks() {
        return new JWKSet(published.stream().map(key -> (com.nimbusds.jose.jwk.JWK) key.toPublicJWK()).toList())
                .toString();
    }

    String valid(String userId, String companyId, String role) {
        return sign(current, claims(userId, companyId, role, ISSUER, Instant.now().plus(Duration.ofMinutes(15))));
    }

    String valid() {
        return valid("user-" + UUID.randomUUID(), "company-1", "ADMIN");
    }

    /** Expired beyond the decoder's 60 s clock-skew allowance. */
    String expired() {
        Instant fiveMinutesAgo = Instant.now().minus(Duration.ofMinutes(5));
        return sign(current, claims("user-1", "company-1", "ADMIN", ISSUER, fiveMinutesAgo));
    }

    String wrongIssuer() {
        return sign(current, claims("user-1", "company-1", "ADMIN", "https://evil.example",
                Instant.now().plus(Duration.ofMinutes(15))));
    }

    /** Signed with a key the issuer never published, under the real key's id. */
    String forged() {
        return sign(impostor, claims("user-1", "company-1", "ADMIN", ISSUER, Instant.now().plusSeconds(900)));
    }

    /** An unsigned token: header {@code alg: none}, valid claims, empty signature. */
    String algNone() {
        String header = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = base64(claims("user-1", "company-1", "ADMIN", ISSUER, Instant.now().plusSeconds(900))
                .toString());
        return header + "." + payload + ".";
    }

    private static JWTClaimsSet claims(String userId, String companyId, String role, String issuer, Instant expiry) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(userId)
                .claim("companyId", companyId)
                .claim("role", role)
                .issueTime(Date.from(expiry.minus(Duration.ofMinutes(15))))
                .expirationTime(Date.from(expiry))
                .jwtID(UUID.randomUUID().toString())
                .build();
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

    private static RSAKey newKey() {
        return newKey(UUID.randomUUID().toString());
    }

    private static RSAKey newKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
