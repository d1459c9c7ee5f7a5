package com.calliyo.lead.activity;

import com.calliyo.lead.activity.ActivityRequests.AddNoteRequest;
import com.calliyo.lead.activity.ActivityRequests.LogCallRequest;
import com.calliyo.lead.activity.ActivityRequests.ScheduleFollowUpRequest;
import com.calliyo.lead.activity.ActivityResponses.CallResponse;
import com.calliyo.lead.activity.ActivityResponses.FollowUpResult;
import com.calliyo.lead.activity.ActivityResponses.LeadState;
import com.calliyo.lead.activity.ActivityResponses.LoggedCall;
import com.calliyo.lead.activity.ActivityResponses.NoteResponse;
import com.calliyo.lead.activity.ActivityResponses.NoteResult;
import com.calliyo.lead.caller.CallerResolver;
import com.calliyo.lead.lead.domain.CallStatus;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Calls, follow-ups and notes on a lead; agents reach only the leads assigned to them (404 otherwise), and for notes
 * also the customers "Show customer to" shows them.
 */
@RestController
class ActivityController {

    private final LogCall logCall;
    private final FollowUps followUps;
    private final AddNote addNote;
    private final CallerResolver callers;

    ActivityController(LogCall logCall, FollowUps followUps, AddNote addNote, CallerResolver callers) {
        this.logCall = logCall;
        this.followUps = followUps;
        this.addNote = addNote;
        this.callers = callers;
    }

    @PostMapping("/api/leads/{id}/calls")
    @ResponseStatus(HttpStatus.CREATED)
    LoggedCall logCall(@PathVariable String id, @Valid @RequestBody LogCallRequest request) {
        LogCall.Logged logged = logCall.log(callers.current(), id, new LogCall.Command(
                CallStatus.valueOf(request.callStatus()), request.durationSeconds(),
                ActivityRequests.text(request.note()), request.startedAt(), request.followUpAt()));
        String leadId = logged.lead().id();
        return new LoggedCall(CallResponse.of(logged.call()),
                logged.followUp() == null ? null
                        : FollowUpResponse.of(leadId, logged.followUp(), logged.zone(), logged.at()),
                logged.resolved().stream()
                        .map(f -> FollowUpResponse.of(leadId, f, logged.zone(), logged.at())).toList(),
                LeadState.of(logged.lead()));
    }

    @PostMapping("/api/leads/{id}/follow-ups")
    @ResponseStatus(HttpStatus.CREATED)
    FollowUpResult scheduleFollowUp(@PathVariable String id, @Valid @RequestBody ScheduleFollowUpRequest request) {
        return result(followUps.schedule(callers.current(), id, request.scheduledAt(),
                ActivityRequests.text(request.note())));
    }

    /** Idempotent: resolving a resolved follow-up answers it unchanged. */
    @PostMapping("/api/follow-ups/{id}/resolve")
    FollowUpResult resolveFollowUp(@PathVariable String id) {
        return result(followUps.resolve(callers.current(), id));
    }

    @Operation(summary = "Add a note {text} → 201 {note, lead}; agents: their own leads, and under "
            + "showCustomerTo ALL any customer of the company; 404 otherwise")
    @PostMapping("/api/leads/{id}/notes")
    @ResponseStatus(HttpStatus.CREATED)
    NoteResult addNote(@PathVariable String id, @Valid @RequestBody AddNoteRequest request) {
        AddNote.Added added = addNote.add(callers.current(), id, ActivityRequests.text(request.text()));
        return new NoteResult(NoteResponse.of(added.note()), LeadState.of(added.lead()));
    }

    private static FollowUpResult result(FollowUps.Result result) {
        return new FollowUpResult(
                FollowUpResponse.of(result.lead().id(), result.followUp(), result.zone(), result.at()),
                LeadState.of(result.lead()));
    }
}
