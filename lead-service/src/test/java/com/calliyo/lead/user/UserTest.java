package com.calliyo.lead.user;

import java.time.Instant;

import com.calliyo.lead.caller.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UserTest {

    private static final Instant CREATED = Instant.parse("2026-05-11T03:30:00Z");
    private static final Instant LATER = CREATED.plusSeconds(3600);

    private final User agent = new User("u-1", "c-1", "Asha", "asha@example.com", "{bcrypt}hash", Role.AGENT, null,
            50, null, null, false, CREATED, CREATED, CREATED, 1);

    @Test
    void shouldVoidEarlierTokensOnANewRole() {
        User promoted = agent.withChanges(changes(null, Role.MANAGER, null), null, LATER);

        assertThat(promoted.role()).isEqualTo(Role.MANAGER);
        assertThat(promoted.tokensValidAfter()).isEqualTo(LATER);
    }

    @Test
    void shouldKeepTokensWhenTheRoleStaysTheSame() {
        assertThat(agent.withChanges(changes(null, Role.AGENT, null), null, LATER).tokensValidAfter())
                .isEqualTo(CREATED);
        assertThat(agent.withChanges(changes("Renamed", null, null), null, LATER).tokensValidAfter())
                .isEqualTo(CREATED);
    }

    @Test
    void shouldVoidEarlierTokensOnABanAndOnANewPassword() {
        assertThat(agent.withChanges(changes(null, null, true), null, LATER).tokensValidAfter()).isEqualTo(LATER);
        assertThat(agent.withChanges(changes(null, null, null), "{bcrypt}new", LATER).tokensValidAfter())
                .isEqualTo(LATER);
    }

    private static UserChanges changes(String name, Role role, Boolean banned) {
        return new UserChanges(name, null, null, role, null, null, null, null, banned);
    }
}
