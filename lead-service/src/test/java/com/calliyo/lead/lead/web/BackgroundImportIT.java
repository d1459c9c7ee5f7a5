package com.calliyo.lead.lead.web;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.calliyo.lead.caller.Role;
import com.calliyo.lead.support.LeadServiceApi;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code Prefer: respond-async} imports: 202 at once, then the job is polled to the same summary as a sync import. */
class BackgroundImportIT extends CaptureHttpSupport {

    private static final String ASYNC = "respond-async";

    @Test
    void shouldAnswerAtOnceAndFinishWithTheSameCountsAsASynchronousImport() throws Exception {
        String file = LeadImportIT.MIXED_FILE;
        JsonNode preview = body(upload("/api/leads/imports?dryRun=true", file));

        HttpResponse<String> accepted = upload("/api/leads/imports", file, "Prefer", ASYNC);

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.headers().firstValue("Preference-Applied")).contains(ASYNC);
        JsonNode job = body(accepted);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/api/leads/imports/" + job.get("id").asString());
        JsonNode done = awaitFinished(location);
        assertThat(done.get("state").asString()).isEqualTo("SUCCEEDED");
        for (String field : List.of("imported", "skippedDuplicates", "errors", "rowErrors")) {
            assertThat(done.get(field)).as(field).isEqualTo(preview.get(field));
        }
        assertThat(done.get("finishedAt").isNull()).isFalse();
        assertThat(leadsOfCompany()).isEqualTo(done.get("imported").asLong());
        assertThat(mongo.getCollection("leads").countDocuments(new Document("companyId", companyId)
                .append("channelRef", job.get("id").asString()))).as("leads carry the job id as their import")
                .isEqualTo(done.get("imported").asLong());
    }

    @Test
    void shouldRunADryRunInTheBackgroundWithoutWriting() throws Exception {
        HttpResponse<String> accepted = upload("/api/leads/imports?dryRun=true", LeadImportIT.MIXED_FILE,
                "Prefer", ASYNC);

        JsonNode done = awaitFinished(accepted.headers().firstValue("Location").orElseThrow());

        assertThat(done.get("dryRun").asBoolean()).isTrue();
        assertThat(done.get("imported").asLong()).isEqualTo(3);
        assertThat(leadsOfCompany()).isZero();
    }

    @Test
    void shouldRefuseAMalformedFileBeforeAcceptingIt() throws Exception {
        HttpResponse<String> response = upload("/api/leads/imports", "Phone,Email\n98765 00001,a@b.in\n",
                "Prefer", ASYNC);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(errorFields(response)).containsExactly("file");
        assertThat(leadsOfCompany()).isZero();
    }

    @Test
    void shouldHideAnotherCompanysImportAndUnknownIds() throws Exception {
        HttpResponse<String> accepted = upload("/api/leads/imports", LeadImportIT.MIXED_FILE, "Prefer", ASYNC);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        LeadServiceApi.Company other = new LeadServiceApi(port).signUpCompany();

        LeadServiceApi.Response foreign = new LeadServiceApi(port).send("GET", location, null, other.adminToken());

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(get("/api/leads/imports/no-such-import").statusCode()).isEqualTo(404);
    }

    @Test
    void shouldNotLetAnAgentReadImports() throws Exception {
        String location = upload("/api/leads/imports", LeadImportIT.MIXED_FILE, "Prefer", ASYNC).headers()
                .firstValue("Location").orElseThrow();
        actAs(Role.AGENT);

        assertThat(get(location).statusCode()).isEqualTo(403);
    }

    @Test
    void shouldReportAnImportWhoseInstanceStoppedAsInterrupted() throws Exception {
        Date longAgo = Date.from(Instant.now().minus(Duration.ofMinutes(10)));
        mongo.getCollection("lead_imports").insertOne(new Document("_id", "crashed-" + companyId)
                .append("companyId", companyId).append("state", "RUNNING").append("dryRun", false)
                .append("startedAt", longAgo).append("updatedAt", longAgo).append("imported", 500L));

        JsonNode job = body(get("/api/leads/imports/crashed-" + companyId));

        assertThat(job.get("state").asString()).isEqualTo("INTERRUPTED");
        assertThat(job.get("imported").asLong()).isEqualTo(500);
    }

    private JsonNode awaitFinished(String location) {
        AtomicReference<JsonNode> job = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            job.set(body(get(location)));
            return !"RUNNING".equals(job.get().get("state").asString());
        });
        return job.get();
    }
}
