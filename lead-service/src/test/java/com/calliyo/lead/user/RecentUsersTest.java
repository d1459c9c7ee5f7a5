package com.calliyo.lead.user;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.calliyo.lead.caller.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecentUsersTest {

    private static final Instant CREATED = Instant.parse("2026-12-07T10:00:00Z");

    private final RecentUsers recent = new RecentUsers();
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicReference<User> stored = new AtomicReference<>(user(false));

    @Test
    void shouldReadTheUserOnceUntilItIsWritten() {
        recent.get("u-1", this::read);
        recent.get("u-1", this::read);
        assertThat(reads).hasValue(1);

        stored.set(user(true));
        recent.forget("u-1");

        assertThat(recent.get("u-1", this::read)).hasValueSatisfying(user -> assertThat(user.banned()).isTrue());
        assertThat(reads).hasValue(2);
    }

    @Test
    void shouldNotKeepWhatItReadWhileTheUserWasBeingWritten() {
        // The ban lands (and forgets the user) after the read began but before the read's answer is kept.
        Optional<User> answered = recent.get("u-1", id -> {
            Optional<User> before = read(id);
            stored.set(user(true));
            recent.forget(id);
            return before;
        });

        assertThat(answered).hasValueSatisfying(user -> assertThat(user.banned()).isFalse());
        assertThat(recent.get("u-1", this::read)).hasValueSatisfying(user -> assertThat(user.banned()).isTrue());
    }

    @Test
    void shouldRememberThatAUserDoesNotExistUntilOneIsInserted() {
        stored.set(null);
        assertThat(recent.get("u-1", this::read)).isEmpty();
        assertThat(recent.get("u-1", this::read)).isEmpty();
        assertThat(reads).hasValue(1);

        stored.set(user(false));
        recent.forget("u-1");

        assertThat(recent.get("u-1", this::read)).isPresent();
    }

    private Optional<User> read(String id) {
        reads.incrementAndGet();
        return Optional.ofNullable(stored.get());
    }

    private static User user(boolean banned) {
        return new User("u-1", "c-1", "Asha", "asha@example.com", "{bcrypt}hash", Role.AGENT, null, 50, null, null,
                banned, CREATED, CREATED, CREATED, 1);
    }
}
