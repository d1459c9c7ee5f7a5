package com.calliyo.lead.activity;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;

import com.calliyo.lead.caller.Caller;
import com.calliyo.lead.lead.application.ConcurrentLeadChangeException;
import com.calliyo.lead.lead.application.LeadAccess;
import com.calliyo.lead.lead.application.LeadNotFoundException;
import com.calliyo.lead.lead.domain.Lead;
import com.calliyo.lead.lead.domain.LeadChange;
import com.calliyo.lead.lead.domain.Leads;
import com.calliyo.lead.lead.events.LeadEventMapper;
import org.springframework.stereotype.Component;

/**
 * One activity = one change of the lead: its new state and events in one compare-and-set on the lead's version. A
 * lost race reloads the lead and applies the activity again (with fresh ids), at most {@value #ATTEMPTS} times.
 */
@Component
class LeadWrites {

    private static final int ATTEMPTS = 3;

    private final Leads leads;
    private final LeadEventMapper events;
    private final Clock clock;

    LeadWrites(Leads leads, LeadEventMapper events, Clock clock) {
        this.leads = leads;
        this.events = events;
        this.clock = clock;
    }

    /** The lead as the caller may see it (agents: only their own), else 404. */
    Lead load(Caller caller, String leadId) {
        return load(caller, leadId, LeadAccess::canSee);
    }

    /** The company's lead if {@code access} lets the caller at it, else 404 (as for a missing one). */
    private Lead load(Caller caller, String leadId, BiPredicate<Caller, Lead> access) {
        return leads.find(caller.companyId(), leadId).filter(found -> access.test(caller, found))
                .orElseThrow(() -> new LeadNotFoundException(leadId));
    }

    /** Applies {@code change} (given the lead and the time) and stores it; no write when it changes nothing. */
    Written write(Caller caller, String leadId, BiFunction<Lead, Instant, List<LeadChange>> change) {
        return write(caller, leadId, LeadAccess::canSee, change);
    }

    /** As {@link #write(Caller, String, BiFunction)}, for a change that {@code access} decides who may make. */
    Written write(Caller caller, String leadId, BiPredicate<Caller, Lead> access,
                  BiFunction<Lead, Instant, List<LeadChange>> change) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Lead lead = load(caller, leadId, access);
            long expectedVersion = lead.version();
            Instant now = now();
            List<LeadChange> changes = change.apply(lead, now);
            if (changes.isEmpty()
                    || leads.update(lead, expectedVersion, events.toOutbox(lead, changes, caller.userId(), now))) {
                return new Written(lead, changes, now);
            }
        }
        throw new ConcurrentLeadChangeException(leadId);
    }

    /** Milliseconds, as the store keeps them: an answer shows the same times a later read does. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The lead after the write, what changed, and when. */
    record Written(Lead lead, List<LeadChange> changes, Instant at) {

        <T extends LeadChange> List<T> all(Class<T> type) {
            return changes.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }
}
