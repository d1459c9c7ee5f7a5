package com.calliyo.reporting.facts;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A company's facts are read in batches, not in one reply: on the embedded store one reply carries the whole
 * answer, which past about 150k leads is more than the driver accepts. Counted on the wire: the read takes
 * several {@code getMore} round trips and returns every one of the company's facts, none of another's.
 */
class FactReaderBatchesIT {

    static final int LEADS = FactReader.SCAN_BATCH * 2 + 7;

    MongoServer server;
    MongoClient client;
    final AtomicInteger getMores = new AtomicInteger();

    @BeforeEach
    void store() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        CommandListener counting = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if ("getMore".equals(event.getCommandName())) {
                    getMores.incrementAndGet();
                }
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://" + address.getHostString() + ":"
                        + address.getPort()))
                .addCommandListener(counting).build());
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void shouldReadAWholeCompanyInBatches() {
        MongoTemplate mongo = new MongoTemplate(client, "reporting");
        List<Document> leads = new ArrayList<>();
        for (int i = 0; i < LEADS; i++) {
            leads.add(new Document("_id", "lead-" + i).append("companyId", "big").append("version", 1L)
                    .append("statusKind", "OTHER"));
        }
        leads.add(new Document("_id", "other-1").append("companyId", "small").append("version", 1L));
        mongo.getCollection(FactCollections.LEADS).insertMany(leads);
        getMores.set(0);

        List<LeadFact> read = new FactReader(mongo).leads("big");

        assertThat(read).hasSize(LEADS).allSatisfy(fact -> assertThat(fact.companyId()).isEqualTo("big"));
        assertThat(getMores.get()).as("round trips after the first batch").isGreaterThanOrEqualTo(2);
    }
}
