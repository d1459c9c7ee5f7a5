package com.calliyo.web.leads;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.calliyo.web.auth.Viewer;
import com.calliyo.web.shared.Times;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Everything the lead panel shows, put on the model: the lead, its forms (the ones a refused request already put
 * there keep the user's input), open follow-ups, timeline, status history and, for admins and managers, the agents
 * to assign to. Every controller of the panel renders it through here.
 */
@Component
class LeadPanel {

    static final String VIEW = "leads/panel";

    private final LeadsApi leads;
    private final FollowUpsApi followUps;
    private final AssignmentApi assignment;
    private final Times times;
    private final Clock clock = Clock.systemUTC();

    LeadPanel(LeadsApi leads, FollowUpsApi followUps, AssignmentApi assignment, Times times) {
        this.leads = leads;
        this.followUps = followUps;
        this.assignment = assignment;
        this.times = times;
    }

    String show(String id, Model model) {
        Lead lead = leads.get(id);
        List<TimelineEntry> timeline = leads.timeline(id).items();
        model.addAttribute("lead", lead);
        model.addAttribute("statuses", leads.statuses());
        model.addAttribute("timeline", timeline);
        model.addAttribute("openFollowUps", timeline.stream()
                .filter(entry -> "FOLLOW_UP".equals(entry.type()) && entry.resolvedAt() == null)
                .sorted(Comparator.comparing(TimelineEntry::scheduledAt,
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .toList());
        model.addAttribute("history", followUps.statusHistory(id));
        model.addAttribute("callStatuses", List.of(CallStatus.values()));
        defaults(model, lead);
        people(model);
        return VIEW;
    }

    private void defaults(Model model, Lead lead) {
        if (!model.containsAttribute("call")) {
            model.addAttribute("call", LeadForms.Call.blank());
        }
        if (!model.containsAttribute("note")) {
            model.addAttribute("note", LeadForms.Note.blank());
        }
        if (!model.containsAttribute("followUp")) {
            model.addAttribute("followUp",
                    new LeadForms.FollowUp(FollowUpTimes.nextWorkingDayAtTen(clock.instant(), times.zone()), ""));
        }
        if (!model.containsAttribute("assign")) {
            model.addAttribute("assign", new LeadForms.Assign(lead.assignedTo(), false));
        }
    }

    /** Names for user ids; agents cannot list users, so they see their own name and ids otherwise. */
    private void people(Model model) {
        Viewer viewer = viewer();
        if (viewer == null || viewer.isAgent()) {
            model.addAttribute("agents", List.of());
            model.addAttribute("names", viewer == null ? Map.of() : Map.of(viewer.id(), viewer.name()));
            return;
        }
        List<Agent> users = assignment.usersOrNone();
        model.addAttribute("agents", users.stream().filter(Agent::canTakeLeads).toList());
        model.addAttribute("names", users.stream().collect(Collectors.toMap(Agent::id, Agent::name, (a, b) -> a)));
    }

    static Viewer viewer() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Viewer viewer ? viewer : null;
    }
}
