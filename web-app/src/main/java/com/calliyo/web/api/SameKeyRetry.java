package com.calliyo.web.api;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A write sent twice with one Idempotency-Key (a double-clicked Save) can reach the service while the first is still
 * running: it answers 409 "Request in progress". The second submission is the one whose answer the browser shows,
 * so it waits for the first to finish and takes its stored answer, instead of showing the user an error about a
 * lead that is being created.
 */
public final class SameKeyRetry {

    static final String IN_PROGRESS = "Request in progress";
    private static final Duration PAUSE = Duration.ofMillis(100);

    private SameKeyRetry() {
    }

    public static <T> T call(Supplier<T> write, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            try {
                return write.get();
            } catch (ApiException e) {
                if (!inProgress(e) || System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(PAUSE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static boolean inProgress(ApiException e) {
        return e.status() == 409 && IN_PROGRESS.equals(e.problem().title());
    }
}
