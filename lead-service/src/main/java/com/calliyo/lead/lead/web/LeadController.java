package com.calliyo.lead.lead.web;

import java.net.URI;

import com.calliyo.lead.caller.Caller;
import com.calliyo.lead.caller.CallerResolver;
import com.calliyo.lead.lead.application.LeadAccess;
import com.calliyo.lead.lead.application.ListLeads;
import com.calliyo.lead.web.Page;
import com.calliyo.tokencheck.servlet.VersionTags;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import com.calliyo.lead.idempotency.IdempotentRequests;
import com.calliyo.lead.idempotency.RequestFingerprint;
import com.calliyo.lead.idempotency.StoredResponse;
import com.calliyo.lead.lead.application.CaptureLead;
import com.calliyo.lead.lead.application.ChangeLead;
import com.calliyo.lead.lead.application.LeadNotFoundException;
import com.calliyo.lead.lead.domain.Lead;
import com.calliyo.lead.lead.domain.Leads;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/leads")
class LeadController {

    static final String CAPTURE_SCOPE = "POST /api/leads";

    private final CaptureLead captureLead;
    private final ChangeLead changeLead;
    private final ListLeads listLeads;
    private final Leads leads;
    private final CallerResolver callers;
    private final IdempotentRequests idempotency;
    private final JsonMapper json;

    LeadController(CaptureLead captureLead, ChangeLead changeLead, ListLeads listLeads, Leads leads,
                   CallerResolver callers, IdempotentRequests idempotency, JsonMapper json) {
        this.captureLead = captureLead;
        this.changeLead = changeLead;
        this.listLeads = listLeads;
        this.leads = leads;
        this.callers = callers;
        this.idempotency = idempotency;
        this.json = json;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** With an Idempotency-Key, a retry of the same request answers the first 201 again instead of a 409. */
    @PostMapping
    ResponseEntity<String> capture(@Valid @RequestBody CaptureLeadRequest request,
                                   @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key) {
        Caller caller = callers.current();
        String fingerprint = RequestFingerprint.start().add(json.writeValueAsString(request)).hex();
        return idempotency.execute(caller, CAPTURE_SCOPE, key, fingerprint, () -> {
            Lead lead = captureLead.capture(caller, request.toCommand());
            return StoredResponse.json(HttpStatus.CREATED.value(), json.writeValueAsString(LeadResponse.of(lead)))
                    .withHeader(HttpHeaders.LOCATION, URI.create("/api/leads/" + lead.id()).toString());
        }).toResponseEntity();
    }

    @GetMapping
    Page<LeadResponse> list(@RequestParam(required = false) String status,
                            @RequestParam(required = false) String tag,
                            @RequestParam(required = false) String assignedTo,
                            @RequestParam(required = false) @Size(max = 100) String q,
                            @RequestParam(required = false) String source,
                            @RequestParam(required = false) String campaign,
                            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Page<Lead> found = listLeads.list(callers.current(), new ListLeads.LeadListQuery(blankToNull(status),
                blankToNull(tag), blankToNull(assignedTo), blankToNull(q), blankToNull(source),
                blankToNull(campaign)), page, size);
        return new Page<>(found.items().stream().map(LeadResponse::of).toList(), found.page(), found.size(),
                found.total());
    }

    @Operation(summary = "The lead, with ETag = its version; If-None-Match with that ETag → 304 without a body")
    @GetMapping("/{id}")
    ResponseEntity<LeadResponse> get(@PathVariable String id) {
        Caller caller = callers.current();
        Lead lead = leads.find(caller.companyId(), id)
                .filter(found -> LeadAccess.canSee(caller, found))
                .orElseThrow(() -> new LeadNotFoundException(id));
        // Spring answers 304 itself when If-None-Match names this ETag.
        return ResponseEntity.ok().eTag(VersionTags.of(lead.version())).body(LeadResponse.of(lead));
    }

    @Operation(summary = "Edit the lead's fields and/or move it to another status",
            description = "Only the fields sent change; null or left out keeps a field. The rules are capture's: "
                    + "values trimmed, email checked, names up to 100 characters, at most 50 tags of up to 50 "
                    + "characters, de-duplicated case-insensitively and spelled as the company's existing tag. "
                    + "\"\" clears lastName or email; tags [] removes every tag; firstName cannot be cleared. "
                    + "source, campaign (the attribution reports group by) and phone are fixed at capture: sending "
                    + "any of them is a 400 naming the field and changes nothing, and so is assignedTo (assign with "
                    + "PUT /api/leads/{id}/assignee). status is a status id or name: "
                    + "entering the Customer status converts, leaving it un-converts. 400 problem+json naming the "
                    + "field for bad input. If-Match: \"<version>\" (the ETag of GET) makes the change only to that "
                    + "version: another version → 412 problem+json with currentVersion (a lost update prevented). "
                    + "The answer carries the new ETag")
    @PatchMapping("/{id}")
    ResponseEntity<LeadResponse> change(@PathVariable String id, @Valid @RequestBody ChangeLeadRequest request,
                                        @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Lead lead = changeLead.change(callers.current(), id, request.toCommand(), request.status(),
                VersionTags.ifMatch(ifMatch));
        return ResponseEntity.ok().eTag(VersionTags.of(lead.version())).body(LeadResponse.of(lead));
    }
}
