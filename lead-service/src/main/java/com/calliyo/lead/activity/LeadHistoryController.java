package com.calliyo.lead.activity;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.calliyo.lead.caller.Caller;
import com.calliyo.lead.caller.CallerResolver;
import com.calliyo.lead.events.TimelineEntry;
import com.calliyo.lead.events.TimelineEntryType;
import com.calliyo.lead.lead.domain.Call;
import com.calliyo.lead.lead.domain.FollowUp;
import com.calliyo.lead.lead.domain.Lead;
import com.calliyo.lead.lead.domain.StatusTransition;
import com.calliyo.lead.lead.events.TimelineEntries;
import com.calliyo.lead.shared.LeadStatusRef;
import com.calliyo.lead.web.Page;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A lead's history, newest first and paged like every list: its timeline (calls, follow-ups, notes, in the order and
 * shape {@code lead.converted} carries them, plus the derived follow-up states) and its status audit trail (who moved
 * it from which status to which, and when; conversions and un-conversions included).
 */
@RestController
class LeadHistoryController {

    private final LeadWrites leads;
    private final CompanyZones zones;
    private final CallerResolver callers;

    LeadHistoryController(LeadWrites leads, CompanyZones zones, CallerResolver callers) {
        this.leads = leads;
        this.zones = zones;
        this.callers = callers;
    }

    record TimelineItem(String id, TimelineEntryType type, Instant occurredAt, String actorId, String text,
                        String callStatus, Integer durationSeconds, Boolean connected, Instant scheduledAt,
                        Instant resolvedAt, String ownerId, Boolean dueToday, Boolean overdue) {
    }

    record StatusChange(Instant at, String by, LeadStatusRef from, LeadStatusRef to) {

        static StatusChange of(StatusTransition transition) {
            return new StatusChange(transition.at(), transition.by(), transition.from(), transition.to());
        }
    }

    @GetMapping("/api/leads/{id}/timeline")
    Page<TimelineItem> timeline(@PathVariable String id,
                                @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return entries(id, null, page, size);
    }

    /** The call history alone (what the {@code calls:read} API scope reaches). */
    @GetMapping("/api/leads/{id}/calls")
    Page<TimelineItem> calls(@PathVariable String id,
                             @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                             @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return entries(id, TimelineEntryType.CALL, page, size);
    }

    @GetMapping("/api/leads/{id}/follow-ups")
    Page<TimelineItem> followUps(@PathVariable String id,
                                 @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                 @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return entries(id, TimelineEntryType.FOLLOW_UP, page, size);
    }

    @GetMapping("/api/leads/{id}/notes")
    Page<TimelineItem> notes(@PathVariable String id,
                             @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                             @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return entries(id, TimelineEntryType.NOTE, page, size);
    }

    private Page<TimelineItem> entries(String id, TimelineEntryType only, int page, int size) {
        Caller caller = callers.current();
        Lead lead = leads.load(caller, id);
        ZoneId zone = zones.zoneOf(caller.companyId());
        Instant now = leads.now();
        Map<String, Call> calls = lead.calls().stream().collect(Collectors.toMap(Call::id, Function.identity()));
        Map<String, FollowUp> followUps = lead.followUps().stream()
                .collect(Collectors.toMap(FollowUp::id, Function.identity()));
        List<TimelineItem> items = TimelineEntries.of(lead).stream()
                .filter(entry -> only == null || entry.type() == only)
                .map(entry -> item(entry, calls.get(entry.id()), followUps.get(entry.id()), lead.id(), zone, now))
                .toList();
        return page(items, page, size);
    }

    @GetMapping("/api/leads/{id}/status-history")
    Page<StatusChange> statusHistory(@PathVariable String id,
                                     @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                     @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Lead lead = leads.load(callers.current(), id);
        // The trail is appended in order, so newest first is simply the trail reversed (ties keep their order).
        List<StatusChange> changes = new ArrayList<>(lead.transitions().stream().map(StatusChange::of).toList());
        Collections.reverse(changes);
        return page(changes, page, size);
    }

    private static TimelineItem item(TimelineEntry entry, Call call, FollowUp followUp, String leadId, ZoneId zone,
                                     Instant now) {
        FollowUpResponse state = followUp == null ? null : FollowUpResponse.of(leadId, followUp, zone, now);
        return new TimelineItem(entry.id(), entry.type(), entry.occurredAt(), entry.actorId(), entry.text(),
                entry.callStatus(), entry.durationSeconds(), call == null ? null : call.connected(),
                entry.scheduledAt(), entry.resolvedAt(), followUp == null ? null : followUp.ownerId(),
                state == null ? null : state.dueToday(), state == null ? null : state.overdue());
    }

    private static <T> Page<T> page(List<T> all, int page, int size) {
        long from = Math.min((long) page * size, all.size());
        long to = Math.min(from + size, all.size());
        return new Page<>(all.subList((int) from, (int) to), page, size, all.size());
    }
}
