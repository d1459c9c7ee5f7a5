package com.calliyo.order.security;

import java.io.IOException;
import java.io.InputStream;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Objects;

import com.calliyo.order.caller.CallerResolver;
import org.springframework.core.io.Resource;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The decoder every bearer token goes through. RS256 only (unsigned and HMAC tokens are refused). The key is the
 * PEM public key when {@code public-key-location} is set, and otherwise lead-service's JWK Set, fetched on the first
 * token (not at start-up, so this service starts without lead-service), cached, and fetched again when a token names
 * a key id the cache does not know. A token must carry the configured issuer, be within its lifetime (60 s of clock
 * skew), and name a user, a company and a known role.
 */
final class TokenDecoders {

    private TokenDecoders() {
    }

    static JwtDecoder create(TokenProperties properties) {
        NimbusJwtDecoder decoder = properties.publicKeyLocation() != null
                ? NimbusJwtDecoder.withPublicKey(publicKey(properties.publicKeyLocation()))
                        .signatureAlgorithm(SignatureAlgorithm.RS256)
                        .build()
                : NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri().toString())
                        .jwsAlgorithm(SignatureAlgorithm.RS256)
                        .build();
        decoder.setJwtValidator(validator(properties.issuer()));
        return decoder;
    }

    static OAuth2TokenValidator<Jwt> validator(String issuer) {
        return new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<Object>(JwtClaimNames.SUB, TokenDecoders::isText),
                new JwtClaimValidator<Object>(CallerResolver.COMPANY_ID_CLAIM, TokenDecoders::isText),
                new JwtClaimValidator<Object>(CallerResolver.ROLE_CLAIM, CallerResolver::isRole));
    }

    private static boolean isText(Object claim) {
        return claim instanceof String text && !text.isBlank();
    }

    private static RSAPublicKey publicKey(Resource location) {
        try (InputStream pem = location.getInputStream()) {
            return RsaKeyConverters.x509().convert(pem);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the token public key at " + location, e);
        }
    }
}
