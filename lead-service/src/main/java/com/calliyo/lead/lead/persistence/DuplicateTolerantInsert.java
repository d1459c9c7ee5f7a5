package com.calliyo.lead.lead.persistence;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import org.bson.Document;

/**
 * Inserts an import batch with one unordered insertMany. If some documents hit the phone index (a lead captured
 * concurrently), the store may or may not have gone on after the error, so the leads it did store are read back and
 * the rest are inserted one by one; the duplicates are skipped.
 */
final class DuplicateTolerantInsert {

    private DuplicateTolerantInsert() {
    }

    /** How many of the documents are stored now. */
    static int insertAll(MongoCollection<Document> leads, List<Document> docs) {
        try {
            leads.insertMany(docs, new InsertManyOptions().ordered(false));
            return docs.size();
        } catch (MongoBulkWriteException e) {
            if (!e.getWriteErrors().stream().allMatch(DuplicateTolerantInsert::isDuplicateKey)) {
                throw e;
            }
            return insertRemaining(leads, docs);
        }
    }

    private static int insertRemaining(MongoCollection<Document> leads, List<Document> docs) {
        Set<String> present = new HashSet<>();
        leads.find(Filters.in("_id", docs.stream().map(d -> d.getString("_id")).toList()))
                .projection(Projections.include("_id"))
                .forEach(doc -> present.add(doc.getString("_id")));
        int stored = present.size();
        for (Document doc : docs) {
            if (present.contains(doc.getString("_id"))) {
                continue;
            }
            try {
                leads.insertOne(doc);
                stored++;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
        return stored;
    }

    private static boolean isDuplicateKey(BulkWriteError error) {
        return ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY;
    }
}
