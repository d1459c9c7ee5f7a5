package com.calliyo.web.live;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import com.calliyo.web.live.SuiteChange.CustomerChange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One page's signals: coalesced per area, held back while the read model settles, and the stream's end. */
class LiveSubscriberTest {

    static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    static final Duration HEARTBEAT = Duration.ofSeconds(20);

    final RecordingEmitter emitter = new RecordingEmitter();
    final LiveSubscriber manager = new LiveSubscriber(emitter, "company-1", "manager-1", "s-1", false,
            T0.plusSeconds(600), T0);

    static SuiteChange change(Set<LiveArea> areas, CustomerChange customer) {
        return new SuiteChange("company-1", Set.of("agent-1"), areas, customer);
    }

    @Test
    void shouldSendABurstOfChangesAsOneSignalPerArea() {
        for (int i = 0; i < 1000; i++) {
            manager.notice(change(EnumSet.of(LiveArea.LEADS), null), T0.plusMillis(i % 50));
        }

        assertThat(manager.flush(T0.plusMillis(100), HEARTBEAT)).isTrue();

        assertThat(emitter.names()).containsExactly("leads");
    }

    @Test
    void shouldNameTheConvertedLeadAndHoldTheReportsUntilTheyHaveSettled() {
        manager.notice(change(EnumSet.of(LiveArea.LEADS, LiveArea.CUSTOMERS, LiveArea.REPORTS),
                new CustomerChange("lead-1", true)), T0);

        manager.flush(T0.plusMillis(100), HEARTBEAT);
        assertThat(emitter.names()).containsExactlyInAnyOrder("leads", "customers");
        assertThat(emitter.sent).anySatisfy(text -> assertThat(text)
                .contains("\"leadId\":\"lead-1\"", "\"customer\":true"));

        manager.flush(T0.plusMillis(600), HEARTBEAT);
        assertThat(emitter.names()).endsWith("reports").hasSize(3);
    }

    @Test
    void shouldNotHoldTheReportsForeverDuringALongBurstButStillSettleTheLastChange() {
        for (int ms = 0; ms <= 3000; ms += 100) {
            manager.notice(change(EnumSet.of(LiveArea.REPORTS), null), T0.plusMillis(ms));
            manager.flush(T0.plusMillis(ms), HEARTBEAT);
        }
        assertThat(emitter.names()).containsExactly("reports"); // at most 2 s after the first change

        manager.flush(T0.plusMillis(3000 + 500), HEARTBEAT);
        assertThat(emitter.names()).containsExactly("reports", "reports"); // the last change, settled
        manager.flush(T0.plusMillis(5000), HEARTBEAT);
        assertThat(emitter.names()).hasSize(2);
    }

    @Test
    void shouldIgnoreChangesAnAgentMayNotSee() {
        LiveSubscriber agent = new LiveSubscriber(emitter, "company-1", "agent-2", "s-2", true,
                T0.plusSeconds(600), T0);

        agent.notice(change(EnumSet.of(LiveArea.LEADS), null), T0);
        agent.notice(new SuiteChange("company-2", null, EnumSet.of(LiveArea.LEADS), null), T0);
        agent.flush(T0.plusSeconds(1), HEARTBEAT);
        assertThat(emitter.sent).isEmpty();

        agent.notice(new SuiteChange("company-1", null, EnumSet.of(LiveArea.LEADS), null), T0.plusSeconds(1));
        agent.flush(T0.plusSeconds(2), HEARTBEAT);
        assertThat(emitter.names()).containsExactly("leads"); // company-wide: renamed statuses
    }

    @Test
    void shouldSendAHeartbeatOnlyWhenQuiet() {
        manager.flush(T0.plusSeconds(19), HEARTBEAT);
        assertThat(emitter.sent).isEmpty();

        manager.flush(T0.plusSeconds(20), HEARTBEAT);
        manager.flush(T0.plusSeconds(21), HEARTBEAT);
        assertThat(emitter.names()).containsExactly("(comment)");
    }

    @Test
    void shouldEndTheStreamBeforeItsTokenExpiresSoTheBrowserReconnectsWithARenewedOne() {
        assertThat(manager.flush(T0.plusSeconds(599), HEARTBEAT)).isTrue();
        assertThat(emitter.completed).isFalse();

        assertThat(manager.flush(T0.plusSeconds(600), HEARTBEAT)).isFalse();
        assertThat(emitter.completed).isTrue();
    }

    @Test
    void shouldTellThePageItsSessionEnded() {
        manager.endSession();

        assertThat(emitter.names()).containsExactly("signed-out");
        assertThat(emitter.completed).isTrue();
    }
}
