package com.calliyo.tokencheck.revocation;

import com.calliyo.tokencheck.TokenClaims;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/** Refuses a well-signed, unexpired token that a ban, a role or password change or a sign-out has voided. */
public class RevocationValidator implements OAuth2TokenValidator<Jwt> {

    private final RevokedAccess revoked;

    public RevocationValidator(RevokedAccess revoked) {
        this.revoked = revoked;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        return revoked.reasonToRefuse(token.getClaimAsString(TokenClaims.COMPANY_ID), token.getSubject(),
                        token.getIssuedAt(), token.getClaimAsString(TokenClaims.SESSION_ID))
                .map(reason -> OAuth2TokenValidatorResult.failure(
                        new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, reason, null)))
                .orElseGet(OAuth2TokenValidatorResult::success);
    }
}
