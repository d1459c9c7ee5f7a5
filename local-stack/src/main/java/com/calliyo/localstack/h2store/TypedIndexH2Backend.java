package com.calliyo.localstack.h2store;

import java.time.Duration;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;

/**
 * The launcher's H2 file backend: the library's, with {@link TypedIndexH2Database}'s unique indexes and, unless
 * switched off, its ordered non-unique ones ({@link OrderedIndex}, {@link PresenceIndex}), built in the background.
 */
public final class TypedIndexH2Backend extends H2Backend {

    /** The switch and the builds, for the databases H2Backend's constructor opens before this class's fields are set. */
    private static final ThreadLocal<Settings> OPENING = new ThreadLocal<>();

    private record Settings(boolean orderedIndexes, IndexBuilds builds) {
    }

    private final Settings settings;

    /** With ordered indexes. */
    public TypedIndexH2Backend(MVStore store) {
        this(store, true);
    }

    /** {@code orderedIndexes} false: non-unique indexes ignored and every other query scanned, as the library does. */
    public TypedIndexH2Backend(MVStore store, boolean orderedIndexes) {
        this(store, orderedIndexes, IndexBuilds.background());
    }

    /** With the index builds run by {@code builds} (tests step them by hand). */
    TypedIndexH2Backend(MVStore store, boolean orderedIndexes, IndexBuilds builds) {
        super(remember(store, new Settings(orderedIndexes, builds)));
        this.settings = OPENING.get();
        OPENING.remove();
    }

    private static MVStore remember(MVStore store, Settings settings) {
        OPENING.set(settings);
        return store;
    }

    /** Waits until the indexes scheduled so far are built (tests, benchmarks); the server answers meanwhile. */
    public void awaitIndexBuilds(Duration timeout) {
        settings.builds().await(timeout);
    }

    /** Called from H2Backend's constructor too (it opens the stored databases). */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        Settings current = settings != null ? settings : OPENING.get();
        return new TypedIndexH2Database(databaseName, getMvStore(), getCursorRegistry(), current.orderedIndexes(),
                current.builds());
    }
}
