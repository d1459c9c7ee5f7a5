package com.calliyo.localstack.secondaryindex;

import de.bwaldvogel.mongo.MongoCollection;

/**
 * What both indexed databases do around the library's index handling. An index is built (every document of the
 * collection filed) and dropped while holding the collection's monitor: the library holds only the database's, while
 * inserts and queries hold the collection's, so without it a document inserted during the build could be missed, and
 * a query could iterate the index list while it changes. Lock order database, then collection, as the library's own.
 */
final class IndexedDatabases {

    private IndexedDatabases() {
    }

    /** The collection named by an index description's {@code ns} ("database.collection"). */
    static String collectionName(String databaseName, Object namespace) {
        String ns = String.valueOf(namespace);
        String prefix = databaseName + ".";
        return ns.startsWith(prefix) ? ns.substring(prefix.length()) : ns;
    }

    static void underCollectionMonitor(MongoCollection<?> collection, Runnable change) {
        synchronized (collection) {
            change.run();
        }
    }
}
