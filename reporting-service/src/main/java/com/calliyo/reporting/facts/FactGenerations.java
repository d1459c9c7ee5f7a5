package com.calliyo.reporting.facts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * How far each company's facts have been written: {@code started} counts the writes begun, {@code finished} those
 * ended. Equal counts mean no write of the company is in flight, so facts read between two sightings of the same
 * equal counts are complete ({@link FactSnapshots}). Each write stamps the facts it stores with its own
 * {@code started} count ({@link #STAMP}), so a reader holding the facts as of count n needs only those stamped above n.
 * <p>
 * A writer that dies between begin and end leaves the counts unequal; readers then scan the store as before this
 * existed, and once the last begin is older than the time any write can take, {@link #settleAbandoned} evens them.
 */
public final class FactGenerations {

    /** The field of a lead, order or call fact naming the write that stored it. */
    public static final String STAMP = "generation";

    private static final Logger log = LoggerFactory.getLogger(FactGenerations.class);
    private static final String STARTED = "started";
    private static final String FINISHED = "finished";
    private static final String LAST_START = "lastStart";

    private final MongoCollection<Document> counts;
    private final Clock clock;

    public FactGenerations(MongoTemplate mongo) {
        this(mongo, Clock.systemUTC());
    }

    FactGenerations(MongoTemplate mongo, Clock clock) {
        this.counts = mongo.getCollection(FactCollections.GENERATIONS);
        this.clock = clock;
    }

    /** Counts of one company; both zero before its first write. */
    public record Generation(long started, long finished, Instant lastStart) {

        public boolean settled() {
            return started == finished;
        }

        boolean abandonedBy(Instant now, Duration longestWrite) {
            return !settled() && (lastStart == null || lastStart.plus(longestWrite).isBefore(now));
        }
    }

    /**
     * Runs {@code write} as one write of each of {@code companyIds}, given each company's stamp; the writes are
     * ended however {@code write} ends (a fact it stored is stamped, so ending after a failure hides nothing).
     */
    public <T> T writing(Collection<String> companyIds, Function<Map<String, Long>, T> write) {
        Map<String, Long> stamps = new LinkedHashMap<>();
        try {
            for (String companyId : new TreeSet<>(companyIds.stream().filter(Objects::nonNull).toList())) {
                stamps.put(companyId, begin(companyId));
            }
            return write.apply(stamps);
        } finally {
            stamps.keySet().forEach(this::end);
        }
    }

    public Generation read(String companyId) {
        Document held = counts.find(new Document("_id", companyId)).first();
        if (held == null) {
            return new Generation(0, 0, null);
        }
        Date lastStart = held.getDate(LAST_START);
        return new Generation(number(held, STARTED), number(held, FINISHED),
                lastStart == null ? null : lastStart.toInstant());
    }

    /**
     * Evens the counts {@code seen} when no write began for {@code longestWrite}: the writer that did not end is gone.
     * Both move one past {@code started}, so snapshots taken before read the abandoned write's facts. False when
     * the counts moved meanwhile or the write may still be running.
     */
    boolean settleAbandoned(String companyId, Generation seen, Duration longestWrite) {
        if (!seen.abandonedBy(clock.instant(), longestWrite)) {
            return false;
        }
        long next = seen.started() + 1;
        boolean settled = counts.updateOne(new Document("_id", companyId).append(STARTED, seen.started())
                        .append(FINISHED, seen.finished()),
                new Document("$set", new Document(STARTED, next).append(FINISHED, next))).getMatchedCount() == 1;
        if (settled) {
            log.warn("Company {}: {} fact write(s) begun but never ended; counted as ended", companyId,
                    seen.started() - seen.finished());
        }
        return settled;
    }

    private long begin(String companyId) {
        Document after = counts.findOneAndUpdate(new Document("_id", companyId),
                new Document("$inc", new Document(STARTED, 1L))
                        .append("$set", new Document(LAST_START, Date.from(clock.instant()))),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return number(Objects.requireNonNull(after), STARTED);
    }

    private void end(String companyId) {
        try {
            counts.updateOne(new Document("_id", companyId), new Document("$inc", new Document(FINISHED, 1L)));
        } catch (RuntimeException e) {
            // the counts stay uneven: reports scan until settleAbandoned evens them, and the write's outcome stands
            log.warn("Company {}: could not mark a fact write ended ({})", companyId, e.toString());
        }
    }

    private static long number(Document d, String field) {
        Object value = d.get(field);
        return value instanceof Number n ? n.longValue() : 0;
    }
}
