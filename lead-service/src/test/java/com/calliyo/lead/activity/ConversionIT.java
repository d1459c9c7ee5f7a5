package com.calliyo.lead.activity;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.calliyo.lead.support.LeadServiceApi;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Conversion rules V1–V6 over HTTP, with the history a conversion carries and the audit trail it leaves. */
class ConversionIT extends ActivityHttpSupport {

    @Autowired
    MeterRegistry meters;

    @Test
    void shouldConvertUnconvertAndReconvertKeepingHistoryAndCreditingTheAssignee() {
        LeadServiceApi.User agent = api.addUser(company, "AGENT");
        String leadId = capture();
        assign(leadId, agent.id());
        double conversions = meters.get("calliyo.leads.converted").counter().count();
        double unconversions = meters.get("calliyo.leads.unconverted").counter().count();
        ok(send("POST", "/api/leads/" + leadId + "/calls", "{\"callStatus\":\"FOLLOW_UP\",\"durationSeconds\":40,"
                + "\"note\":\"send the brochure\"}", agent.token()), 201);
        ok(send("POST", "/api/leads/" + leadId + "/notes", "{\"text\":\"prefers mornings\"}", agent.token()), 201);

        // A manager converts; the assignee gets the credit.
        JsonNode converted = ok(send("PATCH", "/api/leads/" + leadId, "{\"status\":\"customer\"}", admin), 200);
        assertThat(converted.get("convertedBy").asString()).isEqualTo(agent.id());
        assertThat(activeLeadIds(agent.token())).doesNotContain(leadId);
        assertThat(ok(send("GET", "/api/tasks", null, agent.token()), 200).get("total").asLong()).isZero();

        JsonNode unconverted = ok(send("PATCH", "/api/leads/" + leadId, "{\"status\":\"Interested\"}",
                agent.token()), 200);
        assertThat(unconverted.get("convertedAt").isNull()).isTrue();
        assertThat(activeLeadIds(agent.token())).contains(leadId);
        assertThat(ok(send("GET", "/api/leads/" + leadId + "/timeline", null, agent.token()), 200)
                .get("total").asLong()).isEqualTo(3);

        // The agent converts their own lead again: a fresh conversion, credited afresh.
        JsonNode reconverted = ok(send("PATCH", "/api/leads/" + leadId,
                "{\"status\":\"%s\"}".formatted(converted.get("status").get("id").asString()), agent.token()), 200);
        assertThat(reconverted.get("convertedBy").asString()).isEqualTo(agent.id());
        assertThat(Instant.parse(reconverted.get("convertedAt").asString()))
                .isAfter(Instant.parse(converted.get("convertedAt").asString()));
        assertThat(reconverted.get("version").asLong()).isEqualTo(6);
        assertThat(meters.get("calliyo.leads.converted").counter().count()).isEqualTo(conversions + 2);
        assertThat(meters.get("calliyo.leads.unconverted").counter().count()).isEqualTo(unconversions + 1);

        List<CloudEvent> events = awaitEvents(leadId, 11);
        assertThat(events).extracting(CloudEvent::getType).containsExactly(
                "com.calliyo.lead.captured",
                "com.calliyo.call.logged", "com.calliyo.followup.scheduled", "com.calliyo.lead.status_changed",
                "com.calliyo.note.added",
                "com.calliyo.lead.status_changed", "com.calliyo.lead.converted",
                "com.calliyo.lead.status_changed", "com.calliyo.lead.unconverted",
                "com.calliyo.lead.status_changed", "com.calliyo.lead.converted");
        assertThat(events).extracting(e -> data(e).get("leadVersion").asLong())
                .containsExactly(1L, 2L, 2L, 2L, 3L, 4L, 4L, 5L, 5L, 6L, 6L);
        JsonNode conversion = data(events.get(6));
        assertThat(conversion.get("convertedBy").asString()).isEqualTo(agent.id());
        assertThat(conversion.get("actorId").asString()).isEqualTo(company.adminUserId());
        assertThat(conversion.get("timeline").findValuesAsString("type"))
                .containsExactlyInAnyOrder("CALL", "FOLLOW_UP", "NOTE");
        assertThat(conversion.get("timeline").findValuesAsString("text"))
                .contains("send the brochure", "prefers mornings");
        assertThat(data(events.get(8)).get("to").get("name").asString()).isEqualTo("Interested");
        assertThat(data(events.get(10)).get("timeline")).hasSize(3);

        JsonNode history = ok(send("GET", "/api/leads/" + leadId + "/status-history", null, agent.token()), 200);
        assertThat(history.get("total").asLong()).isEqualTo(4);
        assertThat(history.get("items").valueStream().map(t -> t.get("to").get("name").asString()).toList())
                .containsExactly("Customer", "Interested", "Customer", "Followups");
        assertThat(history.get("items").valueStream().map(t -> t.get("by").asString()).toList())
                .containsExactly(agent.id(), agent.id(), company.adminUserId(), agent.id());
        assertThat(history.get("items").get(1).get("from").get("kind").asString()).isEqualTo("CUSTOMER");
        assertThat(history.get("items").get(0).get("at").isNull()).isFalse();
    }

    @Test
    void shouldNotLetAnAgentConvertAnotherAgentsLead() {
        LeadServiceApi.User agent = api.addUser(company, "AGENT");
        LeadServiceApi.User other = api.addUser(company, "AGENT");
        String leadId = capture();
        assign(leadId, agent.id());

        problem(send("PATCH", "/api/leads/" + leadId, "{\"status\":\"Customer\"}", other.token()), 404);
        problem(send("PATCH", "/api/leads/" + leadId, "{\"status\":\"Customer\"}",
                api.signUpCompany().adminToken()), 404);

        JsonNode lead = ok(send("GET", "/api/leads/" + leadId, null, admin), 200);
        assertThat(lead.get("status").get("kind").asString()).isEqualTo("UNASSIGNED");
        assertThat(lead.get("convertedAt").isNull()).isTrue();
    }

    @Test
    void shouldKeepFollowUpsOfAnUnconvertedLeadAndShowThemInTheQueueAgain() {
        LeadServiceApi.User agent = api.addUser(company, "AGENT");
        String leadId = capture();
        assign(leadId, agent.id());
        ok(send("POST", "/api/leads/" + leadId + "/follow-ups",
                "{\"scheduledAt\":\"%s\"}".formatted(Instant.now().plus(2, ChronoUnit.DAYS)), agent.token()), 201);
        ok(send("PATCH", "/api/leads/" + leadId, "{\"status\":\"Customer\"}", agent.token()), 200);
        assertThat(ok(send("GET", "/api/tasks", null, agent.token()), 200).get("total").asLong()).isZero();

        ok(send("PATCH", "/api/leads/" + leadId, "{\"status\":\"Followups\"}", agent.token()), 200);

        JsonNode tasks = ok(send("GET", "/api/tasks", null, agent.token()), 200);
        assertThat(tasks.get("total").asLong()).isEqualTo(1);
        assertThat(tasks.get("items").get(0).get("followUps")).hasSize(1);
    }

    private List<String> activeLeadIds(String token) {
        return ok(send("GET", "/api/leads?size=100", null, token), 200).get("items").valueStream()
                .map(item -> item.get("id").asString()).toList();
    }
}
