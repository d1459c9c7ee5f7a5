package com.calliyo.localstack.h2store;

import java.util.List;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;

/**
 * The driver's {@code countDocuments}: an aggregate {@code [{$match: filter}, {$skip: n}?, {$limit: n}?, {$group:
 * {_id: 1, n: {$sum: 1}}}]}. The library runs every aggregation over the whole collection, every document read from
 * the file; a list's total paid that on every page. When an {@link OrderedIndex} covers the filter, the matches are
 * counted from its entries and the rest of the pipeline (which reads no field) runs, in the library's own stages, over
 * that many empty documents, so the answer is the one the library would give.
 */
final class CountPipeline {

    private CountPipeline() {
    }

    /** The aggregate command's answer, or null if this is not a count an ordered index covers. */
    static Document answer(MongoDatabase database, String collectionName, Document command,
                           OrderedIndexH2Collection collection, DatabaseResolver resolver, Oplog oplog) {
        if (command.containsKey("explain") || !(command.get("pipeline") instanceof List<?> stages)
                || !isCount(stages)) {
            return null;
        }
        @SuppressWarnings("unchecked")
        List<Document> pipeline = (List<Document>) stages;
        Aggregation.fromPipeline(pipeline, resolver, database, collection, oplog).validate(command); // its errors
        Long count = collection.countCovered((Document) pipeline.get(0).get("$match"));
        if (count == null) {
            return null;
        }
        Aggregation rest = Aggregation.fromPipeline(pipeline.subList(1, pipeline.size()), resolver, database,
                collection, oplog);
        List<Document> firstBatch = rest.runStages(Stream.generate(Document::new).limit(count));
        Document cursor = new Document("id", 0L);
        cursor.put("ns", database.getDatabaseName() + "." + collectionName);
        cursor.put("firstBatch", firstBatch);
        Document response = new Document("cursor", cursor);
        Utils.markOkay(response);
        return response;
    }

    /** $match, then only $skip / $limit with numbers, then a $group of a constant _id and one {$sum: constant}. */
    private static boolean isCount(List<?> stages) {
        if (stages.size() < 2 || !(stages.get(0) instanceof Document match) || match.size() != 1
                || !(match.get("$match") instanceof Document)) {
            return false;
        }
        for (int i = 1; i < stages.size() - 1; i++) {
            if (!(stages.get(i) instanceof Document stage) || stage.size() != 1) {
                return false;
            }
            String name = stage.keySet().iterator().next();
            if (!(name.equals("$skip") || name.equals("$limit")) || !(stage.get(name) instanceof Number)) {
                return false;
            }
        }
        if (!(stages.get(stages.size() - 1) instanceof Document last) || last.size() != 1
                || !(last.get("$group") instanceof Document group) || group.size() != 2
                || !(group.get("_id") instanceof Number)) {
            return false;
        }
        for (String field : group.keySet()) {
            if (!field.equals("_id") && !(group.get(field) instanceof Document sum && sum.size() == 1
                    && sum.get("$sum") instanceof Number)) {
                return false;
            }
        }
        return true;
    }
}
