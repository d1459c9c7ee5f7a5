package com.calliyo.lead.task;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

import com.calliyo.lead.activity.CompanyZones;
import com.calliyo.lead.caller.Caller;
import com.calliyo.lead.lead.domain.FollowUp;
import com.calliyo.lead.lead.domain.Lead;
import com.calliyo.lead.lead.domain.Leads;
import com.calliyo.lead.web.ApiException;
import com.calliyo.lead.web.Page;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * An agent's Tasks (spec §3.14): the leads assigned to them that are not customers, with their open follow-ups.
 * Leads with a follow-up due today or overdue come first, then those with a later follow-up (soonest first), then the
 * rest (newest first). Days are counted in the company's timezone. Admins and managers may look at an agent's queue
 * ({@code agentId}); an agent only at their own (403 otherwise). One query per request: on the embedded store a scan
 * of the company's leads, without their calls, notes and outbox.
 */
@Service
class TaskQueue {

    private static final Comparator<Task> ORDER = Comparator
            .comparingInt(Task::rank)
            .thenComparing(task -> task.rank() < 2 ? task.nextFollowUpAt() : Instant.MIN)
            .thenComparing(Comparator.comparing((Task task) -> task.lead().createdAt()).reversed())
            .thenComparing(task -> task.lead().id());

    private final Leads leads;
    private final CompanyZones zones;
    private final Clock clock;

    TaskQueue(Leads leads, CompanyZones zones, Clock clock) {
        this.leads = leads;
        this.zones = zones;
        this.clock = clock;
    }

    /** A lead of the queue with its open follow-ups (soonest first) and its place in the order. */
    record Task(Lead lead, List<FollowUp> openFollowUps, boolean dueToday, boolean overdue, Instant nextFollowUpAt) {

        int rank() {
            if (dueToday || overdue) {
                return 0;
            }
            return nextFollowUpAt != null ? 1 : 2;
        }
    }

    record Queue(Page<Task> tasks, ZoneId zone, Instant now) {
    }

    Queue queue(Caller caller, String agentId, boolean dueTodayOnly, int page, int size) {
        String owner = agentId == null ? caller.userId() : agentId;
        if (!caller.seesAllLeads() && !owner.equals(caller.userId())) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Forbidden", "Agents see only their own tasks");
        }
        ZoneId zone = zones.zoneOf(caller.companyId());
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<Task> all = leads.activeQueue(caller.companyId(), owner).stream()
                .map(lead -> task(lead, zone, today))
                .filter(task -> !dueTodayOnly || task.dueToday())
                .sorted(ORDER)
                .toList();
        int from = (int) Math.min((long) page * size, all.size());
        int to = Math.min(from + size, all.size());
        return new Queue(new Page<>(all.subList(from, to), page, size, all.size()), zone, now);
    }

    static Task task(Lead lead, ZoneId zone, LocalDate today) {
        List<FollowUp> open = lead.followUps().stream().filter(FollowUp::isOpen)
                .sorted(Comparator.comparing(FollowUp::scheduledAt)).toList();
        return new Task(lead, open, open.stream().anyMatch(f -> f.isDueToday(today, zone)),
                open.stream().anyMatch(f -> f.isOverdue(today, zone)),
                open.isEmpty() ? null : open.get(0).scheduledAt());
    }
}
