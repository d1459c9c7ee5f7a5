package com.calliyo.localstack.secondaryindex;

import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;

/** mongo-java-server's memory backend with its non-unique indexes made real ({@link SecondaryIndex}). */
public final class IndexedMemoryBackend extends MemoryBackend {

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getCursorRegistry());
    }

    private static final class Database extends MemoryDatabase {

        Database(String databaseName, CursorRegistry cursorRegistry) {
            super(databaseName, cursorRegistry);
        }

        /** The library's hook; its own version logs "not yet implemented. ignoring" and returns an empty index. */
        @Override
        protected Index<Integer> openOrCreateSecondaryIndex(String collectionName, String indexName,
                                                            List<IndexKey> keys, boolean sparse) {
            // Resolving the collection here is what the library does just before asking for the index.
            return new SecondaryIndex<>(indexName, keys, sparse,
                    resolveOrCreateCollection(collectionName).getIndexes());
        }

        @Override
        protected synchronized void addIndex(Document description) {
            MongoCollection<Integer> collection =
                    resolveOrCreateCollection(IndexedDatabases.collectionName(databaseName, description.get("ns")));
            IndexedDatabases.underCollectionMonitor(collection, () -> super.addIndex(description));
        }

        @Override
        protected synchronized void dropIndex(MongoCollection<Integer> collection, String indexName) {
            IndexedDatabases.underCollectionMonitor(collection, () -> super.dropIndex(collection, indexName));
        }
    }
}
