package com.calliyo.systemtests;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

/**
 * Every document of a service's own database, read over the MongoDB driver, as canonical JSON by collection and
 * {@code _id}: two snapshots are equal exactly when no document was added, removed or changed in between.
 */
record ReadModelSnapshot(Map<String, Map<String, String>> collections) {

    static ReadModelSnapshot of(String mongoUri) {
        String database = mongoUri.substring(mongoUri.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        Map<String, Map<String, String>> collections = new TreeMap<>();
        try (MongoClient mongo = MongoClients.create(mongoUri)) {
            MongoDatabase db = mongo.getDatabase(database);
            for (String name : db.listCollectionNames()) {
                Map<String, String> documents = new TreeMap<>();
                for (Document document : db.getCollection(name).find()) {
                    documents.put(String.valueOf(document.get("_id")), document.toJson());
                }
                collections.put(name, documents);
            }
        }
        return new ReadModelSnapshot(collections);
    }

    int documents() {
        return collections.values().stream().mapToInt(Map::size).sum();
    }

    /** What differs from {@code after}: each added, removed or changed document, as collection/_id (at most 20). */
    List<String> differences(ReadModelSnapshot after) {
        List<String> found = new ArrayList<>();
        Map<String, Map<String, String>> all = new TreeMap<>(collections);
        after.collections.forEach(all::putIfAbsent);
        for (String collection : all.keySet()) {
            Map<String, String> before = collections.getOrDefault(collection, Map.of());
            Map<String, String> now = after.collections.getOrDefault(collection, Map.of());
            Map<String, String> ids = new TreeMap<>(before);
            now.forEach(ids::putIfAbsent);
            for (String id : ids.keySet()) {
                String was = before.get(id);
                String is = now.get(id);
                if (was == null || !was.equals(is)) {
                    found.add(collection + "/" + id + ": " + (was == null ? "added " + is
                            : is == null ? "removed" : "changed from " + was + " to " + is));
                }
            }
        }
        return found.size() > 20 ? found.subList(0, 20) : found;
    }
}
