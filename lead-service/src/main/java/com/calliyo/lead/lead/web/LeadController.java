package com.calliyo.lead.lead.web;

import java.net.URI;

import com.calliyo.lead.caller.Caller;
import com.calliyo.lead.caller.CallerResolver;
import com.calliyo.lead.lead.application.LeadAccess;
import com.calliyo.lead.lead.application.ListLeads;
import com.calliyo.lead.web.Page;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import com.calliyo.lead.lead.application.CaptureLead;
import com.calliyo.lead.lead.application.ChangeLead;
import com.calliyo.lead.lead.application.LeadNotFoundException;
import com.calliyo.lead.lead.domain.Lead;
import com.calliyo.lead.lead.domain.Leads;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/leads")
class LeadController {

    private final CaptureLead captureLead;
    private final ChangeLead changeLead;
    private final ListLeads listLeads;
    private final Leads leads;
    private final CallerResolver callers;

    LeadController(CaptureLead captureLead, ChangeLead changeLead, ListLeads listLeads, Leads leads,
                   CallerResolver callers) {
        this.captureLead = captureLead;
        this.changeLead = changeLead;
        this.listLeads = listLeads;
        this.leads = leads;
        this.callers = callers;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    @PostMapping
    ResponseEntity<LeadResponse> capture(@Valid @RequestBody CaptureLeadRequest request) {
        Lead lead = captureLead.capture(callers.current(), request.toCommand());
        return ResponseEntity.created(URI.create("/api/leads/" + lead.id())).body(LeadResponse.of(lead));
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

    @GetMapping("/{id}")
    LeadResponse get(@PathVariable String id) {
        Caller caller = callers.current();
        return leads.find(caller.companyId(), id)
                .filter(lead -> LeadAccess.canSee(caller, lead))
                .map(LeadResponse::of)
                .orElseThrow(() -> new LeadNotFoundException(id));
    }

    @PatchMapping("/{id}")
    LeadResponse change(@PathVariable String id, @Valid @RequestBody ChangeLeadRequest request) {
        return LeadResponse.of(changeLead.change(callers.current(), id, request.toEdit(), request.status()));
    }
}
