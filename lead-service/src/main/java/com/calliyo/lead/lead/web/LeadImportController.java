package com.calliyo.lead.lead.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

import com.calliyo.lead.caller.Caller;
import com.calliyo.lead.caller.CallerResolver;
import com.calliyo.lead.idempotency.IdempotentRequests;
import com.calliyo.lead.idempotency.RequestFingerprint;
import com.calliyo.lead.idempotency.StoredResponse;
import com.calliyo.lead.lead.imports.BackgroundImports;
import com.calliyo.lead.lead.imports.ImportJob;
import com.calliyo.lead.lead.imports.ImportLeads;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.json.JsonMapper;

/**
 * CSV import: multipart {@code file} (≤ 10 MB, else 413), {@code ?dryRun=true} to preview; ADMIN and MANAGER. With
 * {@code Prefer: respond-async} (RFC 7240) the import runs in the background: 202 with the job and its
 * {@code Location}, polled at {@code GET /api/leads/imports/{id}}.
 */
@RestController
class LeadImportController {

    static final String IMPORT_SCOPE = "POST /api/leads/imports";
    private static final String PREFER = "Prefer";
    private static final String RESPOND_ASYNC = "respond-async";
    private static final String PREFERENCE_APPLIED = "Preference-Applied";

    private final ImportLeads importLeads;
    private final BackgroundImports backgroundImports;
    private final CallerResolver callers;
    private final IdempotentRequests idempotency;
    private final JsonMapper json;

    LeadImportController(ImportLeads importLeads, BackgroundImports backgroundImports, CallerResolver callers,
                         IdempotentRequests idempotency, JsonMapper json) {
        this.importLeads = importLeads;
        this.backgroundImports = backgroundImports;
        this.callers = callers;
        this.idempotency = idempotency;
        this.json = json;
    }

    @PostMapping(path = "/api/leads/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<String> importLeads(@RequestParam("file") MultipartFile file,
                                       @RequestParam(defaultValue = "false") boolean dryRun,
                                       @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                       @RequestHeader(name = PREFER, required = false) String prefer) {
        Caller caller = callers.current();
        importLeads.checkAllowed(caller);
        boolean async = prefer != null && prefer.toLowerCase(Locale.ROOT).contains(RESPOND_ASYNC);
        String fingerprint = key == null ? null : fingerprint(file, dryRun, async);
        return idempotency.execute(caller, IMPORT_SCOPE, key, fingerprint,
                () -> async ? startInBackground(caller, file, dryRun) : StoredResponse.json(HttpStatus.OK.value(),
                        json.writeValueAsString(importLeads.importCsv(caller, file, dryRun))))
                .toResponseEntity();
    }

    @GetMapping("/api/leads/imports/{id}")
    ImportJob importJob(@PathVariable String id) {
        return backgroundImports.find(callers.current(), id);
    }

    private StoredResponse startInBackground(Caller caller, MultipartFile file, boolean dryRun) {
        ImportJob job = backgroundImports.start(caller, file, file.getOriginalFilename(), dryRun);
        return StoredResponse.json(HttpStatus.ACCEPTED.value(), json.writeValueAsString(job))
                .withHeader(HttpHeaders.LOCATION, "/api/leads/imports/" + job.id())
                .withHeader(PREFERENCE_APPLIED, RESPOND_ASYNC);
    }

    private static String fingerprint(MultipartFile file, boolean dryRun, boolean async) {
        try (InputStream content = file.getInputStream()) {
            return RequestFingerprint.start().add("dryRun=" + dryRun).add("async=" + async).add(content).hex();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the uploaded file", e);
        }
    }
}
