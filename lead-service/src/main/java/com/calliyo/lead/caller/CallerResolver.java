package com.calliyo.lead.caller;

import com.calliyo.lead.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * The caller of the current request, from the verified token and only from there: the company is never taken from a
 * path, body or header.
 */
@Component
public class CallerResolver {

    public Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
            return new Caller(jwt.getClaimAsString("companyId"), jwt.getSubject(),
                    Role.valueOf(jwt.getClaimAsString("role")));
        }
        if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
            return caller;
        }
        throw new ApiException(HttpStatus.UNAUTHORIZED, "Unauthorized", "Sign in first");
    }
}
