package com.calliyo.lead.assignment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.calliyo.lead.caller.Caller;
import com.calliyo.lead.caller.Role;
import com.calliyo.lead.lead.application.ConcurrentLeadChangeException;
import com.calliyo.lead.lead.application.LeadNotFoundException;
import com.calliyo.lead.lead.domain.Lead;
import com.calliyo.lead.lead.domain.LeadChange;
import com.calliyo.lead.lead.domain.Leads;
import com.calliyo.lead.lead.events.LeadEventMapper;
import com.calliyo.lead.shared.InvalidFieldException;
import com.calliyo.lead.shared.LeadStatusRef;
import com.calliyo.lead.shared.StatusKind;
import com.calliyo.lead.status.StatusCatalog;
import com.calliyo.lead.user.User;
import com.calliyo.lead.user.Users;
import com.calliyo.lead.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Manual assignment (spec A1–A3), one lead or many, by an admin or manager. The target must be an unbanned AGENT of
 * the company; an unassigned lead moves to the Assigned status; customers are never reassigned; the agent's lead cap
 * holds unless an admin forces it. Each lead is its own compare-and-set write with its events.
 */
@Service
public class AssignLead {

    static final int MAX_BULK = 1000;
    private static final int ATTEMPTS = 3;

    private final Leads leads;
    private final Users users;
    private final StatusCatalog statuses;
    private final LeadEventMapper events;
    private final Clock clock;

    AssignLead(Leads leads, Users users, StatusCatalog statuses, LeadEventMapper events, Clock clock) {
        this.leads = leads;
        this.users = users;
        this.statuses = statuses;
        this.events = events;
        this.clock = clock;
    }

    /** Why a lead of a bulk request was not assigned. */
    public enum SkipReason { NOT_FOUND, CUSTOMER, ALREADY_ASSIGNED, AT_CAP, CONCURRENT_CHANGE }

    public record Skipped(String leadId, SkipReason reason) {
    }

    public record BulkResult(int assigned, int skipped, List<Skipped> skippedLeads) {
    }

    public Lead assign(Caller caller, String leadId, String agentId, boolean force) {
        User agent = checkRequest(caller, agentId, force);
        LeadStatusRef assigned = statuses.assigned(caller.companyId()).orElse(null);
        long held = leads.countHeld(caller.companyId(), agent.id());
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Lead lead = leads.find(caller.companyId(), leadId).orElseThrow(() -> new LeadNotFoundException(leadId));
            if (lead.isCustomer()) {
                throw new ApiException(HttpStatus.CONFLICT, "Lead is a customer",
                        "Lead " + leadId + " is a customer; customers cannot be reassigned");
            }
            if (!agent.id().equals(lead.assignedTo()) && overCap(agent, held, force)) {
                throw atCap(agent, held);
            }
            long expected = lead.version();
            Instant now = clock.instant();
            List<LeadChange> changes = lead.assignTo(agent.id(), assigned, caller.userId(), now);
            if (changes.isEmpty()
                    || leads.update(lead, expected, events.toOutbox(lead, changes, caller.userId(), now))) {
                return lead;
            }
        }
        throw new ConcurrentLeadChangeException(leadId);
    }

    public BulkResult assignAll(Caller caller, List<String> leadIds, String agentId, boolean force) {
        User agent = checkRequest(caller, agentId, force);
        if (leadIds == null || leadIds.isEmpty() || leadIds.size() > MAX_BULK) {
            throw new InvalidFieldException("leadIds", "must list 1 to " + MAX_BULK + " lead ids");
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (int i = 0; i < leadIds.size(); i++) {
            if (leadIds.get(i) == null || leadIds.get(i).isBlank()) {
                throw new InvalidFieldException("leadIds[" + i + "]", "must be a lead id");
            }
            wanted.add(leadIds.get(i).trim());
        }
        LeadStatusRef assigned = statuses.assigned(caller.companyId()).orElse(null);
        long held = leads.countHeld(caller.companyId(), agent.id());
        Map<String, Lead> found = new HashMap<>();
        leads.findAll(caller.companyId(), wanted).forEach(lead -> found.put(lead.id(), lead));
        int done = 0;
        List<Skipped> skipped = new ArrayList<>();
        for (String id : wanted) {
            Outcome outcome = assignOne(caller, found.get(id), agent, assigned, held, force);
            if (outcome.skipped() == null) {
                done++;
                if (outcome.newToAgent()) {
                    held++; // a lead the agent already held (only its status moved) is in the count already
                }
            } else {
                skipped.add(new Skipped(id, outcome.skipped()));
            }
        }
        return new BulkResult(done, skipped.size(), List.copyOf(skipped));
    }

    /** One lead of a bulk request: why it was skipped (null when assigned), and whether the agent holds one more. */
    private record Outcome(SkipReason skipped, boolean newToAgent) {

        static Outcome skip(SkipReason reason) {
            return new Outcome(reason, false);
        }
    }

    private Outcome assignOne(Caller caller, Lead lead, User agent, LeadStatusRef assigned, long held,
                              boolean force) {
        for (int attempt = 0; attempt < ATTEMPTS && lead != null; attempt++) {
            if (lead.isCustomer()) {
                return Outcome.skip(SkipReason.CUSTOMER);
            }
            boolean heldAlready = agent.id().equals(lead.assignedTo());
            if (heldAlready && lead.status().kind() != StatusKind.UNASSIGNED) {
                return Outcome.skip(SkipReason.ALREADY_ASSIGNED);
            }
            if (!heldAlready && overCap(agent, held, force)) {
                return Outcome.skip(SkipReason.AT_CAP);
            }
            long expected = lead.version();
            Instant now = clock.instant();
            List<LeadChange> changes = lead.assignTo(agent.id(), assigned, caller.userId(), now);
            if (leads.update(lead, expected, events.toOutbox(lead, changes, caller.userId(), now))) {
                return new Outcome(null, !heldAlready);
            }
            lead = leads.find(caller.companyId(), lead.id()).orElse(null);
        }
        return Outcome.skip(lead == null ? SkipReason.NOT_FOUND : SkipReason.CONCURRENT_CHANGE);
    }

    private User checkRequest(Caller caller, String agentId, boolean force) {
        if (!caller.is(Role.ADMIN) && !caller.is(Role.MANAGER)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Forbidden", "Only admins and managers assign leads");
        }
        if (force && !caller.is(Role.ADMIN)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Forbidden", "Only an admin can assign above a lead cap");
        }
        if (agentId == null || agentId.isBlank()) {
            throw new InvalidFieldException("agentId", "is required");
        }
        User agent = users.find(caller.companyId(), agentId.trim()).orElseThrow(() -> notAssignable(
                "is not a user of this company"));
        if (agent.role() != Role.AGENT) {
            throw notAssignable("is not an agent (leads are assigned to users with the AGENT role)");
        }
        if (agent.banned()) {
            throw notAssignable("is banned");
        }
        return agent;
    }

    private static boolean overCap(User agent, long held, boolean force) {
        return !force && agent.leadCap() != null && held >= agent.leadCap();
    }

    private static ApiException atCap(User agent, long held) {
        return new ApiException(HttpStatus.CONFLICT, "Agent at lead cap", "Agent " + agent.name() + " already holds "
                + held + " leads and their lead cap is " + agent.leadCap()
                + "; raise the cap on the user, or (admins) assign with ?force=true", null,
                Map.of("agentId", agent.id(), "held", held, "leadCap", agent.leadCap()));
    }

    private static ApiException notAssignable(String message) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "Agent cannot take leads", message, "agentId",
                Map.of());
    }
}
