package com.calliyo.lead.lead.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.calliyo.lead.caller.Caller;
import com.calliyo.lead.caller.CallerResolver;
import com.calliyo.lead.idempotency.IdempotentRequests;
import com.calliyo.lead.idempotency.RequestFingerprint;
import com.calliyo.lead.idempotency.StoredResponse;
import com.calliyo.lead.lead.imports.ImportLeads;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.json.JsonMapper;

/** CSV import: multipart {@code file} (≤ 10 MB, else 413), {@code ?dryRun=true} to preview; ADMIN and MANAGER. */
@RestController
class LeadImportController {

    static final String IMPORT_SCOPE = "POST /api/leads/imports";

    private final ImportLeads importLeads;
    private final CallerResolver callers;
    private final IdempotentRequests idempotency;
    private final JsonMapper json;

    LeadImportController(ImportLeads importLeads, CallerResolver callers, IdempotentRequests idempotency,
                         JsonMapper json) {
        this.importLeads = importLeads;
        this.callers = callers;
        this.idempotency = idempotency;
        this.json = json;
    }

    @PostMapping(path = "/api/leads/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<String> importLeads(@RequestParam("file") MultipartFile file,
                                       @RequestParam(defaultValue = "false") boolean dryRun,
                                       @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key) {
        Caller caller = callers.current();
        importLeads.checkAllowed(caller);
        String fingerprint = key == null ? null : fingerprint(file, dryRun);
        return idempotency.execute(caller.companyId(), IMPORT_SCOPE, key, fingerprint,
                () -> StoredResponse.json(HttpStatus.OK.value(),
                        json.writeValueAsString(importLeads.importCsv(caller, file, dryRun))))
                .toResponseEntity();
    }

    private static String fingerprint(MultipartFile file, boolean dryRun) {
        try (InputStream content = file.getInputStream()) {
            return RequestFingerprint.start().add("dryRun=" + dryRun).add(content).hex();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the uploaded file", e);
        }
    }
}
