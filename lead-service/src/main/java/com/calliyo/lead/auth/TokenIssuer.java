package com.calliyo.lead.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import com.calliyo.lead.user.User;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/** Signs RS256 access tokens whose claims name the user, their company, their role and their sign-in session. */
@Component
class TokenIssuer {

    static final String COMPANY_ID = "companyId";
    static final String ROLE = "role";
    /** The sign-in session the token belongs to; ending the session (sign-out) voids all its tokens. */
    static final String SESSION_ID = "sid";
    /** How the session was signed in to: {@code web} (email and password) or {@code mobile} (mobile and mPIN). */
    static final String CHANNEL = "channel";

    private final SigningKeys keys;
    private final AuthProperties properties;
    private final Clock clock;

    TokenIssuer(SigningKeys keys, AuthProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    IssuedToken issue(User user, String sessionId, String channel) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(properties.issuer())
                .subject(user.id())
                .claim(COMPANY_ID, user.companyId())
                .claim(ROLE, user.role().name())
                .claim(SESSION_ID, sessionId)
                .claim(CHANNEL, channel)
                .issuedAt(now)
                .expiresAt(now.plus(properties.tokenTtl()))
                .id(UUID.randomUUID().toString())
                .build();
        // the key id and the encoder from one snapshot: a rotation in between cannot make them disagree
        SigningKeys.Signer signer = keys.signer();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(signer.kid()).build();
        String token = signer.encoder().encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new IssuedToken(token, properties.tokenTtl().toSeconds());
    }

    record IssuedToken(String value, long expiresInSeconds) {
    }
}
