package com.calliyo.lead.auth;

import java.time.Instant;

import com.calliyo.lead.user.User;
import com.calliyo.lead.user.Users;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Makes bans (and password changes) take effect at once: a token is accepted only while its user exists in the
 * token's company, is not banned, and the token was issued after the user's {@code tokensValidAfter}. The user comes
 * from {@code Users}' short-lived cache, which this instance's writes of a user update before they return.
 */
class ActiveUserValidator implements OAuth2TokenValidator<Jwt> {

    private final Users users;

    ActiveUserValidator(Users users) {
        this.users = users;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        User user = users.findForTokenCheck(token.getSubject()).orElse(null);
        if (user == null || !user.companyId().equals(token.getClaimAsString(TokenIssuer.COMPANY_ID))) {
            return invalid("The token's user does not exist");
        }
        if (user.banned()) {
            return invalid("User is banned / inactive");
        }
        Instant issuedAt = token.getIssuedAt();
        if (issuedAt == null || issuedAt.plusSeconds(1).isBefore(user.tokensValidAfter())) {
            return invalid("The token was issued before the user's credentials changed; sign in again");
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult invalid(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
