package com.calliyo.localstack.h2store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;

/** The launcher's H2 file backend: the library's, with {@link TypedIndexH2Database}'s unique indexes. */
public final class TypedIndexH2Backend extends H2Backend {

    public TypedIndexH2Backend(MVStore store) {
        super(store);
    }

    /** Called from H2Backend's constructor too (it opens the stored databases): uses no field of this class. */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new TypedIndexH2Database(databaseName, getMvStore(), getCursorRegistry());
    }
}
