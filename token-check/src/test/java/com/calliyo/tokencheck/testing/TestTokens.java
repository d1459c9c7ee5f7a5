package com.calliyo.tokencheck.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

import com.calliyo.tokencheck.Role;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.security.converter.RsaKeyConverters;

/**
 * Access tokens shaped like lead-service's (RS256, {@code iss}, {@code sub}, {@code companyId}, {@code role},
 * {@code iat}, {@code exp} 15 minutes, {@code jti}), signed with the TEST-ONLY key under
 * {@code src/test/resources/security/}, plus the broken variants the security tests need.
 */
public final class TestTokens {

    public static final String ISSUER = "calliyo";
    private static final RSAPrivateKey TEST_KEY = readPrivateKey("/security/test-token-key.pem");

    private TestTokens() {
    }

    /** A valid token of a new user of {@code companyId}. */
    public static String forCompany(String companyId, Role role) {
        return sign(claims(companyId, role).build(), TEST_KEY);
    }

    /** The {@code Authorization} header value carrying {@link #forCompany}. */
    public static String bearer(String companyId, Role role) {
        return "Bearer " + forCompany(companyId, role);
    }

    /** The {@code Authorization} header value of a valid token of user {@code userId} of {@code companyId}. */
    public static String bearer(String companyId, String userId, Role role) {
        return "Bearer " + sign(claims(companyId, role).subject(userId).build(), TEST_KEY);
    }

    /** A valid token of user {@code userId}, issued at {@code issuedAt} in sign-in session {@code sessionId}. */
    public static String issued(String companyId, String userId, Role role, Instant issuedAt, String sessionId) {
        return sign(claims(companyId, role).subject(userId).claim("sid", sessionId).issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(Duration.ofMinutes(15)))).build(), TEST_KEY);
    }

    public static String expired(String companyId) {
        Instant issued = Instant.now().minus(Duration.ofHours(1));
        return sign(claims(companyId, Role.ADMIN).issueTime(Date.from(issued))
                .expirationTime(Date.from(issued.plus(Duration.ofMinutes(15)))).build(), TEST_KEY);
    }

    public static String withIssuer(String companyId, String issuer) {
        return sign(claims(companyId, Role.ADMIN).issuer(issuer).build(), TEST_KEY);
    }

    public static String withoutClaim(String companyId, String claim) {
        return sign(claims(companyId, Role.ADMIN).claim(claim, null).build(), TEST_KEY);
    }

    public static String withClaim(String companyId, String claim, Object value) {
        return sign(claims(companyId, Role.ADMIN).claim(claim, value).build(), TEST_KEY);
    }

    /** Well-formed and signed, but by a key that lead-service never published. */
    public static String signedByAnotherKey(String companyId) {
        return signedWith(companyId, (RSAPrivateKey) newKeyPair().getPrivate(), "test-key");
    }

    /** A valid token signed by {@code key}, naming it {@code keyId} in the header. */
    public static String signedWith(String companyId, RSAPrivateKey key, String keyId) {
        return sign(claims(companyId, Role.ADMIN).build(), key, keyId);
    }

    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code alg: none}: valid claims and no signature at all. */
    public static String unsigned(String companyId) {
        return new PlainJWT(claims(companyId, Role.ADMIN).build()).serialize();
    }

    private static JWTClaimsSet.Builder claims(String companyId, Role role) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("user-" + UUID.randomUUID())
                .claim("companyId", companyId)
                .claim("role", role.name())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
                .jwtID(UUID.randomUUID().toString());
    }

    private static String sign(JWTClaimsSet claims, RSAPrivateKey key) {
        return sign(claims, key, "test-key");
    }

    private static String sign(JWTClaimsSet claims, RSAPrivateKey key, String keyId) {
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(), claims);
        try {
            token.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return token.serialize();
    }

    /** The public half of the TEST-ONLY key, which the services' test configuration names. */
    public static RSAPublicKey publicKey() {
        try (InputStream in = TestTokens.class.getResourceAsStream("/security/test-token-key.pub.pem")) {
            return RsaKeyConverters.x509().convert(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the test public key", e);
        }
    }

    private static RSAPrivateKey readPrivateKey(String resource) {
        try (InputStream in = TestTokens.class.getResourceAsStream(resource)) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
                    .replaceAll("\\s", "");
            return (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the test signing key " + resource, e);
        }
    }
}
