package com.calliyo.localstack.secondaryindex;

import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVStore;

import com.calliyo.localstack.h2store.TypedIndexH2Database;

/**
 * mongo-java-server's H2 backend with its non-unique indexes made real ({@link SecondaryIndex}), and its unique ones
 * typed as in the launcher's default backend ({@link TypedIndexH2Database}). They live in memory
 * only: when the store is opened, the library re-creates every index listed in the database's {@code system.indexes}
 * and fills it from the data, which for these means one read of each indexed collection at start.
 */
public final class IndexedH2Backend extends H2Backend {

    public IndexedH2Backend(MVStore store) {
        super(store);
    }

    /** Called from H2Backend's constructor too (it opens the stored databases): uses no field of this class. */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getMvStore(), getCursorRegistry());
    }

    private static final class Database extends TypedIndexH2Database {

        Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
            super(databaseName, store, cursorRegistry);
        }

        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
                                                           List<IndexKey> keys, boolean sparse) {
            // Resolving the collection here is what the library does just before asking for the index.
            return new SecondaryIndex<>(indexName, keys, sparse,
                    resolveOrCreateCollection(collectionName).getIndexes());
        }

        @Override
        protected synchronized void addIndex(Document description) {
            MongoCollection<Object> collection =
                    resolveOrCreateCollection(IndexedDatabases.collectionName(databaseName, description.get("ns")));
            IndexedDatabases.underCollectionMonitor(collection, () -> super.addIndex(description));
        }

        @Override
        protected synchronized void dropIndex(MongoCollection<Object> collection, String indexName) {
            IndexedDatabases.underCollectionMonitor(collection, () -> super.dropIndex(collection, indexName));
        }
    }
}
