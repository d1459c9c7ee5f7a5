package com.calliyo.web.leads.imports;

import java.util.Map;

import com.calliyo.web.api.GatewayApi;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;

/** lead-service's CSV import: the dry run, the background import and its status resource. */
@Component
class ImportsApi {

    private final GatewayApi api;

    ImportsApi(GatewayApi api) {
        this.api = api;
    }

    ImportResult dryRun(CsvFile file) {
        return api.postMultipart("/api/leads/imports?dryRun=true", parts(file), ImportResult.class, Map.of());
    }

    /** Starts the import in the background; the answer is the job, to be polled. */
    ImportJob start(CsvFile file, String idempotencyKey) {
        return api.postMultipart("/api/leads/imports", parts(file), ImportJob.class,
                Map.of("Prefer", "respond-async", "Idempotency-Key", idempotencyKey));
    }

    ImportJob job(String id) {
        return api.get("/api/leads/imports/{id}", ImportJob.class, id);
    }

    private static LinkedMultiValueMap<String, Object> parts(CsvFile file) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        ByteArrayResource content = new ByteArrayResource(file.bytes()) {
            @Override
            public String getFilename() {
                return file.name();
            }
        };
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new HttpEntity<>(content, headers));
        return parts;
    }
}
