package com.calliyo.lead.idempotency;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import tools.jackson.databind.json.JsonMapper;

/** A SHA-256 over what makes two requests "the same request" for an Idempotency-Key. */
public final class RequestFingerprint {

    private final MessageDigest digest;

    private RequestFingerprint() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    public static RequestFingerprint start() {
        return new RequestFingerprint();
    }

    public RequestFingerprint add(String part) {
        byte[] bytes = String.valueOf(part).getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
        return this;
    }

    /**
     * Adds a JSON body as parsed, not as sent: whitespace and member order make no difference, values do
     * (see {@link CanonicalJson}).
     */
    public RequestFingerprint addJson(byte[] body, JsonMapper json) {
        return add(CanonicalJson.of(body, json));
    }

    /** Adds a stream's bytes (read to its end, not closed). */
    public RequestFingerprint add(InputStream content) {
        byte[] buffer = new byte[64 * 1024];
        try {
            for (int read = content.read(buffer); read >= 0; read = content.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        digest.update((byte) ';');
        return this;
    }

    public String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
