package com.calliyo.localstack.h2store;

import java.util.Comparator;

import de.bwaldvogel.mongo.bson.Document;

/**
 * An in-memory index of the H2 store that {@link IndexBuild} fills in the background from the collection's documents,
 * while the collection's writes go on. Every method is called with the collection's monitor held.
 * <p>
 * Why the writes during a build end up in the index: from {@link #startBuild} on, every write of the collection is
 * applied to the index at once (file the new version, unfile the old one), and filing and unfiling are idempotent
 * (a set of entries: filing an entry that is there, or unfiling one that is not, changes nothing). The build files
 * documents chunk by chunk, each chunk read under the monitor in the data map's key order, so it always files a
 * document's current version. So at any moment a document the build has passed has exactly its current entry; one
 * it has not reached has its current entry (it was written since the start) or none (not written since), and gets
 * its current entry when the build reaches it; a deleted one has none either way. Once the build has passed the last
 * key, the index holds exactly one current entry per document. Queries use the index only after {@link #finishBuild}
 * (those it would answer wait for that, {@link OrderedIndexH2Collection}).
 */
interface BackgroundBuiltIndex {

    /** True if no build has started (or the index was dropped): nothing is filed, writes are not applied. */
    boolean needsBuild();

    /** Empties the index and starts applying writes; {@code positionOrder} is the data map's key order. */
    void startBuild(Comparator<Object> positionOrder);

    /** True between {@link #startBuild} and {@link #finishBuild} (false again once dropped). */
    boolean isBuilding();

    /** Files one document as it is now (idempotent). */
    void fileExisting(Document document, Object position);

    /** Every document filed: queries may use the index from now on. */
    void finishBuild();

    /** Empties the index and stops applying writes (a build that failed: not built, nothing waits for it). */
    void drop();
}
