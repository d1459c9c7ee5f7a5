package com.calliyo.web.auth;

/** The session cannot be renewed (signed out elsewhere, revoked, expired): the user has to sign in again. */
public class SessionExpiredException extends RuntimeException {

    public SessionExpiredException() {
        super("Session expired");
    }
}
