package com.calliyo.tokencheck.revocation;

import java.time.Duration;
import java.time.Instant;

import com.calliyo.lead.events.SessionEnded;
import com.calliyo.lead.events.UserChanged;
import com.calliyo.tokencheck.testing.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RevokedAccessTest {

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00.700Z");
    final MutableClock clock = new MutableClock(NOW);
    final RevokedAccess revoked = new RevokedAccess(Duration.ofMinutes(20), clock);

    @Test
    void shouldCountATokenAsOlderOnlyWhenIssuedInAnEarlierSecondThanTheChange() {
        revoked.apply(change("u1", 2, false, NOW));

        assertThat(revoked.reasonToRefuse("c1", "u1", Instant.parse("2026-12-07T09:59:59Z"), "s1")).isPresent();
        // Issued in the same second: JWTs carry whole seconds, so this is also what a fresh sign-in looks like.
        assertThat(revoked.reasonToRefuse("c1", "u1", Instant.parse("2026-12-07T10:00:00Z"), "s2")).isEmpty();
        assertThat(revoked.reasonToRefuse("c1", "u1", null, "s2")).isPresent();
    }

    @Test
    void shouldKeepUsersOfDifferentCompaniesApart() {
        revoked.apply(change("u1", 2, true, NOW));

        assertThat(revoked.reasonToRefuse("c2", "u1", NOW, null)).isEmpty();
    }

    @Test
    void shouldLiftABanWhenANewerChangeSaysSo() {
        revoked.apply(change("u1", 2, true, NOW));
        revoked.apply(change("u1", 3, false, NOW.minusSeconds(30)));

        assertThat(revoked.reasonToRefuse("c1", "u1", NOW, null)).isEmpty();
    }

    @Test
    void shouldForgetWhatCanNoLongerVoidALiveTokenButKeepBans() {
        revoked.apply(change("u1", 2, false, NOW));
        revoked.apply(change("u2", 2, true, NOW));
        revoked.apply(new SessionEnded("c1", "u3", "s3", NOW, "u3", SessionEnded.LOGOUT));
        assertThat(revoked.size()).isEqualTo(3);

        Instant later = NOW.plus(Duration.ofMinutes(21));
        clock.set(later);
        revoked.forgetOlderThanLookback();

        assertThat(revoked.size()).isEqualTo(1);
        assertThat(revoked.reasonToRefuse("c1", "u2", later, null)).contains("User is banned / inactive");
    }

    static UserChanged change(String user, long version, boolean banned, Instant validAfter) {
        return new UserChanged("c1", user, version, validAfter, "admin", "Name", "AGENT", banned, validAfter);
    }
}
