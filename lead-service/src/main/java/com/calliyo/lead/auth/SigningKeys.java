package com.calliyo.lead.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * The RSA keys that sign and verify access tokens, shared by every lead-service instance through the
 * {@code signing_keys} collection ({@link SigningKeyStore}, one {@link KeyRing} document).
 *
 * <ul>
 *   <li>The first instance to start creates the ring (or migrates the key the code before rotation stored); the
 *   others lose that insert race and load it.</li>
 *   <li>Tokens are signed with the current key and carry its {@code kid}; {@code /.well-known/jwks.json} publishes
 *   the current and the previous public keys.</li>
 *   <li>A rotation (scheduled every {@code lead.auth.key-rotation.period}, or on demand through
 *   {@code /actuator/signingkeys}) makes a new key current with one compare-and-set on the ring's version: two
 *   instances rotating at once make one rotation.</li>
 *   <li>Every instance re-reads the ring every {@code refresh-interval} and at once (at most once a second) when a
 *   token names a key id it does not know, so another instance's rotation is picked up before its tokens arrive
 *   here.</li>
 *   <li>Private keys are stored encrypted ({@link KeyEncryption}); only the current key keeps one.</li>
 * </ul>
 */
@Component
public class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final int ATTEMPTS = 10;
    private static final long UNKNOWN_KID_REFRESH_NANOS = Duration.ofSeconds(1).toNanos();

    private final SigningKeyStore store;
    private final Clock clock;
    private final SigningKeyMaterial material;
    private final Duration period;
    private final Duration retention;
    private final boolean scheduled;
    private final AtomicLong lastUnknownKidRefresh = new AtomicLong(System.nanoTime() - UNKNOWN_KID_REFRESH_NANOS);
    private volatile Active active;

    @Autowired
    SigningKeys(MongoTemplate mongo, Clock clock, AuthProperties auth, SigningKeyProperties properties) {
        this(new SigningKeyStore(mongo), clock, encryption(properties),
                properties.keyRotation().period(),
                auth.tokenTtl().plus(properties.keyRotation().clockSkew()),
                properties.keyRotation().scheduled());
    }

    SigningKeys(SigningKeyStore store, Clock clock, KeyEncryption encryption, Duration period, Duration retention,
                boolean scheduled) {
        this.store = store;
        this.clock = clock;
        this.material = new SigningKeyMaterial(encryption, clock);
        this.period = period;
        this.retention = retention;
        this.scheduled = scheduled;
        install(initialise());
    }

    /** The configured key encryption key ({@link ConfiguredKeyEncryption}); null when explicitly allowed. */
    static KeyEncryption encryption(SigningKeyProperties properties) {
        return ConfiguredKeyEncryption.from(properties);
    }

    /** The current key, private part included, for signing (and for tests that sign their own tokens). */
    RSAKey signingKey() {
        return active.signingKey();
    }

    /** The current key's id and an encoder that signs with it, taken together so they always match. */
    Signer signer() {
        Active now = active;
        return new Signer(now.signingKey().getKeyID(), now.encoder());
    }

    /** The public halves of the current and the previous keys, as published at /.well-known/jwks.json. */
    JWKSet publishedKeys() {
        return active.published();
    }

    /** The keys lead-service verifies its own tokens with; an unknown kid re-reads the ring first. */
    JWKSource<SecurityContext> verificationKeys() {
        return (JWKSelector selector, SecurityContext context) -> {
            List<JWK> found = selector.select(active.published());
            if (found.isEmpty() && namesUnknownKey(selector) && unknownKidRefreshAllowed()) {
                try {
                    refresh();
                } catch (RuntimeException e) {
                    log.warn("Could not re-read the signing keys for an unknown key id: {}", e.toString());
                }
                found = selector.select(active.published());
            }
            return found;
        };
    }

    /** The ring as this instance last read it. */
    KeyRing ring() {
        return active.ring();
    }

    Duration rotationPeriod() {
        return period;
    }

    /** Re-reads the ring (another instance may have rotated). */
    synchronized void refresh() {
        KeyRing ring = store.load();
        install(ring == null ? initialise() : ring);
    }

    /**
     * The scheduled step: re-reads the ring and, if the scheduled rotation is on and the current key has signed for
     * the whole period, rotates. With several instances only the first compare-and-set wins; the others read its
     * result.
     *
     * @return true if this call rotated
     */
    synchronized boolean refreshAndRotateIfDue() {
        KeyRing ring = store.load();
        if (ring == null) {
            ring = initialise();
        }
        install(ring);
        if (!scheduled || !ring.dueForRotation(clock.instant(), period)) {
            return false;
        }
        KeyRing next = ring.rotatedTo(material.generate(), clock.instant(), retention);
        if (store.replace(ring.version(), next)) {
            install(next);
            log.info("Signing keys rotated on schedule: {} signs now, {} verifies until its tokens expire",
                    next.current().kid(), ring.current().kid());
            return true;
        }
        refresh();
        return false;
    }

    /** On demand: a new key signs from now on; the current one stays published as a previous key. */
    synchronized KeyRing rotate() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            KeyRing ring = store.load();
            if (ring == null) {
                ring = initialise();
            }
            KeyRing next = ring.rotatedTo(material.generate(), clock.instant(), retention);
            if (store.replace(ring.version(), next)) {
                install(next);
                log.info("Signing keys rotated on demand: {} signs now, {} verifies until its tokens expire",
                        next.current().kid(), ring.current().kid());
                return next;
            }
        }
        throw new IllegalStateException("Could not rotate the signing keys: the key ring kept changing");
    }

    private KeyRing initialise() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            KeyRing ring = store.load();
            StoredSigningKey legacy = store.loadLegacy();
            if (ring == null) {
                Instant now = clock.instant();
                KeyRing created = legacy != null
                        ? KeyRing.first(material.protect(legacy), legacy.activatedAt())
                        : KeyRing.first(material.generate(), now);
                if (!store.create(created)) {
                    continue;
                }
                if (legacy != null) {
                    store.deleteLegacy();
                    log.info("Signing key {} moved from signing_keys/primary into the key ring{}", legacy.kid(),
                            material.encrypts() ? ", its private key now encrypted" : "");
                }
                return created;
            }
            if (material.encrypts() && ring.current().hasPrivateKey() && !ring.current().privateKeyEncrypted()) {
                KeyRing next = ring.withCurrent(material.protect(ring.current()));
                if (!store.replace(ring.version(), next)) {
                    continue;
                }
                log.info("The private key of signing key {} is now stored encrypted", ring.current().kid());
                ring = next;
            }
            if (legacy != null && ring.published().stream().anyMatch(key -> key.kid().equals(legacy.kid()))) {
                store.deleteLegacy();
            }
            return ring;
        }
        throw new IllegalStateException("Could not load the signing keys: signing_keys kept changing");
    }

    private void install(KeyRing ring) {
        Active current = active;
        if (current != null && current.ring().version() == ring.version()
                && current.ring().current().kid().equals(ring.current().kid())) {
            return;
        }
        RSAKey signing = material.toJwk(ring.current(), true);
        JWKSet published = new JWKSet(ring.published().stream()
                .map(key -> (JWK) material.toJwk(key, false)).toList());
        active = new Active(ring, signing, new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(signing))),
                published);
    }

    private boolean namesUnknownKey(JWKSelector selector) {
        Set<String> kids = selector.getMatcher().getKeyIDs();
        return kids != null && !kids.isEmpty()
                && kids.stream().noneMatch(kid -> kid != null && active.published().getKeyByKeyId(kid) != null);
    }

    private boolean unknownKidRefreshAllowed() {
        long last = lastUnknownKidRefresh.get();
        long now = System.nanoTime();
        return now - last >= UNKNOWN_KID_REFRESH_NANOS && lastUnknownKidRefresh.compareAndSet(last, now);
    }

    record Signer(String kid, JwtEncoder encoder) {
    }

    private record Active(KeyRing ring, RSAKey signingKey, JwtEncoder encoder, JWKSet published) {
    }
}
