package com.calliyo.lead.lead.web;

import java.net.URI;

import com.calliyo.lead.caller.CallerResolver;
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
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/leads")
class LeadController {

    private final CaptureLead captureLead;
    private final ChangeLead changeLead;
    private final Leads leads;
    private final CallerResolver callers;

    LeadController(CaptureLead captureLead, ChangeLead changeLead, Leads leads, CallerResolver callers) {
        this.captureLead = captureLead;
        this.changeLead = changeLead;
        this.leads = leads;
        this.callers = callers;
    }

    @PostMapping
    ResponseEntity<LeadResponse> capture(@Valid @RequestBody CaptureLeadRequest request) {
        Lead lead = captureLead.capture(callers.current(), request.toCommand());
        return ResponseEntity.created(URI.create("/api/leads/" + lead.id())).body(LeadResponse.of(lead));
    }

    @GetMapping("/{id}")
    LeadResponse get(@PathVariable String id) {
        return leads.find(callers.current().companyId(), id)
                .map(LeadResponse::of)
                .orElseThrow(() -> new LeadNotFoundException(id));
    }

    @PatchMapping("/{id}")
    LeadResponse change(@PathVariable String id, @Valid @RequestBody ChangeLeadRequest request) {
        return LeadResponse.of(changeLead.change(callers.current(), id, request.toEdit(), request.status()));
    }
}
