package com.calliyo.web.settings.keys;

/** A key just created or given a new token: the only answer that carries the token, so it is shown once. */
public record IssuedKey(String id, String name, String token, String url) {
}
