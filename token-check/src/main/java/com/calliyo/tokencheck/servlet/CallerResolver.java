package com.calliyo.tokencheck.servlet;

import com.calliyo.tokencheck.Caller;
import com.calliyo.tokencheck.Role;
import com.calliyo.tokencheck.TokenClaims;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The caller of the current request, taken from the verified token and only from there: the company is never read
 * from a path, a parameter, a body or a header. The token's claims were checked when it was decoded.
 */
public class CallerResolver {

    public Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Jwt token) {
            return new Caller(token.getClaimAsString(TokenClaims.COMPANY_ID), token.getSubject(),
                    Role.valueOf(token.getClaimAsString(TokenClaims.ROLE)));
        }
        // Only reachable if a route were left open by mistake; the security filters then answer 401.
        throw new AuthenticationCredentialsNotFoundException("No verified access token for this request");
    }
}
