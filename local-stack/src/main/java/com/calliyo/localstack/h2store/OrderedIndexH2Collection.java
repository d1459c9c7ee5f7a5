package com.calliyo.localstack.h2store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentComparator;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.type.DataType;

/**
 * The library's H2 collection, answering a query through an {@link OrderedIndex} where one fits ({@link IndexPlan}):
 * it walks the entries of the fixed prefix in the sort's order and stops once it has skip + limit matches, reading
 * from the file only the documents it returns (a covered query) or those it must match. Everything else, and any
 * query a unique index answers, goes the library's way.
 * <p>
 * <b>Same answers as the library's scan.</b> The scan reads the documents in the order of the data map's keys and
 * sorts the matches with a stable sort, so documents equal under the sort keep that key order. The walk gives the sort
 * fields it orders in the comparator's order; entries equal on those fields ("a run") are re-ordered by the whole sort
 * (read from their documents, only when the walk orders part of it) and then by the data map's key order, before
 * skip and limit are applied. Every match is then projected and batched by the library's own code.
 * <p>
 * A query that requires a field to exist, for which a {@link PresenceIndex} is declared (the outboxes' search for
 * pending events), reads only the documents that have the field, in the scan's order, and leaves the rest to the
 * library's own matching and sorting.
 * <p>
 * The indexes are filled in the background ({@link IndexBuild}, which reads {@link #fileChunk}); a query an index
 * still to be built would answer waits for it (releasing the collection) up to a bound, then gets the library's scan.
 */
final class OrderedIndexH2Collection extends H2Collection {

    /** A walk gives up (and the scan answers) once it would read more than this share of the collection. */
    private static final int READ_BUDGET_DIVISOR = 4;
    private static final int MIN_READ_BUDGET = 2_000;

    /** How many finds and counts an ordered index answered, in this JVM (for tests: that the index was used). */
    static final LongAdder INDEX_ANSWERS = new LongAdder();

    /** How many finds a presence index answered, in this JVM (for tests). */
    static final LongAdder PRESENCE_ANSWERS = new LongAdder();

    private final DataType<Object> positionType;
    private final MVMap<Object, Document> dataMap;

    private final Duration buildWait;

