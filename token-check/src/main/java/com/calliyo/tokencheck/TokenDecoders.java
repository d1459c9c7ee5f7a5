package com.calliyo.tokencheck;

import java.io.IOException;
import java.io.InputStream;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.calliyo.tokencheck.cache.VerifiedTokens;
import com.calliyo.tokencheck.instances.ServiceAddress;
import com.calliyo.tokencheck.revocation.RevocationValidator;
import com.calliyo.tokencheck.revocation.RevokedAccess;
import org.springframework.core.io.Resource;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
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
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/**
 * The decoders every bearer token goes through, for both web stacks. RS256 only (unsigned and HMAC tokens are
 * refused). The key is the PEM public key when {@code public-key-location} is set, and otherwise lead-service's JWK
 * Set, fetched on the first token (not at start-up, so a process starts without lead-service), cached, and fetched
 * again when a token names a key id the cache does not know (a rotated key). A token must carry the configured
 * issuer, be within its lifetime (60 s of clock skew), name a user, a company and a known role, and not be revoked.
 * Each token's signature is verified once and remembered until it expires ({@link VerifiedTokens}); the checks after
 * the signature run on every request.
 */
public final class TokenDecoders {

    /** A hung issuer must not hang requests: after this the key set counts as unreachable. */
    static final Duration KEY_SET_TIMEOUT = Duration.ofSeconds(5);

    private TokenDecoders() {
    }

    /** For a key set at one URL ({@code http(s)://}); see the other overload for every instance ({@code lb://}). */
    public static JwtDecoder servlet(TokenCheckProperties properties, RevokedAccess revoked) {
        return servlet(properties, revoked, null);
    }

    /**
     * As above; a key set at {@code lb://lead-service/.well-known/jwks.json} is fetched from any instance of
     * lead-service through {@code loadBalancer} (Spring Cloud LoadBalancer's interceptor, null where there is none),
     * the next instance asked when one refuses the connection or times out.
     */
    public static JwtDecoder servlet(TokenCheckProperties properties, RevokedAccess revoked,
                                     ClientHttpRequestInterceptor loadBalancer) {
        NimbusJwtDecoder decoder;
        if (properties.publicKeyLocation() != null) {
            decoder = NimbusJwtDecoder.withPublicKey(publicKey(properties.publicKeyLocation()))
                    .signatureAlgorithm(SignatureAlgorithm.RS256)
                    .build();
        } else {
            ServiceAddress keySet = ServiceAddress.of(properties.jwkSetUri());
            decoder = NimbusJwtDecoder.withJwkSetUri(keySet.requestUri().toString())
                    .jwsAlgorithm(SignatureAlgorithm.RS256)
                    .restOperations(keySetClient(keySet, loadBalancer))
                    .build();
        }
        return cached(decoder, validator(properties.issuer(), revoked));
    }

    private static RestTemplate keySetClient(ServiceAddress keySet, ClientHttpRequestInterceptor loadBalancer) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(KEY_SET_TIMEOUT);
        requests.setReadTimeout(KEY_SET_TIMEOUT);
        RestTemplate client = new RestTemplate(requests);
        if (keySet.loadBalanced()) {
            client.setInterceptors(List.of(keySet.balancedBy(loadBalancer)));
        }
        return client;
    }

    /** {@code decoder} with {@code validator} set, verifying each token's signature once. */
    public static JwtDecoder cached(NimbusJwtDecoder decoder, OAuth2TokenValidator<Jwt> validator) {
        decoder.setJwtValidator(validator);
        return verifiedTokens(validator).around(decoder);
    }

    /** For a key set at one URL ({@code http(s)://}); see the other overload for every instance ({@code lb://}). */
    public static ReactiveJwtDecoder reactive(TokenCheckProperties properties, RevokedAccess revoked) {
        return reactive(properties, revoked, null);
    }

    /**
     * As above; a key set at {@code lb://lead-service/.well-known/jwks.json} is fetched from any instance of
     * lead-service through {@code loadBalancer} (Spring Cloud LoadBalancer's exchange filter, null where there is
     * none), which retries on the next instance when one refuses the connection.
     */
    public static ReactiveJwtDecoder reactive(TokenCheckProperties properties, RevokedAccess revoked,
                                              ExchangeFilterFunction loadBalancer) {
        NimbusReactiveJwtDecoder decoder;
        if (properties.publicKeyLocation() != null) {
            decoder = NimbusReactiveJwtDecoder.withPublicKey(publicKey(properties.publicKeyLocation()))
                    .signatureAlgorithm(SignatureAlgorithm.RS256)
                    .build();
        } else {
            ServiceAddress keySet = ServiceAddress.of(properties.jwkSetUri());
            WebClient.Builder keys = WebClient.builder()
                    .clientConnector(new ReactorClientHttpConnector(HttpClient.create()
                            .responseTimeout(KEY_SET_TIMEOUT)));
            if (keySet.loadBalanced()) {
                keys.filter(keySet.balancedBy(loadBalancer));
            }
            decoder = NimbusReactiveJwtDecoder.withJwkSetUri(keySet.requestUri().toString())
                    .jwsAlgorithm(SignatureAlgorithm.RS256)
                    .webClient(keys.build())
                    .build();
        }
        OAuth2TokenValidator<Jwt> validator = validator(properties.issuer(), revoked);
        decoder.setJwtValidator(validator);
        return verifiedTokens(validator).around(decoder);
    }

    /** Every check after the signature: issuer, lifetime, the suite's claims, and revocation. */
    public static OAuth2TokenValidator<Jwt> validator(String issuer, RevokedAccess revoked) {
        return new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<Object>(JwtClaimNames.SUB, TokenDecoders::isText),
                new JwtClaimValidator<Object>(TokenClaims.COMPANY_ID, TokenDecoders::isText),
                new JwtClaimValidator<Object>(TokenClaims.ROLE, Role::isKnown),
                new RevocationValidator(revoked));
    }

    private static VerifiedTokens verifiedTokens(OAuth2TokenValidator<Jwt> validator) {
        return new VerifiedTokens(VerifiedTokens.DEFAULT_MAX_TOKENS, validator, Clock.systemUTC());
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
