package com.calliyo.localstack.h2store;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 database with its unique indexes (the {@code _id} index included) kept in maps typed by
 * {@link IndexKeyType}. Such a map has a name of its own ({@code <db>.<collection>._index_<index>#typed}), so that a
 * file written before keeps working: the library's map of the same index (Java-serialised keys, in another order)
 * is removed when the index is opened, and the library fills the new, empty map from the collection's documents
 * (a one-time read of each indexed collection on the first start after the change). Documents, collections and
 * everything else stay as the library stores them.
 * <p>
 * With ordered indexes on ({@link TypedIndexH2Backend}, the launcher's default), its non-unique indexes are real
 * ({@link OrderedIndex}; a sparse one on a single field is a {@link PresenceIndex}), in memory, built in the
 * background right after the database opens or the index is declared ({@link IndexBuilds}), and its collections answer
 * sorted pages, covered counts and searches for documents having a field through them
 * ({@link OrderedIndexH2Collection}, {@link CountPipeline}); off, they are ignored as the library does.
 */
public class TypedIndexH2Database extends H2Database {

    static final String MAP_SUFFIX = "#typed";

    /** The library's names of a collection's maps (H2Database keeps them private). */
    private static final String DATA_MAP_PREFIX = "databases.";
    private static final String META_MAP_PREFIX = "meta.";

    /** The store and the switch, for the calls the library's constructor makes before this class's fields are set. */
    private static final ThreadLocal<Opening> OPENING = new ThreadLocal<>();

    private final MVStore store;
    private final boolean orderedIndexes;
    private final IndexBuilds builds;

    /** What the library's constructor needs before the fields are set, and the collections whose indexes it opened. */
    private record Opening(MVStore store, boolean orderedIndexes, IndexBuilds builds, Set<String> indexedCollections) {
    }

    protected TypedIndexH2Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
        this(databaseName, store, cursorRegistry, false, null);
    }

    TypedIndexH2Database(String databaseName, MVStore store, CursorRegistry cursorRegistry, boolean orderedIndexes,
                         IndexBuilds builds) {
        super(databaseName, remember(store, orderedIndexes, builds), cursorRegistry);
        Opening opening = OPENING.get();
        OPENING.remove();
        this.store = store;
        this.orderedIndexes = orderedIndexes;
        this.builds = builds;
        // The stored indexes were opened empty; fill them in the background, not on the first query.
        for (String collectionName : opening.indexedCollections()) {
            scheduleBuild(resolveCollection(collectionName, false));
        }
    }

    private static MVStore remember(MVStore store, boolean orderedIndexes, IndexBuilds builds) {
        OPENING.set(new Opening(store, orderedIndexes, builds, new LinkedHashSet<>()));
        return store;
    }

    private void scheduleBuild(MongoCollection<Object> collection) {
        if (builds != null && collection instanceof OrderedIndexH2Collection ordered) {
            builds.schedule(ordered);
        }
    }

    private MVStore store() {
        return store != null ? store : OPENING.get().store();
    }

    private boolean orderedIndexes() {
        return store != null ? orderedIndexes : OPENING.get().orderedIndexes();
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        if (!orderedIndexes()) {
            return super.openOrCreateCollection(collectionName, options);
        }
        String namespace = getFullCollectionNamespace(collectionName);
        MVMap<Object, Document> data = store().openMap(DATA_MAP_PREFIX + namespace);
        MVMap<String, Object> meta = store().openMap(META_MAP_PREFIX + namespace);
        IndexBuilds indexBuilds = store != null ? builds : OPENING.get().builds();
        return new OrderedIndexH2Collection(this, collectionName, options, data, meta, cursorRegistry,
                indexBuilds == null ? Duration.ZERO : indexBuilds.queryWait());
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                       boolean sparse) {
        if (!orderedIndexes()) {
            return super.openOrCreateSecondaryIndex(collectionName, indexName, keys, sparse);
        }
        if (store == null) {
            OPENING.get().indexedCollections().add(collectionName); // opening the stored database
        }
        if (sparse && PresenceIndex.fits(keys)) {
            return new PresenceIndex(indexName, keys);
        }
        return new OrderedIndex(indexName, keys, sparse);
    }

    /**
     * An index joins or leaves the collection's list under the collection's monitor, which its queries hold; a new
     * one is then built in the background.
     */
    @Override
    protected synchronized void addIndex(Document description) {
        String namespace = String.valueOf(description.get("ns"));
        String prefix = getDatabaseName() + ".";
        MongoCollection<Object> collection = resolveOrCreateCollection(
                namespace.startsWith(prefix) ? namespace.substring(prefix.length()) : namespace);
        synchronized (collection) {
            super.addIndex(description);
        }
        scheduleBuild(collection); // a pass with nothing to build (the index existed) ends at once
    }

    /** The driver's countDocuments, answered from an ordered index that covers its filter, if one does. */
    @Override
    public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver databaseResolver,
                                  Oplog oplog) {
        if (orderedIndexes && "aggregate".equalsIgnoreCase(command) && query.get(command) instanceof String name
                && resolveCollection(name, false) instanceof OrderedIndexH2Collection collection) {
            Document answer = CountPipeline.answer(this, name, query, collection, databaseResolver, oplog);
            if (answer != null) {
                clearLastStatus(channel);
                return answer;
            }
        }
        return super.handleCommand(channel, command, query, databaseResolver, oplog);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                   boolean sparse) {
        String libraryMap = libraryMapName(collectionName, indexName);
        MVStore mvStore = store();
        if (mvStore.hasMap(libraryMap)) {
            mvStore.removeMap(libraryMap);
        }
        MVMap<KeyValue, Object> entries = mvStore.openMap(libraryMap + MAP_SUFFIX,
                new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyType()));
        return new TypedUniqueIndex(indexName, keys, sparse, entries);
    }

    @Override
    protected synchronized void dropIndex(MongoCollection<Object> collection, String indexName) {
        synchronized (collection) {
            super.dropIndex(collection, indexName);
        }
        store().removeMap(libraryMapName(collection.getCollectionName(), indexName) + MAP_SUFFIX);
        scheduleBuild(collection); // an index the dropped one subsumed is built now
    }

    /** The name the library gives an index's map. */
    private String libraryMapName(String collectionName, String indexName) {
        return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
    }
}
