package com.calliyo.lead.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rotation decisions, without storage or crypto. */
class KeyRingTest {

    static final Duration PERIOD = Duration.ofDays(30);
    /** access-token lifetime 15 min + clock skew 60 s */
    static final Duration RETENTION = Duration.ofMinutes(16);
    static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void shouldBeDueOnceTheCurrentKeyHasSignedForThePeriod() {
        KeyRing ring = KeyRing.first(key("a"), T0);

        assertThat(ring.dueForRotation(T0, PERIOD)).isFalse();
        assertThat(ring.dueForRotation(T0.plus(PERIOD).minusMillis(1), PERIOD)).isFalse();
        assertThat(ring.dueForRotation(T0.plus(PERIOD), PERIOD)).isTrue();
        assertThat(ring.rotationDueAt(PERIOD)).isEqualTo(T0.plus(PERIOD));
        // counted from when the key began to sign, not from when it was created
        KeyRing rotated = ring.rotatedTo(key("b"), T0.plus(Duration.ofDays(3)), RETENTION);
        assertThat(rotated.dueForRotation(T0.plus(PERIOD), PERIOD)).isFalse();
        assertThat(rotated.dueForRotation(T0.plus(Duration.ofDays(33)), PERIOD)).isTrue();
    }

    @Test
    void shouldMakeTheNewKeyCurrentAndKeepTheOldOneAsPreviousWithoutItsPrivateKey() {
        KeyRing ring = KeyRing.first(key("a"), T0);
        Instant at = T0.plus(PERIOD);

        KeyRing rotated = ring.rotatedTo(key("b"), at, RETENTION);

        assertThat(rotated.version()).isEqualTo(ring.version() + 1);
        assertThat(rotated.current().kid()).isEqualTo("b");
        assertThat(rotated.current().activatedAt()).isEqualTo(at);
        assertThat(rotated.current().retiredAt()).isNull();
        assertThat(rotated.current().hasPrivateKey()).isTrue();
        assertThat(rotated.previous()).extracting(StoredSigningKey::kid).containsExactly("a");
        assertThat(rotated.previous().get(0).retiredAt()).isEqualTo(at);
        assertThat(rotated.previous().get(0).hasPrivateKey()).isFalse();
        assertThat(rotated.published()).extracting(StoredSigningKey::kid).containsExactly("b", "a");
    }

    @Test
    void shouldKeepEveryPreviousKeyWhoseTokensMayStillBeValid() {
        KeyRing ring = KeyRing.first(key("a"), T0)
                .rotatedTo(key("b"), T0.plusSeconds(60), RETENTION)
                .rotatedTo(key("c"), T0.plusSeconds(120), RETENTION)
                .rotatedTo(key("d"), T0.plusSeconds(180), RETENTION);

        assertThat(ring.published()).extracting(StoredSigningKey::kid).containsExactly("d", "c", "b", "a");
        assertThat(ring.version()).isEqualTo(4);
    }

    @Test
    void shouldDropPreviousKeysOnlyOnceTheirLastTokensHaveExpired() {
        KeyRing ring = KeyRing.first(key("a"), T0).rotatedTo(key("b"), T0.plus(PERIOD), RETENTION);
        Instant aRetired = T0.plus(PERIOD);

        KeyRing justInside = ring.rotatedTo(key("c"), aRetired.plus(RETENTION).minusSeconds(1), RETENTION);
        KeyRing atTheEdge = ring.rotatedTo(key("c"), aRetired.plus(RETENTION), RETENTION);

        assertThat(justInside.previous()).extracting(StoredSigningKey::kid).containsExactly("b", "a");
        assertThat(atTheEdge.previous()).extracting(StoredSigningKey::kid).containsExactly("b");
    }

    @Test
    void shouldAlwaysKeepTheKeyARotationRetiresHoweverOldItIs() {
        KeyRing ring = KeyRing.first(key("a"), T0);

        KeyRing muchLater = ring.rotatedTo(key("b"), T0.plus(Duration.ofDays(400)), RETENTION)
                .rotatedTo(key("c"), T0.plus(Duration.ofDays(800)), RETENTION);

        assertThat(muchLater.previous()).extracting(StoredSigningKey::kid).containsExactly("b");
    }

    @Test
    void shouldRefuseAKeyIdThatIsAlreadyInTheRing() {
        KeyRing ring = KeyRing.first(key("a"), T0).rotatedTo(key("b"), T0.plusSeconds(1), RETENTION);

        assertThatThrownBy(() -> ring.rotatedTo(key("a"), T0.plusSeconds(2), RETENTION))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ring.rotatedTo(key("b"), T0.plusSeconds(2), RETENTION))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldReplaceOnlyTheCurrentKeysStoredFormAndMoveTheVersion() {
        KeyRing ring = KeyRing.first(key("a"), T0).rotatedTo(key("b"), T0.plusSeconds(1), RETENTION);

        KeyRing encrypted = ring.withCurrent(ring.current().withPrivateKey("jwe", true));

        assertThat(encrypted.version()).isEqualTo(ring.version() + 1);
        assertThat(encrypted.current().privateKey()).isEqualTo("jwe");
        assertThat(encrypted.current().privateKeyEncrypted()).isTrue();
        assertThat(encrypted.previous()).isEqualTo(ring.previous());
        assertThatThrownBy(() -> ring.withCurrent(ring.previous().get(0))).isInstanceOf(IllegalArgumentException.class);
    }

    static StoredSigningKey key(String kid) {
        return new StoredSigningKey(kid, T0, null, null, "public-" + kid, "private-" + kid, false);
    }

    static List<String> kids(KeyRing ring) {
        return ring.published().stream().map(StoredSigningKey::kid).toList();
    }
}
