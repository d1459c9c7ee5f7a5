package com.calliyo.gateway.limits;

import reactor.core.publisher.Mono;

/**
 * Where the token buckets live: this JVM's memory (one gateway) or a store shared by every gateway instance, so
 * that a caller's budget is the same whichever instance a request reaches.
 */
interface RateLimitStore {

    /** Takes one token from the caller's bucket, creating a full one on first use. */
    Mono<RateLimitDecision> tryConsume(String key, RateLimitProperties.Limit limit);
}
