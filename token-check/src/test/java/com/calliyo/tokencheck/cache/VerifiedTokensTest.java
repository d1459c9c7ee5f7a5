package com.calliyo.tokencheck.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.calliyo.lead.events.SessionEnded;
import com.calliyo.lead.events.UserChanged;
import com.calliyo.tokencheck.Role;
import com.calliyo.tokencheck.TokenDecoders;
import com.calliyo.tokencheck.revocation.RevokedAccess;
import com.calliyo.tokencheck.testing.MutableClock;
import com.calliyo.tokencheck.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The verified-token cache with the real validators: the signature is checked once, revocation on every request. */
class VerifiedTokensTest {

    private static final String COMPANY = "company-a";

    private final RevokedAccess revoked = new RevokedAccess(Duration.ofMinutes(20), Clock.systemUTC());
    private final OAuth2TokenValidator<Jwt> validator = TokenDecoders.validator(TestTokens.ISSUER, revoked);
    private final AtomicInteger verifications = new AtomicInteger();

    @Test
    void shouldVerifyTheSignatureOfEachTokenOnce() {
        JwtDecoder decoder = cachingDecoder();
        String token = TestTokens.forCompany(COMPANY, Role.AGENT);

        Jwt first = decoder.decode(token);
        Jwt again = decoder.decode(token);
        decoder.decode(TestTokens.forCompany(COMPANY, Role.AGENT));

        assertThat(again.getSubject()).isEqualTo(first.getSubject());
        assertThat(verifications).hasValue(2);
    }

    @Test
    void shouldRefuseARememberedTokenOnTheNextRequestAfterItsUserIsBanned() {
        JwtDecoder decoder = cachingDecoder();
        Instant issued = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String token = TestTokens.issued(COMPANY, "user-1", Role.AGENT, issued, "session-1");
        decoder.decode(token);

        revoked.apply(new UserChanged(COMPANY, "user-1", 2, issued, "admin", "Name", "AGENT", true, issued));

        assertThatThrownBy(() -> decoder.decode(token))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("User is banned / inactive");
        assertThat(verifications).hasValue(1);
    }

    @Test
    void shouldRefuseARememberedTokenAfterARoleChangeOrASignOut() {
        JwtDecoder decoder = cachingDecoder();
        Instant issued = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(5);
        String olderThanChange = TestTokens.issued(COMPANY, "user-1", Role.AGENT, issued, "session-1");
        String signedOut = TestTokens.issued(COMPANY, "user-2", Role.AGENT, issued, "session-2");
        decoder.decode(olderThanChange);
        decoder.decode(signedOut);

        Instant changed = issued.plusSeconds(2);
        revoked.apply(new UserChanged(COMPANY, "user-1", 2, changed, "admin", "Name", "MANAGER", false, changed));
        revoked.apply(new SessionEnded(COMPANY, "user-2", "session-2", changed, "user-2", SessionEnded.LOGOUT));

        assertThatThrownBy(() -> decoder.decode(olderThanChange)).hasMessageContaining("role or credentials changed");
        assertThatThrownBy(() -> decoder.decode(signedOut)).hasMessageContaining("session of this token has ended");
    }

    @Test
    void shouldNotRememberARefusedToken() {
        JwtDecoder decoder = cachingDecoder();
        String wrongIssuer = TestTokens.withIssuer(COMPANY, "someone-else");

        assertThatThrownBy(() -> decoder.decode(wrongIssuer)).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode(wrongIssuer)).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void shouldForgetATokenWhenItExpiresAndKeepAtMostTheBound() {
        Instant now = Instant.parse("2026-12-07T10:00:00Z");
        MutableClock clock = new MutableClock(now);
        VerifiedTokens verified = new VerifiedTokens(2, token -> OAuth2TokenValidatorResult.success(), clock);
        verified.remember("short", jwt(now.plusSeconds(60)));
        verified.remember("long", jwt(now.plusSeconds(600)));

        clock.set(now.plusSeconds(61));

        assertThat(verified.recheck("short")).isNull();
        assertThat(verified.recheck("long")).isNotNull();
        verified.remember("third", jwt(now.plusSeconds(600)));
        verified.remember("fourth", jwt(now.plusSeconds(600)));
        assertThat(verified.size()).isEqualTo(2);
    }

    @Test
    void shouldVerifyOnceAndValidateAlwaysOnTheGatewayToo() {
        NimbusReactiveJwtDecoder nimbus = NimbusReactiveJwtDecoder.withPublicKey(TestTokens.publicKey())
                .signatureAlgorithm(SignatureAlgorithm.RS256).build();
        nimbus.setJwtValidator(validator);
        ReactiveJwtDecoder counting = token -> Mono.defer(() -> {
            verifications.incrementAndGet();
            return nimbus.decode(token);
        });
        ReactiveJwtDecoder decoder = new VerifiedTokens(16, validator, Clock.systemUTC()).around(counting);
        Instant issued = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String token = TestTokens.issued(COMPANY, "user-1", Role.AGENT, issued, "session-1");

        assertThat(decoder.decode(token).block().getSubject()).isEqualTo("user-1");
        assertThat(decoder.decode(token).block().getSubject()).isEqualTo("user-1");
        revoked.apply(new SessionEnded(COMPANY, "user-1", "session-1", issued, "user-1", SessionEnded.LOGOUT));

        assertThatThrownBy(() -> decoder.decode(token).block()).isInstanceOf(JwtValidationException.class);
        assertThat(verifications).hasValue(1);
    }

    private JwtDecoder cachingDecoder() {
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withPublicKey(TestTokens.publicKey())
                .signatureAlgorithm(SignatureAlgorithm.RS256).build();
        JwtDecoder counting = token -> {
            verifications.incrementAndGet();
            return nimbus.decode(token);
        };
        nimbus.setJwtValidator(validator);
        return new VerifiedTokens(16, validator, Clock.systemUTC()).around(counting);
    }

    private static Jwt jwt(Instant expiresAt) {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject("user-1")
                .issuedAt(expiresAt.minusSeconds(900)).expiresAt(expiresAt).build();
    }
}