    OrderedIndexH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                             MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap,
                             CursorRegistry cursorRegistry, Duration buildWait) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        this.positionType = dataMap.getKeyType();
        this.dataMap = dataMap;
        this.buildWait = buildWait;
    }

    /**
     * Waits (releasing the monitor, so the build and the writes go on) while the index that would answer this query
     * is still to be built, at most {@code buildWait}; the scan answers after that. Measured at 200k leads in a 4 GB
     * file: a scan holds the collection for minutes on a loaded machine, longer than the whole build, and a build
     * waiting behind the relay's scans and the first lists did not progress at all; so a query an index will answer
     * waits for it rather than scanning. Called with the monitor held.
     */
    private void awaitBuildServing(Document query, Document orderBy) {
        if (buildWait.isZero() || uniqueIndexAnswers(query)) {
            return;
        }
        long deadline = System.nanoTime() + buildWait.toNanos();
        while (buildServing(query, orderBy)) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return;
            }
            try {
                wait(left); // IndexBuild notifies when a build ends
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** True if the best index for the query is one still to be built (building, or scheduled and not subsumed). */
    private boolean buildServing(Document query, Document orderBy) {
        List<Index<Object>> indexes = getIndexes();
        List<OrderedIndex> candidates = new ArrayList<>();
        boolean usableOrdered = false;
        for (int i = 0; i < indexes.size(); i++) {
            if (indexes.get(i) instanceof OrderedIndex ordered
                    && (ordered.isUsable() || toBeBuilt(indexes, i))) {
                candidates.add(ordered);
            }
        }
        IndexPlan plan = IndexPlan.choose(candidates, query, orderBy);
        if (plan != null) {
            return !plan.index().isUsable();
        }
        for (int i = 0; i < indexes.size(); i++) {
            if (indexes.get(i) instanceof PresenceIndex presence && toBeBuilt(indexes, i)
                    && presence.answers(query)) {
                return true;
            }
        }
        return false;
    }

    private static boolean toBeBuilt(List<Index<Object>> indexes, int at) {
        BackgroundBuiltIndex index = (BackgroundBuiltIndex) indexes.get(at);
        return index.isBuilding() || (index.needsBuild() && !subsumed(indexes, at));
    }

    /** The data map's key order: the order the library's scan reads documents in. */
    Comparator<Object> positionOrder() {
        return positionType::compare;
    }

    /**
     * This collection's indexes whose background build has not started (call with the monitor held), but for an
     * ordered index another one subsumes ({@link OrderedIndex#subsumedBy}): it stays unbuilt and unused, and costs no
     * memory, while the other is declared.
     */
    List<BackgroundBuiltIndex> indexesNeedingBuild() {
        List<Index<Object>> indexes = getIndexes();
        List<BackgroundBuiltIndex> needing = new ArrayList<>();
        for (int i = 0; i < indexes.size(); i++) {
            if (indexes.get(i) instanceof BackgroundBuiltIndex buildable && buildable.needsBuild()
                    && !subsumed(indexes, i)) {
                needing.add(buildable);
            }
        }
        return needing;
    }

    private static boolean subsumed(List<Index<Object>> indexes, int at) {
        if (!(indexes.get(at) instanceof OrderedIndex index)) {
            return false;
        }
        for (int j = 0; j < indexes.size(); j++) {
            if (indexes.get(j) instanceof OrderedIndex other && index.subsumedBy(other, j < at)) {
                return true;
            }
        }
        return false;
    }

    /** The last key a chunk filed (null: none yet) and whether the data map has no key after it. */
    record Chunk(Object last, boolean end) {
    }

    /**
     * Files up to {@code size} documents that follow the key {@code after} (from the first if null), as they are now,
     * in every index given. Called with the monitor held, so no write interleaves within a chunk.
     */
    Chunk fileChunk(Object after, int size, List<BackgroundBuiltIndex> indexes) {
        Cursor<Object, Document> cursor = dataMap.cursor(after);
        Object last = after;
        int filed = 0;
        while (filed < size && cursor.hasNext()) {
            Object key = cursor.next();
            if (after != null && positionType.compare(key, after) <= 0) {
                continue; // the cursor starts at the key itself when it still exists
            }
            Document document = cursor.getValue();
            for (BackgroundBuiltIndex index : indexes) {
                index.fileExisting(document, key);
            }
            last = key;
            filed++;
        }
        return new Chunk(last, !cursor.hasNext());
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        awaitBuildServing(query, orderBy);
        List<Document> answer = orderedAnswer(query, orderBy, numberToSkip, limit);
        if (answer == null) {
            QueryResult present = presenceAnswer(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            if (present != null) {
                return present;
            }
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        // Already matched, ordered, skipped and limited: the library's own code projects and batches.
        return matchDocumentsFromStream(query, answer.stream(), 0, 0, batchSize, null, fieldSelector);
    }

    /**
     * How many documents match, from an index that covers the query (no document read), or null if none does. For
     * the driver's countDocuments, an aggregation the library would run over every document of the collection.
     */
    synchronized Long countCovered(Document query) {
        if (uniqueIndexAnswers(query)) {
            return null;
        }
        awaitBuildServing(query, null);
        IndexPlan plan = usablePlan(query, null);
        if (plan == null || !plan.covered()) {
            return null;
        }
        try {
            long count = 0;
            CoveredDocument covered = plan.index().coveredDocument();
            for (OrderedIndex.Entry entry : plan.range()) {
                if (documentMatchesQuery(covered.fill(entry.values(), entry.position()), query)) {
                    count++;
                }
            }
            INDEX_ANSWERS.increment();
            return count;
        } catch (RuntimeException e) {
            return null; // e.g. an unknown operator: the library's path gives its own error
        }
    }

    private List<Document> orderedAnswer(Document query, Document orderBy, int skip, int limit) {
        if (skip < 0 || uniqueIndexAnswers(query)) {
            return null;
        }
        IndexPlan plan = usablePlan(query, orderBy);
        if (plan == null || (!plan.covered() && limit <= 0)) {
            return null; // reading every candidate one by one costs more than the library's sequential scan
        }
        if (limit <= 0 && plan.rangeIsTheAnswer(query) && holdsMore(plan.range(), readBudget())) {
            return null; // every entry matches and the walk would spend its read budget: the scan answers at once
        }
        try {
            List<Document> page = new Walk(plan, query, orderBy, skip, limit).run();
            INDEX_ANSWERS.increment();
            return page;
        } catch (RuntimeException e) {
            return null; // e.g. an unknown operator, or the read budget spent: the library's path answers
        }
    }

    /**
     * Through a built {@link PresenceIndex} whose field the query requires to exist, or null: only the documents that
     * have the field, in the data map's key order (the scan's), go to the library's own match, sort, skip, limit
     * and projection. Documents without the field cannot match, so the answer is the scan's, ties and all.
     */
    private QueryResult presenceAnswer(Document query, Document orderBy, int skip, int limit, int batchSize,
                                       Document fieldSelector) {
        if (isNaturalOrder(orderBy) || uniqueIndexAnswers(query)) {
            return null;
        }
        for (Index<Object> index : getIndexes()) {
            if (index instanceof PresenceIndex presence && presence.isUsable() && presence.answers(query)) {
                PRESENCE_ANSWERS.increment();
                return matchDocumentsFromStream(presence.positions().stream().map(this::getDocument)
                        .filter(Objects::nonNull), query, orderBy, skip, limit, batchSize, fieldSelector);
            }
        }
        return null;
    }

    private static boolean isNaturalOrder(Document orderBy) {
        return orderBy != null && orderBy.keySet().stream().anyMatch(key -> key.startsWith("$"));
    }

    /** The library's unique indexes (the _id one included) find their one document faster than any walk. */
    private boolean uniqueIndexAnswers(Document query) {
        for (Index<Object> index : getIndexes()) {
            if (!(index instanceof OrderedIndex) && index.canHandle(query)) {
                return true;
            }
        }
        return false;
    }

    /** The best plan over the indexes that are usable: built (in the background) and without an irregular document. */
    private IndexPlan usablePlan(Document query, Document orderBy) {
        List<OrderedIndex> candidates = new ArrayList<>();
        for (Index<Object> index : getIndexes()) {
            if (index instanceof OrderedIndex ordered && ordered.isUsable()) {
                candidates.add(ordered);
            }
        }
        return IndexPlan.choose(candidates, query, orderBy);
    }

    /** How many documents a walk may read one by one before the sequential scan is cheaper. */
    private long readBudget() {
        return Math.max(MIN_READ_BUDGET, count() / READ_BUDGET_DIVISOR);
    }

    private static boolean holdsMore(Iterable<?> range, long limit) {
        long seen = 0;
        for (Object ignored : range) {
            if (++seen > limit) {
                return true;
            }
        }
        return false;
    }

    /** One walk of an index range, producing the page. */
    private final class Walk {

        private final IndexPlan plan;
        private final Document query;
        private final int skip;
        private final int limit;
        /** The whole sort, for the part of it the walk does not order; null if the walk orders all of it. */
        private final Comparator<Document> rest;
        private final List<Document> page = new ArrayList<>();
        private final List<Candidate> run = new ArrayList<>();
        /** Null unless the query is covered. */
        private final CoveredDocument covered;
        private int passed;
        private long readBudget;

        Walk(IndexPlan plan, Document query, Document orderBy, int skip, int limit) {
            this.plan = plan;
            this.query = query;
            this.skip = skip;
            this.limit = limit;
            this.rest = plan.sortProvided() ? null : new DocumentComparator(orderBy);
            this.covered = plan.covered() ? plan.index().coveredDocument() : null;
            // Reading documents one by one (a B-tree lookup each, pages read back from the file) costs more per
            // document than the sequential scan: a walk that would read more than a quarter of the collection (a
            // filter the index does not cover and that matches little, or an unlimited answer of many documents)
            // stops, and the scan answers.
            this.readBudget = readBudget();
        }

        List<Document> run() {
            Iterable<OrderedIndex.Entry> range = plan.reverse() ? plan.range().descendingSet() : plan.range();
            for (OrderedIndex.Entry entry : range) {
                Document document = null;
                if (plan.covered()) {
                    if (!documentMatchesQuery(covered.fill(entry.values(), entry.position()), query)) {
                        continue;
                    }
                } else {
                    document = read(entry.position());
                    if (document == null || !documentMatchesQuery(document, query)) {
                        continue;
                    }
                }
                if (!run.isEmpty() && !sameRun(run.get(0).entry(), entry)) {
                    flushRun();
                    if (full()) {
                        return page;
                    }
                }
                run.add(new Candidate(entry, document));
            }
            flushRun();
            return page;
        }

        private boolean full() {
            return limit > 0 && page.size() >= limit;
        }

        /** Equal on every sort field the walk orders: the index's fields after the prefix, then the position. */
        private boolean sameRun(OrderedIndex.Entry first, OrderedIndex.Entry next) {
            ValueComparator values = ValueComparator.asc();
            Object[] a = first.values();
            Object[] b = next.values();
            for (int i = plan.prefix().length; i < plan.prefix().length + plan.sorted(); i++) {
                Object left = i < a.length ? a[i] : first.position();
                Object right = i < b.length ? b[i] : next.position();
                if (values.compare(left, right) != 0) {
                    return false;
                }
            }
            return true;
        }

        /** Orders the run as the scan's stable sort would, then skips or keeps its documents. */
        private void flushRun() {
            if (run.size() > 1) {
                if (rest != null) {
                    for (int i = 0; i < run.size(); i++) {
                        run.set(i, run.get(i).withDocument(this));
                    }
                    run.sort(Comparator.comparing(Candidate::document, rest)
                            .thenComparing((a, b) -> positionType.compare(a.entry().position(), b.entry().position())));
                } else {
                    run.sort((a, b) -> positionType.compare(a.entry().position(), b.entry().position()));
                }
            }
            for (Candidate candidate : run) {
                if (full()) {
                    break;
                }
                if (passed++ >= skip) {
                    Document document = candidate.withDocument(this).document();
                    if (document != null) {
                        page.add(document);
                    }
                }
            }
            run.clear();
        }

        Document read(Object position) {
            if (--readBudget < 0) {
                throw new IllegalStateException("read budget spent: the scan answers");
            }
            return getDocument(position);
        }
    }

    private record Candidate(OrderedIndex.Entry entry, Document document) {

        Candidate withDocument(Walk walk) {
            return document != null ? this : new Candidate(entry, walk.read(entry.position()));
        }
    }
}
