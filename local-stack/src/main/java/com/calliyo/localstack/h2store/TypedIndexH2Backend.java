package com.calliyo.localstack.h2store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;

/**
 * The launcher's H2 file backend: the library's, with {@link TypedIndexH2Database}'s unique indexes and, unless
 * switched off, its ordered non-unique ones ({@link OrderedIndex}).
 */
public final class TypedIndexH2Backend extends H2Backend {

    /** The switch, for the databases H2Backend's constructor opens before this class's field is set. */
    private static final ThreadLocal<Boolean> OPENING = new ThreadLocal<>();

    private final Boolean orderedIndexes;

    /** With ordered indexes. */
    public TypedIndexH2Backend(MVStore store) {
        this(store, true);
    }

    /** {@code orderedIndexes} false: non-unique indexes ignored and every other query scanned, as the library does. */
    public TypedIndexH2Backend(MVStore store, boolean orderedIndexes) {
        super(remember(store, orderedIndexes));
        OPENING.remove();
        this.orderedIndexes = orderedIndexes;
    }

    private static MVStore remember(MVStore store, boolean orderedIndexes) {
        OPENING.set(orderedIndexes);
        return store;
    }

    /** Called from H2Backend's constructor too (it opens the stored databases). */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        boolean ordered = orderedIndexes != null ? orderedIndexes : OPENING.get();
        return new TypedIndexH2Database(databaseName, getMvStore(), getCursorRegistry(), ordered);
    }
}
