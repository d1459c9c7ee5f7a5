package com.calliyo.tokencheck.servlet;

import java.io.IOException;
import java.util.regex.Pattern;

import com.calliyo.tokencheck.TokenClaims;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts who and what a request is about into the logging context for as long as the request runs: the gateway's
 * {@code X-Request-Id} as {@code requestId}, and for a user's access token its {@code companyId} and {@code userId}
 * (the subject). Every log line of the request then carries them (as fields of a JSON line in compose), next to the
 * trace and span ids Micrometer Tracing adds. Ids only: never the token, never a claim that could hold personal data.
 * Runs after the bearer token was checked ({@link #addTo}); a request without a valid token logs its request id only.
 */
public final class CallerLogContext extends OncePerRequestFilter {

    public static final String REQUEST_ID = "requestId";
    public static final String COMPANY_ID = "companyId";
    public static final String USER_ID = "userId";

    // The gateway already bounds the id; a direct caller's header is kept only when it cannot forge a log line.
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        putIfSafe(REQUEST_ID, request.getHeader("X-Request-Id"));
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken jwt) {
            putIfSafe(COMPANY_ID, jwt.getToken().getClaimAsString(TokenClaims.COMPANY_ID));
            putIfSafe(USER_ID, jwt.getToken().getSubject());
        }
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(REQUEST_ID);
            MDC.remove(COMPANY_ID);
            MDC.remove(USER_ID);
        }
    }

    private static void putIfSafe(String key, String value) {
        if (value != null && SAFE_ID.matcher(value).matches()) {
            MDC.put(key, value);
        }
    }
}
