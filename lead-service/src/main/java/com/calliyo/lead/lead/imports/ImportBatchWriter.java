package com.calliyo.lead.lead.imports;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.calliyo.lead.caller.Caller;
import com.calliyo.lead.lead.domain.Lead;
import com.calliyo.lead.lead.domain.LeadWithEvents;
import com.calliyo.lead.lead.domain.Leads;
import com.calliyo.lead.lead.domain.NewLead;
import com.calliyo.lead.outbox.LeadEventMapper;
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

    ImportBatchWriter(Leads leads, TagCatalog tags, LeadEventMapper events, Clock clock) {
        this.leads = leads;
        this.tags = tags;
        this.events = events;
        this.clock = clock;
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
        for (ImportRowChecker.ValidRow row : rows) {
            NewLead data = row.lead().withTags(row.lead().tags().stream()
                    .map(tag -> canonical.getOrDefault(TagNames.key(tag), tag))
                    .distinct()
                    .toList());
            Lead.Captured captured = Lead.capture(caller.companyId(), data, row.status(), caller.userId(), now);
            batch.add(new LeadWithEvents(captured.lead(),
                    events.toOutbox(captured.lead(), captured.changes(), caller.userId(), now)));
        }
        return leads.insertAll(batch);
    }
}
