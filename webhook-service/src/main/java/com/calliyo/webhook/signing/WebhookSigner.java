package com.calliyo.webhook.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs as the Standard Webhooks specification says: HMAC-SHA256 with the secret's key over
 * {@code <webhook-id>.<webhook-timestamp>.<body>}, base64, prefixed {@code v1,}. Several secrets (a rotation's
 * overlap) give several signatures, space-separated, so a receiver accepts whichever it knows.
 */
public final class WebhookSigner {

    /** The specification's serialisation of a symmetric secret: this prefix and the base64 of the key. */
    public static final String SECRET_PREFIX = "whsec_";
    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSigner() {
    }

    /** A new random 256-bit secret, as shown to the subscriber once. */
    public static String newSecret() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The {@code webhook-signature} header value for {@code secrets} (the current one first). */
    public static String signatures(List<String> secrets, String id, long timestampSeconds, String body) {
        return secrets.stream().map(secret -> sign(secret, id, timestampSeconds, body))
                .collect(Collectors.joining(" "));
    }

    /** One {@code v1,<base64>} signature. */
    public static String sign(String secret, String id, long timestampSeconds, String body) {
        String encodedKey = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(encodedKey), "HmacSHA256"));
            byte[] signed = mac.doFinal((id + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
