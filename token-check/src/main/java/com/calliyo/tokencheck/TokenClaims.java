package com.calliyo.tokencheck;

/** The claims lead-service writes into every access token besides the registered ones (iss, sub, iat, exp, jti). */
public final class TokenClaims {

    /** The company the user belongs to; every read and write is scoped to it. */
    public static final String COMPANY_ID = "companyId";
    /** ADMIN, MANAGER or AGENT. */
    public static final String ROLE = "role";
    /** The sign-in session the token was issued in; a {@code session_ended} event voids all its tokens. */
    public static final String SESSION_ID = "sid";

    private TokenClaims() {
    }
}
