package com.calliyo.lead.lead.imports;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.calliyo.lead.caller.Caller;
import com.calliyo.lead.lead.application.LeadMetrics;
import com.calliyo.lead.lead.domain.CaptureChannel;
import com.calliyo.lead.lead.domain.Lead;
import com.calliyo.lead.lead.domain.LeadChange;
import com.calliyo.lead.lead.domain.LeadWithEvents;
import com.calliyo.lead.lead.domain.Leads;
import com.calliyo.lead.lead.domain.NewLead;
import com.calliyo.lead.lead.events.LeadEventMapper;
import com.calliyo.lead.tag.TagCatalog;
import com.calliyo.lead.tag.TagNames;
import org.springframework.stereotype.Component;

/**
 * Writes one batch of checked rows: their tags created once for the batch, every lead built exactly as a single
 * capture builds it (with its own {@code lead.captured} event in its own outbox), all stored by one insertMany.
 */
@Component
class ImportBatchWriter {

    private final Leads leads;
    private final TagCatalog tags;
    private final LeadEventMapper events;
    private final Clock clock;
    private final LeadMetrics metrics;

    ImportBatchWriter(Leads leads, TagCatalog tags, LeadEventMapper events, Clock clock, LeadMetrics metrics) {
        this.leads = leads;
        this.tags = tags;
        this.events = events;
        this.clock = clock;
        this.metrics = metrics;
    }

    Set<String> phonesTaken(String companyId, Collection<String> phones) {
        return leads.existingPhones(companyId, phones);
    }

    /** Stores the rows' leads; returns how many were stored (the others lost a race for their phone). */
    int write(Caller caller, List<ImportRowChecker.ValidRow> rows) {
        List<String> tagNames = rows.stream().flatMap(row -> row.lead().tags().stream()).toList();
        Map<String, String> canonical = tags.canonicalNames(caller.companyId(), tagNames, true);
        Instant now = clock.instant();
        List<LeadWithEvents> batch = new ArrayList<>(rows.size());
        List<LeadChange> changes = new ArrayList<>();
        for (ImportRowChecker.ValidRow row : rows) {
            NewLead data = row.lead().withTags(row.lead().tags().stream()
                    .map(tag -> canonical.getOrDefault(TagNames.key(tag), tag))
                    .distinct()
                    .toList());
            Lead.Captured captured = Lead.capture(caller.companyId(), data, row.status(), caller.userId(), now);
            changes.addAll(captured.changes());
            batch.add(new LeadWithEvents(captured.lead(),
                    events.toOutbox(captured.lead(), captured.changes(), caller.userId(), now)));
        }
        int stored = leads.insertAll(batch);
        // per batch, so a long import shows as a steady rate of CSV captures, not one jump at its end
        metrics.captured(CaptureChannel.CSV, stored);
        if (stored == batch.size()) { // else some lost a race for their phone, and which is not known: not counted
            metrics.changed(changes);
        }
        return stored;
    }
}
