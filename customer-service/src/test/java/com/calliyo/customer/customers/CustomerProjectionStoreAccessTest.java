package com.calliyo.customer.customers;

import java.net.InetSocketAddress;
import java.time.Instant;

import com.calliyo.customer.LeadEventsMother;
import com.calliyo.lead.events.LeadCaptured;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import static com.calliyo.customer.LeadEventsMother.INTERESTED;
import static com.calliyo.customer.LeadEventsMother.aLead;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which events the projection dismisses from the event alone: with the store gone, only those still succeed. */
class CustomerProjectionStoreAccessTest {

    private MongoServer server;
    private MongoClient client;
    private CustomerProjection projection;
    private final LeadEventsMother lead = aLead();

    @BeforeEach
    void startThenLoseTheStore() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort()
                + "/?serverSelectionTimeoutMS=300&connectTimeoutMS=300");
        projection = new CustomerProjection(new MongoTemplate(client, "customers"));
        server.shutdownNow();
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void shouldDismissACaptureWithoutTouchingTheStore() {
        LeadCaptured captured = new LeadCaptured(lead.companyId(), lead.leadId(), 1, Instant.now(), "agent-1",
                lead.snapshot(INTERESTED, null), "CSV", "import-1");

        assertThatCode(() -> projection.apply(captured)).doesNotThrowAnyException();
    }

    @Test
    void shouldStillReadTheStoreForAStatusChangeOfALeadNotConvertedNow() {
        // it may have been converted and un-converted before: its tombstone is refreshed, so the store must be asked
        assertThatThrownBy(() -> projection.apply(lead.statusChanged(3, INTERESTED, INTERESTED)))
                .isInstanceOf(RuntimeException.class);
    }
}
