package com.calliyo.lead.outbox;

import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Tells a failed send that can never succeed from one worth retrying. Permanent: the record is larger than the
 * producer's {@code max.request.size} or the topic's {@code max.message.bytes} ({@link RecordTooLargeException},
 * thrown by the producer or answered by the broker), it cannot be serialized, or the stored event cannot even be
 * made into a record ({@link Unbuildable}). Everything else (no broker, no metadata in time, timeouts, a leader
 * moving, not enough replicas) goes away on its own and is retried.
 */
final class SendFailures {

    private static final int MAX_REASON = 500;

    private SendFailures() {
    }

    static boolean permanent(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RecordTooLargeException || cause instanceof SerializationException
                    || cause instanceof Unbuildable) {
                return true;
            }
        }
        return false;
    }

    /** The innermost cause, as a short line for the parked event and the log. */
    static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = root.getClass().getSimpleName() + ": " + root.getMessage();
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON);
    }

    /** A stored event that cannot be turned into a Kafka record (a missing or mistyped field): retrying cannot help. */
    static final class Unbuildable extends RuntimeException {

        Unbuildable(RuntimeException cause) {
            super(cause);
        }
    }
}
