package com.calliyo.lead.auth;

import java.time.Instant;
import java.util.List;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/signingkeys}, for operators: {@code GET} lists the key ids with their dates (never key material),
 * {@code POST} rotates now. It is on the service port, which the gateway does not route, and needs the operator's
 * HTTP Basic credentials ({@link OperatorSecurityConfig}); a user's access token is refused.
 */
@Component
@Endpoint(id = "signingkeys")
class SigningKeysEndpoint {

    private final SigningKeys keys;

    SigningKeysEndpoint(SigningKeys keys) {
        this.keys = keys;
    }

    @ReadOperation
    KeyRingView keys() {
        keys.refresh();
        return KeyRingView.of(keys.ring(), keys);
    }

    @WriteOperation
    KeyRingView rotate() {
        return KeyRingView.of(keys.rotate(), keys);
    }

    record KeyRingView(long version, String currentKid, Instant nextScheduledRotation, List<KeyView> keys) {

        static KeyRingView of(KeyRing ring, SigningKeys keys) {
            return new KeyRingView(ring.version(), ring.current().kid(), ring.rotationDueAt(keys.rotationPeriod()),
                    ring.published().stream().map(key -> new KeyView(key.kid(),
                            key.retiredAt() == null ? "current" : "previous", key.createdAt(), key.activatedAt(),
                            key.retiredAt())).toList());
        }
    }

    record KeyView(String kid, String state, Instant createdAt, Instant activatedAt, Instant retiredAt) {
    }
}
