package com.calliyo.reporting.facts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.calliyo.reporting.facts.FactGenerations.Generation;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Each company's facts kept in memory between reports, so a report reads one small document instead of the company's
 * whole collections. Before answering, the company's write counts are read ({@link FactGenerations}):
 * <ul>
 * <li>counts equal to the held snapshot's: nothing was written since, the snapshot is the store's state;</li>
 * <li>counts equal but further on: the facts stamped after the snapshot (by index) are laid over it, and the company's
 *     settings, pipeline and users read again;</li>
 * <li>counts unequal (a write in flight, or a writer that died mid-write): the same overlay answers, as the store
 *     holds the facts at that moment, but it is not kept.</li>
 * </ul>
 * Without a snapshot, or past its age, the company's facts are read whole. A write that begins during a read may or
 * may not be in what is kept; either way its facts are stamped after the kept count, so the next answer reads them.
 * A snapshot is read whole again after {@code maxAge}, which bounds what a write that outlived
 * {@code longestWrite} (and was then counted as ended) could hide; companies over {@code maxFacts} in all are not
 * kept.
 */
public class FactSnapshots {

    private final FactReader reader;
    private final FactGenerations generations;
    private final Clock clock;
    private final Duration maxAge;
    private final Duration longestWrite;
    private final Cache<String, FactSnapshot> held;

    public FactSnapshots(FactReader reader, FactGenerations generations, Clock clock, Settings settings) {
        this.reader = reader;
        this.generations = generations;
        this.clock = clock;
        this.maxAge = settings.maxAge();
        this.longestWrite = settings.longestWrite();
        this.held = Caffeine.newBuilder()
                .maximumWeight(settings.maxFacts())
                .weigher((String company, FactSnapshot snapshot) -> snapshot.size())
                .executor(Runnable::run) // evict at once: a company over the budget is never kept
                .build();
    }

    /** How long a snapshot lives, how long a write may take, how many facts all kept snapshots may hold. */
    public record Settings(Duration maxAge, Duration longestWrite, long maxFacts) {
    }

    /** The company's facts as the store holds them now (or as a write in flight left them part-written). */
    public FactSnapshot current(String companyId) {
        Generation before = generations.read(companyId);
        Instant now = clock.instant();
        FactSnapshot kept = held.getIfPresent(companyId);
        boolean current = kept != null && kept.generation() <= before.started() && !tooOld(kept, now);
        if (current && kept.generation() == before.started() && before.settled()) {
            return kept;
        }
        FactSnapshot next = current
                ? kept.with(before.started(), reader.stampedAfter(companyId, kept.generation()),
                        reader.company(companyId))
                : FactSnapshot.of(before.started(), now, reader.facts(companyId), reader.company(companyId));
        if (!before.settled()) {
            // a write in flight: what it stored so far is stamped after the kept snapshot, so it is in this answer,
            // but what it stores next would not be, so nothing is kept
            generations.settleAbandoned(companyId, before, longestWrite);
        } else {
            held.put(companyId, next);
        }
        return next;
    }

    private boolean tooOld(FactSnapshot snapshot, Instant now) {
        return snapshot.loadedAt().plus(maxAge).isBefore(now);
    }
}
