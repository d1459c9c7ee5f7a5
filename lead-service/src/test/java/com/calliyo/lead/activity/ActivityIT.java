package com.calliyo.lead.activity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.calliyo.lead.lead.domain.Lead;
import com.calliyo.lead.lead.domain.LeadFilter;
import com.calliyo.lead.lead.domain.Leads;
import com.calliyo.lead.lead.domain.Note;
import com.calliyo.lead.support.LeadServiceApi;
import io.cloudevents.CloudEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ActivityIT extends ActivityHttpSupport {

    static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    @Autowired
    Leads leads;

    @Test
    void shouldLogAFollowUpCallThatSchedulesTheNextWorkingDayAndMovesTheLeadToFollowups() {
        LeadServiceApi.User agent = api.addUser(company, "AGENT");
        String leadId = capture();
        assign(leadId, agent.id());
        Instant before = Instant.now();

        JsonNode logged = ok(send("POST", "/api/leads/" + leadId + "/calls",
                "{\"callStatus\":\"FOLLOW_UP\",\"durationSeconds\":95,\"note\":\"wants the gold plan\"}",
                agent.token()), 201);

        assertThat(logged.get("call").get("callStatus").asString()).isEqualTo("FOLLOW_UP");
        assertThat(logged.get("call").get("connected").asBoolean()).isTrue();
        assertThat(logged.get("call").get("loggedBy").asString()).isEqualTo(agent.id());
        JsonNode followUp = logged.get("followUp");
        assertThat(followUp.get("id").asString()).startsWith(leadId + "_");
        assertThat(followUp.get("ownerId").asString()).isEqualTo(agent.id());
        assertThat(followUp.get("note").asString()).isEqualTo("wants the gold plan");
        assertThat(Instant.parse(followUp.get("scheduledAt").asString())).isIn(
                WorkingDays.defaultFollowUpAt(before, KOLKATA), WorkingDays.defaultFollowUpAt(Instant.now(), KOLKATA));
        assertThat(followUp.get("dueToday").asBoolean()).isFalse();
        assertThat(logged.get("lead").get("status").get("kind").asString()).isEqualTo("FOLLOWUPS");
        assertThat(logged.get("lead").get("version").asLong()).isEqualTo(2);

        List<CloudEvent> events = awaitEvents(leadId, 4);
        assertThat(events).extracting(CloudEvent::getType).containsExactly("com.calliyo.lead.captured",
                "com.calliyo.call.logged", "com.calliyo.followup.scheduled", "com.calliyo.lead.status_changed");
        assertThat(events).allSatisfy(event -> assertThat(event.getSubject()).isEqualTo(leadId));
        assertThat(events.subList(1, 4)).allSatisfy(event -> {
            assertThat(data(event).get("leadVersion").asLong()).isEqualTo(2);
            assertThat(data(event).get("actorId").asString()).isEqualTo(agent.id());
        });
        JsonNode call = data(events.get(1)).get("call");
        assertThat(call.get("type").asString()).isEqualTo("CALL");
        assertThat(call.get("callStatus").asString()).isEqualTo("FOLLOW_UP");
        assertThat(call.get("durationSeconds").asInt()).isEqualTo(95);
        assertThat(call.get("id").asString()).isEqualTo(logged.get("call").get("id").asString());
        JsonNode scheduled = data(events.get(2)).get("followUp");
        assertThat(scheduled.get("type").asString()).isEqualTo("FOLLOW_UP");
        assertThat(scheduled.get("id").asString()).isEqualTo(followUp.get("id").asString());
        assertThat(data(events.get(3)).get("to").get("kind").asString()).isEqualTo("FOLLOWUPS");
        assertThat(data(events.get(3)).get("lead").get("status").get("kind").asString()).isEqualTo("FOLLOWUPS");
    }

    @Test
    void shouldKeepTheStatusForABusyCallAndResolveTheFollowUpDueToday() {
        String leadId = capture();
        Instant soon = Instant.now().plus(2, ChronoUnit.MINUTES);
        boolean sameDay = LocalDate.ofInstant(soon, KOLKATA).equals(LocalDate.now(KOLKATA));
        JsonNode scheduled = ok(send("POST", "/api/leads/" + leadId + "/follow-ups",
                "{\"scheduledAt\":\"%s\",\"note\":\"call after lunch\"}".formatted(soon), admin), 201);
        String followUpId = scheduled.get("followUp").get("id").asString();
        assertThat(scheduled.get("followUp").get("dueToday").asBoolean()).isEqualTo(sameDay);
        assertThat(scheduled.get("lead").get("status").get("name").asString()).isEqualTo("Followups");

        JsonNode busy = ok(send("POST", "/api/leads/" + leadId + "/calls",
                "{\"callStatus\":\"BUSY\",\"durationSeconds\":0}", admin), 201);

        assertThat(busy.get("call").get("connected").asBoolean()).isFalse();
        assertThat(busy.get("followUp").isNull()).isTrue();
        assertThat(busy.get("lead").get("status").get("name").asString()).isEqualTo("Followups");
        assertThat(busy.get("lead").get("version").asLong()).isEqualTo(3);
        if (sameDay) {
            assertThat(busy.get("resolvedFollowUps")).hasSize(1);
            assertThat(busy.get("resolvedFollowUps").get(0).get("id").asString()).isEqualTo(followUpId);
            assertThat(busy.get("resolvedFollowUps").get(0).get("resolved").asBoolean()).isTrue();
            List<CloudEvent> events = awaitEvents(leadId, 5);
            assertThat(events).extracting(CloudEvent::getType).containsExactly("com.calliyo.lead.captured",
                    "com.calliyo.followup.scheduled", "com.calliyo.lead.status_changed",
                    "com.calliyo.call.logged", "com.calliyo.followup.resolved");
            assertThat(events.subList(3, 5)).allSatisfy(e -> assertThat(data(e).get("leadVersion").asLong())
                    .isEqualTo(3));
            assertThat(data(events.get(4)).get("followUp").get("resolvedAt").isNull()).isFalse();
        }
    }

    @Test
    void shouldResolveAFollowUpOnceAndAnswerTheSameOnASecondResolve() {
        String leadId = capture();
        String followUpId = ok(send("POST", "/api/leads/" + leadId + "/follow-ups",
                "{\"scheduledAt\":\"%s\"}".formatted(Instant.now().plus(3, ChronoUnit.DAYS)), admin), 201)
                .get("followUp").get("id").asString();

        JsonNode first = ok(send("POST", "/api/follow-ups/" + followUpId + "/resolve", null, admin), 200);
        JsonNode second = ok(send("POST", "/api/follow-ups/" + followUpId + "/resolve", null, admin), 200);

        assertThat(first.get("followUp").get("resolved").asBoolean()).isTrue();
        assertThat(first.get("followUp").get("resolvedBy").asString()).isEqualTo(company.adminUserId());
        assertThat(second.get("followUp").get("resolvedAt")).isEqualTo(first.get("followUp").get("resolvedAt"));
        assertThat(second.get("lead").get("version").asLong()).isEqualTo(first.get("lead").get("version").asLong())
                .isEqualTo(3);
        assertThat(awaitEvents(leadId, 4)).extracting(CloudEvent::getType).containsExactly(
                "com.calliyo.lead.captured", "com.calliyo.followup.scheduled", "com.calliyo.lead.status_changed",
                "com.calliyo.followup.resolved");
    }

    @Test
    void shouldAddNotesToCustomersAndShowTheTimelineNewestFirst() {
        String leadId = capture();
        ok(send("POST", "/api/leads/" + leadId + "/calls",
                "{\"callStatus\":\"CALLED\",\"durationSeconds\":30,\"startedAt\":\"%s\"}"
                        .formatted(Instant.now().minus(1, ChronoUnit.HOURS)), admin), 201);
        ok(send("POST", "/api/leads/" + leadId + "/follow-ups",
                "{\"scheduledAt\":\"%s\"}".formatted(Instant.now().plus(2, ChronoUnit.DAYS)), admin), 201);
        ok(send("PATCH", "/api/leads/" + leadId, "{\"status\":\"Customer\"}", admin), 200);

        JsonNode note = ok(send("POST", "/api/leads/" + leadId + "/notes", "{\"text\":\"  paid by UPI  \"}", admin),
                201);

        assertThat(note.get("note").get("text").asString()).isEqualTo("paid by UPI");
        assertThat(note.get("lead").get("status").get("kind").asString()).isEqualTo("CUSTOMER");
        JsonNode timeline = ok(send("GET", "/api/leads/" + leadId + "/timeline", null, admin), 200);
        assertThat(timeline.get("total").asLong()).isEqualTo(3);
        assertThat(timeline.get("items").findValuesAsString("type")).containsExactly("NOTE", "FOLLOW_UP", "CALL");
        assertThat(timeline.get("items").get(2).get("connected").asBoolean()).isTrue();
        assertThat(timeline.get("items").get(1).get("overdue").asBoolean()).isFalse();
        JsonNode page = ok(send("GET", "/api/leads/" + leadId + "/timeline?page=1&size=2", null, admin), 200);
        assertThat(page.get("items").findValuesAsString("type")).containsExactly("CALL");
        assertThat(ok(send("GET", "/api/leads/" + leadId + "/notes", null, admin), 200).get("total").asLong())
                .isEqualTo(1);
        List<CloudEvent> events = awaitEvents(leadId, 7);
        assertThat(events.get(events.size() - 1).getType()).isEqualTo("com.calliyo.note.added");
        assertThat(data(events.get(events.size() - 1)).get("note").get("text").asString()).isEqualTo("paid by UPI");
    }

    @Test
    void shouldNotMoveACustomerWhenACallSchedulesAFollowUp() {
        String leadId = capture();
        ok(send("PATCH", "/api/leads/" + leadId, "{\"status\":\"Customer\"}", admin), 200);

        JsonNode logged = ok(send("POST", "/api/leads/" + leadId + "/calls",
                "{\"callStatus\":\"RESCHEDULED\",\"durationSeconds\":10,\"followUpAt\":\"%s\"}"
                        .formatted(Instant.now().plus(1, ChronoUnit.DAYS)), admin), 201);

        assertThat(logged.get("followUp").isNull()).isFalse();
        assertThat(logged.get("lead").get("status").get("kind").asString()).isEqualTo("CUSTOMER");
        assertThat(logged.get("lead").get("convertedAt").isNull()).isFalse();
    }

    @Test
    void shouldListTheAgentsQueueDueFirstWithoutCustomersOrOtherAgentsLeads() {
        LeadServiceApi.User agent = api.addUser(company, "AGENT");
        LeadServiceApi.User other = api.addUser(company, "AGENT");
        LeadServiceApi.User manager = api.addUser(company, "MANAGER");
        String plain = capture();
        String later = capture();
        String overdue = capture();
        String customer = capture();
        String othersLead = capture();
        for (String lead : List.of(plain, later, overdue, customer)) {
            assign(lead, agent.id());
        }
        assign(othersLead, other.id());
        ok(send("POST", "/api/leads/" + later + "/follow-ups",
                "{\"scheduledAt\":\"%s\"}".formatted(Instant.now().plus(3, ChronoUnit.DAYS)), agent.token()), 201);
        ok(send("POST", "/api/leads/" + overdue + "/follow-ups",
                "{\"scheduledAt\":\"%s\"}".formatted(Instant.now().plus(1, ChronoUnit.MINUTES)), agent.token()), 201);
        // made overdue in the store: the API rightly refuses a follow-up in the past
        mongo.getCollection("leads").updateOne(new org.bson.Document("_id", overdue), new org.bson.Document("$set",
                new org.bson.Document("followUps.0.scheduledAt", java.util.Date.from(
                        Instant.now().minus(3, ChronoUnit.DAYS)))));
        ok(send("PATCH", "/api/leads/" + customer, "{\"status\":\"Customer\"}", agent.token()), 200);

        JsonNode tasks = ok(send("GET", "/api/tasks", null, agent.token()), 200);

        assertThat(tasks.get("total").asLong()).isEqualTo(3);
        assertThat(leadIds(tasks)).containsExactly(overdue, later, plain);
        JsonNode first = tasks.get("items").get(0);
        assertThat(first.get("overdue").asBoolean()).isTrue();
        assertThat(first.get("followUps").get(0).get("overdue").asBoolean()).isTrue();
        assertThat(tasks.get("items").get(1).get("overdue").asBoolean()).isFalse();
        assertThat(tasks.get("items").get(1).get("nextFollowUpAt").isNull()).isFalse();
        assertThat(tasks.get("items").get(2).get("followUps")).isEmpty();

        JsonNode managersView = ok(send("GET", "/api/tasks?agentId=" + agent.id(), null, manager.token()), 200);
        assertThat(managersView.get("total").asLong()).isEqualTo(3);
        problem(send("GET", "/api/tasks?agentId=" + agent.id(), null, other.token()), 403);
        assertThat(ok(send("GET", "/api/tasks", null, other.token()), 200).get("total").asLong()).isEqualTo(1);
        assertThat(ok(send("GET", "/api/tasks?dueToday=true", null, agent.token()), 200).get("total").asLong())
                .isZero();
    }

    @Test
    void shouldKeepActivitiesWhenALeadReadFromAListIsStoredAgain() {
        String leadId = capture();
        ok(send("POST", "/api/leads/" + leadId + "/notes", "{\"text\":\"keep me\"}", admin), 201);
        Lead listed = leads.page(company.id(), new LeadFilter(null, true, null, null, null, null, null), 0, 10)
                .stream().filter(lead -> lead.id().equals(leadId)).findFirst().orElseThrow();
        assertThat(listed.notes()).isEmpty(); // projected out of lists

        assertThat(leads.update(listed, listed.version(), List.of())).isTrue();

        assertThat(leads.find(company.id(), leadId).orElseThrow().notes()).extracting(Note::text)
                .containsExactly("keep me");
    }

    private static List<String> leadIds(JsonNode page) {
        return page.get("items").valueStream().map(item -> item.get("lead").get("id").asString()).toList();
    }

    @Test
    void shouldAnswer404ToAnAgentOnAnotherAgentsLeadAndToAnotherCompany() {
        LeadServiceApi.User agent = api.addUser(company, "AGENT");
        LeadServiceApi.User other = api.addUser(company, "AGENT");
        String leadId = capture();
        assign(leadId, agent.id());
        String followUpId = ok(send("POST", "/api/leads/" + leadId + "/follow-ups",
                "{\"scheduledAt\":\"%s\"}".formatted(Instant.now().plus(1, ChronoUnit.DAYS)), agent.token()), 201)
                .get("followUp").get("id").asString();
        String foreign = api.signUpCompany().adminToken();

        for (String token : List.of(other.token(), foreign)) {
            problem(send("POST", "/api/leads/" + leadId + "/calls",
                    "{\"callStatus\":\"CALLED\",\"durationSeconds\":1}", token), 404);
            problem(send("POST", "/api/leads/" + leadId + "/follow-ups",
                    "{\"scheduledAt\":\"%s\"}".formatted(Instant.now().plus(1, ChronoUnit.DAYS)), token), 404);
            problem(send("POST", "/api/leads/" + leadId + "/notes", "{\"text\":\"hi\"}", token), 404);
            problem(send("POST", "/api/follow-ups/" + followUpId + "/resolve", null, token), 404);
            problem(send("GET", "/api/leads/" + leadId + "/timeline", null, token), 404);
            problem(send("GET", "/api/leads/" + leadId + "/status-history", null, token), 404);
        }
        JsonNode untouched = ok(send("GET", "/api/leads/" + leadId, null, admin), 200);
        assertThat(untouched.get("version").asLong()).isEqualTo(2);
    }

    @Test
    void shouldRejectBadInputWithProblemJsonNamingTheField() {
        String leadId = capture();
        String calls = "/api/leads/" + leadId + "/calls";
        String past = Instant.now().minus(1, ChronoUnit.HOURS).toString();

        assertThat(problem(send("POST", calls, "{\"callStatus\":", admin), 400)).isEmpty();
        assertThat(problem(send("POST", calls, "{\"callStatus\":\"VOICEMAIL\",\"durationSeconds\":1}", admin), 400))
                .containsExactly("callStatus");
        assertThat(problem(send("POST", calls, "{\"callStatus\":\"BUSY\",\"durationSeconds\":-1}", admin), 400))
                .containsExactly("durationSeconds");
        assertThat(problem(send("POST", calls, "{}", admin), 400))
                .containsExactlyInAnyOrder("callStatus", "durationSeconds");
        assertThat(problem(send("POST", calls, "{\"callStatus\":\"BUSY\",\"durationSeconds\":\"long\"}", admin), 400))
                .containsExactly("durationSeconds");
        assertThat(problem(send("POST", calls,
                "{\"callStatus\":\"FOLLOW_UP\",\"durationSeconds\":5,\"followUpAt\":\"%s\"}".formatted(past), admin),
                400)).containsExactly("followUpAt");
        assertThat(problem(send("POST", calls,
                "{\"callStatus\":\"BUSY\",\"durationSeconds\":0,\"followUpAt\":\"%s\"}"
                        .formatted(Instant.now().plus(1, ChronoUnit.DAYS)), admin), 400)).containsExactly("followUpAt");
        assertThat(problem(send("POST", calls,
                "{\"callStatus\":\"CALLED\",\"durationSeconds\":5,\"startedAt\":\"tomorrow\"}", admin), 400))
                .containsExactly("startedAt");
        assertThat(problem(send("POST", calls, "{\"callStatus\":\"CALLED\",\"durationSeconds\":5,\"startedAt\":\"%s\"}"
                .formatted(Instant.now().plus(1, ChronoUnit.DAYS)), admin), 400)).containsExactly("startedAt");

        String followUps = "/api/leads/" + leadId + "/follow-ups";
        assertThat(problem(send("POST", followUps, "{\"scheduledAt\":\"%s\"}".formatted(past), admin), 400))
                .containsExactly("scheduledAt");
        assertThat(problem(send("POST", followUps, "{\"note\":\"x\"}", admin), 400)).containsExactly("scheduledAt");
        assertThat(problem(send("POST", followUps, "[1,2]", admin), 400)).isEmpty();

        String notes = "/api/leads/" + leadId + "/notes";
        assertThat(problem(send("POST", notes, "{\"text\":\"   \"}", admin), 400)).containsExactly("text");
        assertThat(problem(send("POST", notes, "{}", admin), 400)).containsExactly("text");
        assertThat(problem(send("POST", notes, "{\"text\":\"%s\"}".formatted("x".repeat(5001)), admin), 400))
                .containsExactly("text");
        assertThat(problem(send("POST", notes, "", admin), 400)).isEmpty();

        problem(send("POST", "/api/follow-ups/not-a-follow-up/resolve", null, admin), 404);
        problem(send("POST", "/api/follow-ups/" + leadId + ".nope/resolve", null, admin), 404);
        problem(send("POST", "/api/follow-ups/x.y/resolve", null, admin), 404);
        assertThat(problem(send("GET", "/api/leads/" + leadId + "/timeline?size=500", null, admin), 400))
                .containsExactly("size");
        assertThat(ok(send("GET", "/api/leads/" + leadId, null, admin), 200).get("version").asLong()).isEqualTo(1);
    }
}
