package com.calliyo.localstack.h2store;

import java.util.ArrayList;
import java.util.List;

/**
 * One background pass over a collection that fills every index of it that needs a build, a chunk of documents at a
 * time, each chunk under the collection's monitor ({@link OrderedIndexH2Collection#fileChunk}), so queries and writes
 * wait at most one chunk, never the whole read. The indexes share the pass: one read of the collection for all of
 * them. An index declared while a pass runs gets a pass of its own afterwards. Why writes made between two chunks are
 * not lost: {@link BackgroundBuiltIndex}.
 */
final class IndexBuild {

    /** Documents per chunk: a few milliseconds of holding the collection. */
    static final int CHUNK = 500;

    private final OrderedIndexH2Collection collection;
    private final int chunk;
    private List<BackgroundBuiltIndex> indexes;
    private Object after;
    private boolean done;

    IndexBuild(OrderedIndexH2Collection collection, int chunk) {
        this.collection = collection;
        this.chunk = chunk;
    }

    /** Files the next chunk (the first call starts the indexes' builds); false once the pass is over. */
    boolean step() {
        if (done) {
            return false;
        }
        synchronized (collection) {
            if (indexes == null) {
                indexes = new ArrayList<>(collection.indexesNeedingBuild());
                indexes.forEach(index -> index.startBuild(collection.positionOrder()));
            }
            // an index dropped (or the collection's list changed) meanwhile is left alone
            indexes.removeIf(index -> !index.isBuilding() || !collection.getIndexes().contains(index));
            if (indexes.isEmpty()) {
                done = true;
                collection.notifyAll();
                return false;
            }
            OrderedIndexH2Collection.Chunk filed;
            try {
                filed = collection.fileChunk(after, chunk, indexes);
            } catch (RuntimeException e) {
                indexes.forEach(BackgroundBuiltIndex::drop); // unbuilt again: no query waits for them any more
                done = true;
                collection.notifyAll();
                throw e;
            }
            after = filed.last();
            if (filed.end()) {
                indexes.forEach(BackgroundBuiltIndex::finishBuild);
                done = true;
                collection.notifyAll(); // the queries waiting for these indexes
            }
        }
        return !done;
    }
}
