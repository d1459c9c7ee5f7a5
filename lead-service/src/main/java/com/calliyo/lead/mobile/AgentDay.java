package com.calliyo.lead.mobile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.calliyo.lead.activity.CompanyZones;
import com.calliyo.lead.caller.Caller;
import com.calliyo.lead.company.Companies;
import com.calliyo.lead.company.Company;
import com.calliyo.lead.company.CompanyConfiguration;
import com.calliyo.lead.lead.domain.AgentActivity;
import com.calliyo.lead.lead.domain.FollowUp;
import com.calliyo.lead.lead.domain.Lead;
import com.calliyo.lead.lead.domain.Leads;
import org.springframework.stereotype.Service;

/**
 * The phone's view of the caller's day in company time: today's open follow-ups with their two alarms, and the
 * dashboard's figures. Read from the caller's own queue (leads assigned to them), so it is scoped by construction.
 */
@Service
class AgentDay {

    /** The product's two alarms before each follow-up. */
    static final List<Duration> ALARMS_BEFORE = List.of(Duration.ofMinutes(5), Duration.ofSeconds(30));

    private final Leads leads;
    private final AgentActivity activity;
    private final Companies companies;
    private final CompanyZones zones;
    private final Clock clock;

    AgentDay(Leads leads, AgentActivity activity, Companies companies, CompanyZones zones, Clock clock) {
        this.leads = leads;
        this.activity = activity;
        this.companies = companies;
        this.zones = zones;
        this.clock = clock;
    }

    FollowUpsToday followUpsToday(Caller caller) {
        Instant now = clock.instant();
        ZoneId zone = zones.zoneOf(caller.companyId());
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<Reminder> reminders = new ArrayList<>();
        for (Lead lead : leads.activeQueue(caller.companyId(), caller.userId())) {
            lead.followUps().stream().filter(FollowUp::isOpen).filter(f -> f.isDueToday(today, zone))
                    .forEach(f -> reminders.add(reminder(lead, f, now)));
        }
        reminders.sort(Comparator.comparing(Reminder::scheduledAt).thenComparing(Reminder::followUpId));
        return new FollowUpsToday(today.toString(), zone.getId(), reminders);
    }

    Dashboard dashboard(Caller caller) {
        Instant now = clock.instant();
        ZoneId zone = zones.zoneOf(caller.companyId());
        LocalDate today = LocalDate.ofInstant(now, zone);
        Instant dayStart = today.atStartOfDay(zone).toInstant();
        Instant monthStart = today.withDayOfMonth(1).atStartOfDay(zone).toInstant();
        List<FollowUp> open = leads.activeQueue(caller.companyId(), caller.userId()).stream()
                .flatMap(lead -> lead.followUps().stream()).filter(FollowUp::isOpen).toList();
        int target = companies.find(caller.companyId()).map(Company::configuration)
                .map(CompanyConfiguration::dailyCallTarget).orElse(0);
        return new Dashboard(today.toString(), zone.getId(),
                activity.callsStarted(caller.companyId(), caller.userId(), dayStart, now.plusSeconds(1)), target,
                open.stream().filter(f -> f.isDueToday(today, zone)).count(),
                open.stream().filter(f -> f.isOverdue(today, zone)).count(),
                activity.conversions(caller.companyId(), caller.userId(), monthStart, now.plusSeconds(1)));
    }

    private static Reminder reminder(Lead lead, FollowUp followUp, Instant now) {
        List<Instant> alarms = ALARMS_BEFORE.stream().map(before -> followUp.scheduledAt().minus(before))
                .filter(alarm -> alarm.isAfter(now)).toList();
        String name = Stream.of(lead.firstName(), lead.lastName()).filter(part -> part != null && !part.isBlank())
                .reduce((first, last) -> first + " " + last).orElse("");
        return new Reminder(followUp.id(), lead.id(), name, lead.phone(), followUp.scheduledAt(), followUp.note(),
                alarms);
    }

    record Reminder(String followUpId, String leadId, String leadName, String phone, Instant scheduledAt, String note,
                    List<Instant> alarms) {
    }

    record FollowUpsToday(String day, String timezone, List<Reminder> followUps) {
    }

    record Dashboard(String day, String timezone, long callsToday, int dailyCallTarget, long dueToday, long overdue,
                     long conversionsThisMonth) {
    }
}
