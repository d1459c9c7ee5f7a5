package com.calliyo.lead.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key encryption key that lead.auth configures, or {@code null} when explicitly allowed to store keys in plain
 * text. Without one, lead-service does not start: an ephemeral key would make the stored key unreadable after a
 * restart and differ between instances (each would replace the others' keys and void their tokens), and silently
 * storing the key in plain text is what the encryption is there to stop. A clear refusal at deploy time is the
 * failure an operator can fix; the others show up later as users signed out or as a leaked key.
 */
final class ConfiguredKeyEncryption {

    /** Logged under the signing keys' name, as before this check had a class of its own. */
    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private ConfiguredKeyEncryption() {
    }

    static KeyEncryption from(SigningKeyProperties properties) {
        if (!properties.keyEncryptionKey().isEmpty()) {
            try {
                return KeyEncryption.fromBase64(properties.keyEncryptionKey());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("lead.auth.key-encryption-key (CALLIYO_KEY_ENCRYPTION_KEY): "
                        + e.getMessage(), e);
            }
        }
        if (properties.allowUnencryptedKeys()) {
            log.warn("No CALLIYO_KEY_ENCRYPTION_KEY and lead.auth.allow-unencrypted-keys=true: token signing keys are"
                    + " stored UNENCRYPTED in signing_keys. Never run like this with real data.");
            return null;
        }
        throw new IllegalStateException("CALLIYO_KEY_ENCRYPTION_KEY (lead.auth.key-encryption-key) is not set."
                + " lead-service will not store its token signing keys unencrypted. Set it to 32 random bytes in"
                + " base64 (e.g. 'openssl rand -base64 32'), the same value on every instance, and keep it outside"
                + " the database; or set lead.auth.allow-unencrypted-keys=true for a throw-away run.");
    }
}
