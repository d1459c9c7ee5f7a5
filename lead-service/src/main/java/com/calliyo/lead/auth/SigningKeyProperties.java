package com.calliyo.lead.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Signing keys at rest and their rotation.
 *
 * @param keyEncryptionKey     base64 of 32 random bytes ({@code CALLIYO_KEY_ENCRYPTION_KEY}); encrypts the private
 *                             keys in {@code signing_keys} with AES-256-GCM. The same on every instance.
 * @param allowUnencryptedKeys without a key encryption key lead-service refuses to start, unless this is true: then
 *                             private keys are stored in plain base64 (throw-away runs only)
 * @param operatorPassword     HTTP Basic password of user {@code operator} for {@code /actuator/signingkeys}
 *                             ({@code CALLIYO_OPERATOR_PASSWORD}); empty: the endpoint refuses every request
 * @param keyRotation          when keys rotate and how often instances look for another instance's rotation
 */
@ConfigurationProperties("lead.auth")
public record SigningKeyProperties(String keyEncryptionKey, boolean allowUnencryptedKeys, String operatorPassword,
                                   KeyRotation keyRotation) {

    public SigningKeyProperties {
        keyEncryptionKey = keyEncryptionKey == null ? "" : keyEncryptionKey.trim();
        operatorPassword = operatorPassword == null ? "" : operatorPassword;
        keyRotation = keyRotation == null ? new KeyRotation(null, null, null, null) : keyRotation;
    }

    /**
     * @param period          a key signs this long before the scheduled rotation replaces it (30 days)
     * @param refreshInterval how often each instance re-reads the key ring (10 s); a token naming a kid this instance
     *                        does not know yet re-reads it at once (at most once a second)
     * @param clockSkew       how late a verifier may still accept an expired token (60 s, Spring Security's default);
     *                        a previous key is kept for the access-token lifetime plus this after it stopped signing
     * @param scheduled       whether the scheduled rotation runs (true); on-demand rotation always works
     */
    public record KeyRotation(Duration period, Duration refreshInterval, Duration clockSkew, Boolean scheduled) {

        public KeyRotation {
            period = period == null ? Duration.ofDays(30) : period;
            refreshInterval = refreshInterval == null ? Duration.ofSeconds(10) : refreshInterval;
            clockSkew = clockSkew == null ? Duration.ofSeconds(60) : clockSkew;
            scheduled = scheduled == null ? Boolean.TRUE : scheduled;
            if (period.isNegative() || period.isZero() || refreshInterval.isNegative() || refreshInterval.isZero()) {
                throw new IllegalArgumentException("lead.auth.key-rotation.period and refresh-interval must be "
                        + "positive");
            }
        }
    }
}
