package com.calliyo.customer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Test helpers around whole copies of the service: start one that fills a database of its own from the topics
 * with a consumer group of its own (a rebuild), and read every document of the view's collections to compare.
 */
public final class ViewDatabases {

    public static final List<String> COLLECTIONS = List.of("customers", "companies");

    private ViewDatabases() {
    }

    /** customer-service without a web server, reading every topic from the start into {@code database}. */
    public static ConfigurableApplicationContext startService(String bootstrapServers, String mongoServer,
                                                              String database, String group) {
        return new SpringApplicationBuilder(CustomerServiceApplication.class)
                .web(WebApplicationType.NONE)
                .profiles("test")
                // arguments, not builder properties: those are defaults, which application.yml would override
                .run("--spring.kafka.bootstrap-servers=" + bootstrapServers,
                        "--spring.mongodb.uri=mongodb://" + mongoServer + "/" + database,
                        "--spring.kafka.consumer.group-id=" + group,
                        "--spring.main.banner-mode=off");
    }

    /** Every document of the view's collections, by collection and {@code _id}; map equality ignores field order. */
    public static Map<String, Map<Object, Document>> contents(String mongoServer, String database) {
        try (MongoClient client = MongoClients.create("mongodb://" + mongoServer)) {
            Map<String, Map<Object, Document>> all = new LinkedHashMap<>();
            for (String collection : COLLECTIONS) {
                Map<Object, Document> byId = new LinkedHashMap<>();
                List<Document> docs = client.getDatabase(database).getCollection(collection).find()
                        .into(new ArrayList<>());
                docs.forEach(doc -> byId.put(doc.get("_id"), doc));
                all.put(collection, byId);
            }
            return all;
        }
    }
}
