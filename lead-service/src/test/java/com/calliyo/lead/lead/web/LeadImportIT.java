package com.calliyo.lead.lead.web;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.calliyo.lead.caller.Role;
import com.calliyo.lead.lead.domain.CaptureChannel;
import com.calliyo.lead.lead.domain.Lead;
import com.calliyo.lead.lead.domain.LeadWithEvents;
import com.calliyo.lead.lead.domain.Leads;
import com.calliyo.lead.lead.domain.NewLead;
import com.calliyo.lead.shared.LeadStatusRef;
import com.calliyo.lead.shared.StatusKind;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class LeadImportIT extends CaptureHttpSupport {

    @Autowired
    Leads leads;
    @Autowired
    MeterRegistry meters;

    static final String MIXED_FILE = """
            firstname,LASTNAME,Phone,email,Status,Tags,Notes
            Asha,Rao,98765 00001,asha@example.in,interested,"VIP; hot",ignored
            Ravi,,+91 98765-00001,,,,same phone as row 1
            Meena,,98765 00002,,Hot Lead,,unknown status
            ,,98765 00003,,,,no first name
            Kiran,,12345,,,,bad phone
            Dev,,98765 00004,dev@,,,bad email
            Existing,,09876500099,,,,the company has it
            Nisha,,9876500005,,,hot,
            """;

    private void captureExisting() throws Exception {
        assertThat(postJson("/api/leads", "{\"firstName\":\"Old\",\"phone\":\"9876500099\",\"tags\":[\"Hot\"]}")
                .statusCode()).isEqualTo(201);
    }

    @Test
    void shouldImportCountingDuplicatesAndRowErrors() throws Exception {
        captureExisting();
        double csvCaptures = meters.get("calliyo.leads.captured").tag("channel", "csv").counter().count();
        double failedRows = meters.get("calliyo.imports.rows").tag("outcome", "failed").counter().count();

        HttpResponse<String> response = upload("/api/leads/imports", MIXED_FILE);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode summary = body(response);
        assertThat(summary.get("imported").asLong()).isEqualTo(2);
        assertThat(summary.get("skippedDuplicates").asLong()).isEqualTo(2);
        assertThat(summary.get("errors").asLong()).isEqualTo(4);
        assertThat(summary.get("rowErrorsTruncated").asBoolean()).isFalse();
        List<String> rowErrors = new ArrayList<>();
        summary.get("rowErrors").forEach(e -> rowErrors.add(e.get("row").asLong() + ": " + e.get("message").asString()));
        assertThat(rowErrors).containsExactly(
                "3: Status 'Hot Lead' is not a status of this company",
                "4: FirstName is required",
                "5: Phone is not a valid phone number",
                "6: Email is not a valid email address");
        assertThat(leadsOfCompany()).isEqualTo(3);
        assertThat(meters.get("calliyo.leads.captured").tag("channel", "csv").counter().count())
                .isEqualTo(csvCaptures + 2);
        assertThat(meters.get("calliyo.imports.rows").tag("outcome", "failed").counter().count())
                .isEqualTo(failedRows + 4);
    }

    @Test
    void shouldStoreImportedLeadsLikeCapturedOnesWithTheirOwnEvent() throws Exception {
        captureExisting();

        JsonNode summary = body(upload("/api/leads/imports", MIXED_FILE));

        Document asha = mongo.getCollection("leads").find(new Document("companyId", companyId)
                .append("phone", "+919876500001")).first();
        assertThat(asha.getString("firstName")).isEqualTo("Asha");
        assertThat(asha.getString("captureChannel")).isEqualTo("CSV");
        assertThat(asha.getString("channelRef")).isEqualTo(summary.get("importId").asString());
        assertThat(asha.get("status", Document.class).getString("name")).isEqualTo("Interested");
        assertThat(asha.getList("tags", String.class)).containsExactly("VIP", "Hot"); // "Hot" as first created
        Set<String> imported = new HashSet<>();
        mongo.getCollection("leads").find(new Document("companyId", companyId).append("captureChannel", "CSV"))
                .forEach(doc -> imported.add(doc.getString("_id")));
        List<CloudEvent> events = awaitEvents(imported, imported.size());
        assertThat(events).hasSize(2).extracting(CloudEvent::getType).containsOnly("com.calliyo.lead.captured");
        assertThat(events).extracting(CloudEvent::getSubject).containsExactlyInAnyOrderElementsOf(imported);
    }

    @Test
    void shouldPreviewTheSameCountsWithoutWritingAnything() throws Exception {
        captureExisting();

        JsonNode preview = body(upload("/api/leads/imports?dryRun=true", MIXED_FILE));

        assertThat(leadsOfCompany()).isEqualTo(1);
        assertThat(mongo.getCollection("tags").countDocuments(new Document("companyId", companyId))).isEqualTo(1);
        assertThat(preview.get("dryRun").asBoolean()).isTrue();
        assertThat(preview.get("importId").isNull()).isTrue();
        JsonNode real = body(upload("/api/leads/imports", MIXED_FILE));
        for (String field : List.of("imported", "skippedDuplicates", "errors", "rowErrors")) {
            assertThat(preview.get(field)).as(field).isEqualTo(real.get(field));
        }
    }

    @Test
    void shouldSkipEveryRowOfAFileImportedTwice() throws Exception {
        upload("/api/leads/imports", MIXED_FILE);

        JsonNode again = body(upload("/api/leads/imports", MIXED_FILE));

        assertThat(again.get("imported").asLong()).isZero();
        assertThat(again.get("skippedDuplicates").asLong()).isEqualTo(4);
        assertThat(leadsOfCompany()).isEqualTo(3);
    }

    @Test
    void shouldImportAcrossSeveralBatches() throws Exception {
        StringBuilder csv = new StringBuilder("FirstName,Phone\n");
        int rows = IMPORT_BATCH_SIZE * 2 + 3;
        for (int i = 0; i < rows; i++) {
            csv.append("Lead").append(i).append(",98760").append(String.format("%05d", i)).append('\n');
        }
        csv.append("Again,9876000000\n");

        JsonNode summary = body(upload("/api/leads/imports", csv.toString()));

        assertThat(summary.get("imported").asLong()).isEqualTo(rows);
        assertThat(summary.get("skippedDuplicates").asLong()).isEqualTo(1);
        assertThat(leadsOfCompany()).isEqualTo(rows);
    }

    @Test
    void shouldLetManagersImportAndForbidAgents() throws Exception {
        actAs(Role.MANAGER);
        assertThat(upload("/api/leads/imports", "FirstName,Phone\nAsha,9876500001\n").statusCode()).isEqualTo(200);

        actAs(Role.AGENT);
        HttpResponse<String> agent = upload("/api/leads/imports", "FirstName,Phone\nRavi,9876500002\n");

        assertThat(agent.statusCode()).isEqualTo(403);
        assertThat(agent.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(leadsOfCompany()).isEqualTo(1);
    }

    @Test
    void shouldLeaveOutOfABatchALeadWhosePhoneWasCapturedMeanwhile() throws Exception {
        captureExisting(); // as if captured between the batch's phone check and its insert
        LeadStatusRef unassigned = new LeadStatusRef("s-un", "Unassigned", StatusKind.UNASSIGNED);
        List<LeadWithEvents> batch = new ArrayList<>();
        for (String phone : List.of("+919876500201", "+919876500099", "+919876500202")) {
            NewLead data = new NewLead("Batch", null, phone, null, List.of(), null, null, CaptureChannel.CSV, "i");
            batch.add(new LeadWithEvents(Lead.capture(companyId, data, unassigned, "u", Instant.now()).lead(),
                    List.of()));
        }

        int stored = leads.insertAll(batch);

        assertThat(stored).isEqualTo(2);
        assertThat(leadsOfCompany()).isEqualTo(3);
        assertThat(leadsWithPhone("+919876500099")).isEqualTo(1);
    }

    @Test
    void shouldAnswer413ForAFileOverTenMegabytes() throws Exception {
        byte[] big = new byte[10 * 1024 * 1024 + 100];
        Arrays.fill(big, (byte) 'a');

        HttpResponse<String> response = upload("/api/leads/imports", big);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(errorFields(response)).containsExactly("file");
        assertThat(body(response).get("detail").asString()).contains("10 MB");
    }

    @Test
    void shouldAnswer400SayingWhyForAMalformedFile() throws Exception {
        assertMalformed("", "The file is empty");
        assertMalformed("\n\n", "no header row");
        assertMalformed("Asha,9876500001\n", "no FirstName and Phone column");
        assertMalformed("FirstName,Mobile\nAsha,9876500001\n", "no Phone column");
        assertMalformed("FirstName,Phone\nAsha,9876500001\n\"Ravi,9876500002\n", "not valid CSV");
        assertMalformed(new String(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0},
                StandardCharsets.ISO_8859_1), "not UTF-8");
        assertThat(leadsOfCompany()).isZero();
    }

    @Test
    void shouldWriteNothingFromAFileThatIsMalformedAfterValidRows() throws Exception {
        StringBuilder csv = new StringBuilder("FirstName,Phone\n");
        for (int i = 0; i < IMPORT_BATCH_SIZE * 3; i++) {
            csv.append("Lead").append(i).append(",98761").append(String.format("%05d", i)).append('\n');
        }
        csv.append("\"Broken,9876299999\n");

        HttpResponse<String> response = upload("/api/leads/imports", csv.toString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(leadsOfCompany()).isZero();
    }

    private void assertMalformed(String csv, String why) throws Exception {
        HttpResponse<String> response = upload("/api/leads/imports",
                csv.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(response.statusCode()).as(csv).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(body(response).get("detail").asString()).contains(why);
        assertThat(errorFields(response)).containsExactly("file");
    }

    @Test
    void shouldAnswer4xxForRequestsThatAreNotAFileUpload() throws Exception {
        HttpResponse<String> json = postJson("/api/leads/imports", "{}");
        HttpResponse<String> noFilePart = http.send(signedIn(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/leads/imports")))
                .header("Content-Type", "multipart/form-data; boundary=xyz")
                .POST(HttpRequest.BodyPublishers.ofString("--xyz\r\nContent-Disposition: form-data; name=\"other\""
                        + "\r\n\r\nvalue\r\n--xyz--\r\n")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> brokenMultipart = http.send(signedIn(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/leads/imports")))
                .header("Content-Type", "multipart/form-data; boundary=xyz")
                .POST(HttpRequest.BodyPublishers.ofString("not multipart at all")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> badDryRun = upload("/api/leads/imports?dryRun=maybe", "FirstName,Phone\n");

        assertThat(json.statusCode()).isEqualTo(415);
        assertThat(noFilePart.statusCode()).isEqualTo(400);
        assertThat(brokenMultipart.statusCode()).isEqualTo(400);
        assertThat(badDryRun.statusCode()).isEqualTo(400);
        for (HttpResponse<String> response : List.of(json, noFilePart, brokenMultipart, badDryRun)) {
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }

    @Test
    void shouldReplayAnImportRetriedWithTheSameKey() throws Exception {
        String csv = "FirstName,Phone\nAsha,9876500001\nRavi,9876500002\n";

        HttpResponse<String> first = upload("/api/leads/imports", csv, "Idempotency-Key", "import-1");
        HttpResponse<String> retry = upload("/api/leads/imports", csv, "Idempotency-Key", "import-1");
        HttpResponse<String> otherFile = upload("/api/leads/imports", csv + "Meena,9876500003\n",
                "Idempotency-Key", "import-1");

        assertThat(body(first).get("imported").asLong()).isEqualTo(2);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(otherFile.statusCode()).isEqualTo(409);
        assertThat(leadsOfCompany()).isEqualTo(2);
    }
}
