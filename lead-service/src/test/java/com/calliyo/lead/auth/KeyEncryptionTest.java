package com.calliyo.lead.auth;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyEncryptionTest {

    static final byte[] SECRET = "the PKCS#8 bytes of a private key".getBytes(StandardCharsets.UTF_8);

    final KeyEncryption encryption = KeyEncryption.fromBase64(randomKey());

    @Test
    void shouldGiveBackWhatWasEncryptedAndNeverStoreItReadably() {
        String stored = encryption.encrypt(SECRET, "kid-1");

        assertThat(encryption.decrypt(stored, "kid-1")).isEqualTo(SECRET);
        assertThat(stored).doesNotContain(Base64.getEncoder().encodeToString(SECRET))
                .doesNotContain(Base64.getUrlEncoder().withoutPadding().encodeToString(SECRET))
                .doesNotContain("PKCS");
        // a fresh IV each time: the same key encrypted twice is stored differently
        assertThat(encryption.encrypt(SECRET, "kid-1")).isNotEqualTo(stored);
    }

    @Test
    void shouldRefuseClearlyWithAnotherKeyEncryptionKey() {
        String stored = encryption.encrypt(SECRET, "kid-1");
        KeyEncryption other = KeyEncryption.fromBase64(randomKey());

        assertThatThrownBy(() -> other.decrypt(stored, "kid-1"))
                .isInstanceOf(KeyEncryption.KeyDecryptionException.class)
                .hasMessageContaining("signing key kid-1")
                .hasMessageContaining("CALLIYO_KEY_ENCRYPTION_KEY is not the key it was encrypted with");
    }

    @Test
    void shouldRefuseAlteredCiphertextTagAndHeader() {
        String stored = encryption.encrypt(SECRET, "kid-1");
        String[] parts = stored.split("\\.");
        assertThat(parts).hasSize(5); // header . (no key) . iv . ciphertext . tag

        for (int part : new int[] {2, 3, 4}) {
            String[] altered = parts.clone();
            altered[part] = flipFirstCharacter(altered[part]);
            String tampered = String.join(".", altered);
            assertThatThrownBy(() -> encryption.decrypt(tampered, "kid-1")).as("part %d altered", part)
                    .isInstanceOf(KeyEncryption.KeyDecryptionException.class)
                    .hasMessageContaining("altered");
        }
    }

    @Test
    void shouldNotDecryptAPrivateKeyMovedToAnotherKeysDocument() {
        String storedForOne = encryption.encrypt(SECRET, "kid-1");

        assertThatThrownBy(() -> encryption.decrypt(storedForOne, "kid-2"))
                .isInstanceOf(KeyEncryption.KeyDecryptionException.class)
                .hasMessageContaining("belongs to key kid-1");
    }

    @Test
    void shouldRefuseSomethingThatIsNotAnEncryptedValue() {
        String plain = Base64.getEncoder().encodeToString(SECRET);

        assertThatThrownBy(() -> encryption.decrypt(plain, "kid-1"))
                .isInstanceOf(KeyEncryption.KeyDecryptionException.class)
                .hasMessageContaining("not an encrypted value");
    }

    @Test
    void shouldAcceptOnlyA256BitKeyInBase64AndNeverEchoIt() {
        String short16 = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> KeyEncryption.fromBase64(short16))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes").hasMessageContaining("decodes to 16 bytes")
                .hasMessageNotContaining(short16);
        assertThatThrownBy(() -> KeyEncryption.fromBase64("not base64 at all!"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not base64");
        assertThatThrownBy(() -> KeyEncryption.fromBase64(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    }

    static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static String flipFirstCharacter(String base64url) {
        char first = base64url.charAt(0);
        return (first == 'A' ? 'B' : 'A') + base64url.substring(1);
    }
}
