package com.calliyo.storeoutage;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Tells "the store is not reachable" apart from every other failure. Spring Data translates the driver's timeouts
 * and socket errors to {@link DataAccessResourceFailureException}; code that uses the driver directly sees the
 * driver's own exceptions; either may arrive wrapped (a servlet or listener exception), so the whole cause chain is
 * looked at.
 */
public final class StoreOutages {

    private static final int MAX_DEPTH = 16;

    private StoreOutages() {
    }

    public static boolean isOutage(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            if (current instanceof DataAccessResourceFailureException || current instanceof MongoTimeoutException
                    || current instanceof MongoSocketException) {
                return true;
            }
            current = current.getCause();
        }
        return false;
    }
}
