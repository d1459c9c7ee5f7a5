package com.calliyo.order.caller;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * The caller of the current request, taken from the verified token and only from there: the company is never read
 * from a path, a parameter, a body or a header. The token's claims were checked when it was decoded.
 */
@Component
public class CallerResolver {

    public static final String COMPANY_ID_CLAIM = "companyId";
    public static final String ROLE_CLAIM = "role";

    public Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Jwt token) {
            return new Caller(token.getClaimAsString(COMPANY_ID_CLAIM), token.getSubject(),
                    Role.valueOf(token.getClaimAsString(ROLE_CLAIM)));
        }
        // Only reachable if a route were left open by mistake; the security filters then answer 401.
        throw new AuthenticationCredentialsNotFoundException("No verified access token for this request");
    }

    /** For the token validator: a claim the resolver can turn into a {@link Role}. */
    public static boolean isRole(Object claim) {
        return Role.isKnown(claim);
    }
}
