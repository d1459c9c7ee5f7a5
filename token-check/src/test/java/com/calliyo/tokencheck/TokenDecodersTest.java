package com.calliyo.tokencheck;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.security.KeyPair;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.calliyo.tokencheck.revocation.RevokedAccess;
import com.calliyo.tokencheck.testing.TestTokens;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JWK Set path against a stand-in for lead-service's {@code /.well-known/jwks.json}. */
class TokenDecodersTest {

    private final AtomicInteger keySetRequests = new AtomicInteger();
    private final AtomicReference<JWKSet> publishedKeys = new AtomicReference<>();
    private HttpServer leadService;
    private URI jwkSetUri;

    @BeforeEach
    void startKeySet() throws IOException {
        publishedKeys.set(new JWKSet(new RSAKey.Builder(TestTokens.publicKey()).keyID("test-key").build()));
        leadService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        leadService.createContext("/.well-known/jwks.json", exchange -> {
            keySetRequests.incrementAndGet();
            byte[] keySet = publishedKeys.get().toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, keySet.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(keySet);
            }
        });
        leadService.start();
        jwkSetUri = URI.create("http://127.0.0.1:" + leadService.getAddress().getPort() + "/.well-known/jwks.json");
    }

    @AfterEach
    void stopKeySet() {
        leadService.stop(0);
    }

    @Test
    void shouldFetchTheKeySetOnTheFirstTokenAndThenUseTheCache() {
        JwtDecoder decoder = decoder(new TokenCheckProperties(jwkSetUri, null, null, null));
        assertThat(keySetRequests).hasValue(0);

        Jwt first = decoder.decode(TestTokens.forCompany("company-a", Role.MANAGER));
        decoder.decode(TestTokens.forCompany("company-b", Role.AGENT));

        assertThat(first.getClaimAsString("companyId")).isEqualTo("company-a");
        assertThat(keySetRequests).hasValue(1);
    }

    @Test
    void shouldFetchTheKeySetAgainWhenATokenNamesANewKey() {
        JwtDecoder decoder = decoder(new TokenCheckProperties(jwkSetUri, null, null, null));
        decoder.decode(TestTokens.forCompany("company-a", Role.ADMIN));
        KeyPair rotated = TestTokens.newKeyPair();
        publishedKeys.set(new JWKSet(List.of(
                new RSAKey.Builder(TestTokens.publicKey()).keyID("test-key").build(),
                new RSAKey.Builder((RSAPublicKey) rotated.getPublic()).keyID("key-2").build())));

        Jwt token = decoder.decode(TestTokens.signedWith("company-a", (RSAPrivateKey) rotated.getPrivate(), "key-2"));

        assertThat(token.getClaimAsString("companyId")).isEqualTo("company-a");
        assertThat(keySetRequests).hasValue(2);
    }

    @Test
    void shouldRejectATokenSignedByAKeyTheKeySetDoesNotHold() {
        JwtDecoder decoder = decoder(new TokenCheckProperties(jwkSetUri, null, null, null));

        assertThatThrownBy(() -> decoder.decode(TestTokens.signedByAnotherKey("company-a")))
                .isInstanceOf(BadJwtException.class);
    }

    @Test
    void shouldRejectAnUnsignedTokenWithoutAskingForKeys() {
        JwtDecoder decoder = decoder(new TokenCheckProperties(jwkSetUri, null, null, null));

        assertThatThrownBy(() -> decoder.decode(TestTokens.unsigned("company-a")))
                .isInstanceOf(BadJwtException.class);
    }

    @Test
    void shouldPreferTheConfiguredPublicKeyOverTheKeySet() {
        JwtDecoder decoder = decoder(new TokenCheckProperties(jwkSetUri, null,
                new ClassPathResource("security/test-token-key.pub.pem"), null));

        decoder.decode(TestTokens.forCompany("company-a", Role.ADMIN));

        assertThat(keySetRequests).hasValue(0);
    }

    @Test
    void shouldCheckTheConfiguredIssuer() {
        JwtDecoder decoder = decoder(
                new TokenCheckProperties(jwkSetUri, "https://idp.example.com", null, null));

        assertThatThrownBy(() -> decoder.decode(TestTokens.forCompany("company-a", Role.ADMIN)))
                .isInstanceOf(BadJwtException.class)
                .hasMessageContaining("iss");
        assertThat(decoder.decode(TestTokens.withIssuer("company-a", "https://idp.example.com"))
                .getClaimAsString("companyId")).isEqualTo("company-a");
    }

    @Test
    void shouldFailAsAnOutageNotAsABadTokenWhenTheKeySetIsUnreachable() {
        leadService.stop(0);
        JwtDecoder decoder = decoder(new TokenCheckProperties(jwkSetUri, null, null, null));

        assertThatThrownBy(() -> decoder.decode(TestTokens.forCompany("company-a", Role.ADMIN)))
                .isInstanceOf(JwtException.class)
                .isNotInstanceOf(BadJwtException.class);
    }

    @Test
    void shouldDefaultToLeadServiceOnLocalhostAndTheCalliyoIssuer() {
        TokenCheckProperties defaults = new TokenCheckProperties(null, " ", null, null);

        assertThat(defaults.jwkSetUri()).hasToString("http://localhost:8081/.well-known/jwks.json");
        assertThat(defaults.issuer()).isEqualTo("calliyo");
        assertThat(defaults.publicKeyLocation()).isNull();
    }

    private static JwtDecoder decoder(TokenCheckProperties properties) {
        return TokenDecoders.servlet(properties, new RevokedAccess(Duration.ofMinutes(20), Clock.systemUTC()));
    }
}
