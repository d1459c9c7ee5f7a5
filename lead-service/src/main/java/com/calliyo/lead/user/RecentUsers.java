package com.calliyo.lead.user;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The users the token check read lately, so a cheap read does not cost a user read. This instance's own writes
 * forget the user before they return (a ban answered here is refused on the next request, as before); another
 * instance's ban reaches this one through the revocation feed, which lead-service checks too, and a remembered user
 * is read again after {@link #TIME_TO_LIVE} at the latest, in case that feed is late.
 */
final class RecentUsers {

    static final Duration TIME_TO_LIVE = Duration.ofSeconds(10);
    private static final int MAX_USERS = 10_000;

    private final Cache<String, Optional<User>> users = Caffeine.newBuilder()
            .maximumSize(MAX_USERS)
            .expireAfterWrite(TIME_TO_LIVE)
            .build();
    /** Counts writes, so a read that raced a write cannot leave the older state behind (see {@link #get}). */
    private final AtomicLong writes = new AtomicLong();

    Optional<User> get(String userId, Function<String, Optional<User>> read) {
        Optional<User> known = users.getIfPresent(userId);
        if (known != null) {
            return known;
        }
        long writesBefore = writes.get();
        Optional<User> found = read.apply(userId);
        users.put(userId, found);
        // A write that landed after the read began has counted itself before forgetting the user; if it did so
        // before this check, forget what was just put (the write's own forget may have come before the put).
        if (writes.get() != writesBefore) {
            users.invalidate(userId);
        }
        return found;
    }

    /** Called after the user's document was written and before the write returns. */
    void forget(String userId) {
        writes.incrementAndGet();
        users.invalidate(userId);
    }
}
