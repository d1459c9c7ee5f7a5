package com.calliyo.lead.status;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * The pipelines that reads of leads showed statuses by lately, so a cheap read of a lead costs one store read, not
 * two. Only for showing a status's current name: a change of statuses reads the pipeline afresh. This instance's
 * own pipeline writes forget the company before they return, so the next read here shows a rename; another
 * instance's rename shows here after {@link #TIME_TO_LIVE} at the latest.
 */
final class RecentPipelines {

    static final Duration TIME_TO_LIVE = Duration.ofSeconds(2);
    private static final int MAX_COMPANIES = 10_000;

    private final Cache<String, Pipeline> pipelines;
    /** Counts writes, so a read that raced a write cannot leave the older pipeline behind (see {@link #get}). */
    private final AtomicLong writes = new AtomicLong();

    RecentPipelines() {
        this(Ticker.systemTicker());
    }

    RecentPipelines(Ticker ticker) {
        this.pipelines = Caffeine.newBuilder()
                .maximumSize(MAX_COMPANIES)
                .expireAfterWrite(TIME_TO_LIVE)
                .ticker(ticker)
                .build();
    }

    /** The remembered pipeline, else {@code read}'s answer; null (not remembered) when the company has none yet. */
    Pipeline get(String companyId, Function<String, Pipeline> read) {
        Pipeline known = pipelines.getIfPresent(companyId);
        if (known != null) {
            return known;
        }
        long writesBefore = writes.get();
        Pipeline found = read.apply(companyId);
        if (found == null) {
            return null;
        }
        pipelines.put(companyId, found);
        // A write that landed after the read began counted itself before forgetting; if it forgot before this put,
        // what was just put may be older than that write.
        if (writes.get() != writesBefore) {
            pipelines.invalidate(companyId);
        }
        return found;
    }

    /** Called after the company's pipeline was written and before the write returns. */
    void forget(String companyId) {
        writes.incrementAndGet();
        pipelines.invalidate(companyId);
    }
}
