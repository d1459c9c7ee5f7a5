package com.calliyo.localstack.h2store;

import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 database with its unique indexes (the {@code _id} index included) kept in maps typed by
 * {@link IndexKeyType}. Such a map has a name of its own ({@code <db>.<collection>._index_<index>#typed}), so that a
 * file written before keeps working: the library's map of the same index (Java-serialised keys, in another order)
 * is removed when the index is opened, and the library fills the new, empty map from the collection's documents
 * (a one-time read of each indexed collection on the first start after the change). Documents, collections and
 * everything else stay as the library stores them.
 */
public class TypedIndexH2Database extends H2Database {

    static final String MAP_SUFFIX = "#typed";

    /** The store, for the calls the library's constructor makes before this class's fields are set. */
    private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

    private final MVStore store;

    protected TypedIndexH2Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
        super(databaseName, remember(store), cursorRegistry);
        OPENING.remove();
        this.store = store;
    }

    private static MVStore remember(MVStore store) {
        OPENING.set(store);
        return store;
    }

    private MVStore store() {
        return store != null ? store : OPENING.get();
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
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
        super.dropIndex(collection, indexName);
        store().removeMap(libraryMapName(collection.getCollectionName(), indexName) + MAP_SUFFIX);
    }

    /** The name the library gives an index's map. */
    private String libraryMapName(String collectionName, String indexName) {
        return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
    }
}
