package com.calliyo.lead.activity;

import com.calliyo.lead.support.LeadServiceApi;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Notes on customers follow "Show customer to": whoever may see the customer may add a note to it. */
class CustomerNotesIT extends ActivityHttpSupport {

    private static final String NOTE = "{\"text\":\"asked about the annual plan\"}";

    @Test
    void shouldLetAnyAgentOfTheCompanyNoteAnotherAgentsCustomerWhenCustomersAreShownToAll() {
        LeadServiceApi.User owner = api.addUser(company, "AGENT");
        LeadServiceApi.User colleague = api.addUser(company, "AGENT");
        String customerId = customerOf(owner);

        JsonNode added = ok(send("POST", notes(customerId), NOTE, colleague.token()), 201);

        assertThat(added.get("note").get("text").asString()).isEqualTo("asked about the annual plan");
        JsonNode stored = ok(send("GET", notes(customerId), null, admin), 200).get("items");
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).get("actorId").asString()).isEqualTo(colleague.id());
    }

    @Test
    void shouldKeepAnotherAgentsCustomerClosedWhenCustomersAreShownToTheirAgentOnly() {
        LeadServiceApi.User owner = api.addUser(company, "AGENT");
        LeadServiceApi.User colleague = api.addUser(company, "AGENT");
        String customerId = customerOf(owner);
        showCustomersTo("AGENT_ONLY");

        problem(send("POST", notes(customerId), NOTE, colleague.token()), 404);
        ok(send("POST", notes(customerId), NOTE, owner.token()), 201);
        ok(send("POST", notes(customerId), NOTE, api.addUser(company, "MANAGER").token()), 201);
        ok(send("POST", notes(customerId), NOTE, admin), 201);
    }

    @Test
    void shouldKeepAnotherAgentsLeadThatIsNoCustomerClosedEvenWhenCustomersAreShownToAll() {
        LeadServiceApi.User owner = api.addUser(company, "AGENT");
        LeadServiceApi.User colleague = api.addUser(company, "AGENT");
        String leadId = capture();
        assign(leadId, owner.id());

        problem(send("POST", notes(leadId), NOTE, colleague.token()), 404);
        ok(send("POST", notes(leadId), NOTE, owner.token()), 201);
    }

    @Test
    void shouldAnswer404ToAnotherCompanysAgentWhateverItsSetting() {
        LeadServiceApi.User owner = api.addUser(company, "AGENT");
        String customerId = customerOf(owner);
        LeadServiceApi.Company other = api.signUpCompany();
        LeadServiceApi.User stranger = api.addUser(other, "AGENT");

        problem(send("POST", notes(customerId), NOTE, stranger.token()), 404);
        problem(send("POST", notes(customerId), NOTE, other.adminToken()), 404);
        assertThat(ok(send("GET", notes(customerId), null, admin), 200).get("items")).isEmpty();
    }

    /** A lead assigned to the agent and converted by them. */
    private String customerOf(LeadServiceApi.User agent) {
        String leadId = capture();
        assign(leadId, agent.id());
        JsonNode converted = ok(send("PATCH", "/api/leads/" + leadId, "{\"status\":\"Customer\"}", agent.token()),
                200);
        assertThat(converted.get("status").get("kind").asString()).isEqualTo("CUSTOMER");
        return leadId;
    }

    /** The setting straight in the store: changing it over HTTP has its own tests (ConfigurationIT). */
    private void showCustomersTo(String who) {
        mongo.getCollection("companies").updateOne(new Document("_id", company.id()),
                new Document("$set", new Document("configuration.showCustomerTo", who)));
    }

    private static String notes(String leadId) {
        return "/api/leads/" + leadId + "/notes";
    }
}
