package com.calliyo.lead.assignment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

import com.calliyo.lead.company.Companies;
import com.calliyo.lead.company.Company;
import com.calliyo.lead.company.CompanyConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every tick, finds the companies whose enabled jobs are due today in their own timezone and have not run on that
 * local date, and runs them. Safe with several instances: the run itself takes the (company, job) lease and checks
 * the date again under it. Stale-lead clean-up has no time of its own in the contract; it runs at local midnight,
 * so the leads it frees are there for the morning's top-up and auto-assignment.
 */
@Component
class JobScheduler {

    static final LocalTime STALE_LEADS_RUN_AT = LocalTime.MIDNIGHT;
    private static final Logger log = LoggerFactory.getLogger(JobScheduler.class);

    private final Companies companies;
    private final AssignmentJobs jobs;
    private final Clock clock;

    JobScheduler(Companies companies, AssignmentJobs jobs, Clock clock) {
        this.companies = companies;
        this.jobs = jobs;
        this.clock = clock;
    }

    void tick() {
        runDue(clock.instant());
    }

    /** Runs what is due at {@code now}; returns how many runs happened. One company failing does not stop the rest. */
    int runDue(Instant now) {
        int ran = 0;
        for (Company company : companies.all()) {
            for (JobKind job : JobKind.values()) {
                try {
                    ran += runIfDue(company, job, now) ? 1 : 0;
                } catch (RuntimeException e) {
                    log.error("{} of company {} failed; the next tick tries again", job, company.id(), e);
                }
            }
        }
        return ran;
    }

    private boolean runIfDue(Company company, JobKind job, Instant now) {
        CompanyConfiguration configuration = company.configuration();
        if (configuration == null || company.timezone() == null || !enabled(configuration, job)) {
            return false;
        }
        LocalDate lastRun = jobs.state(company.id(), job).map(JobRuns.JobState::lastScheduledDate).orElse(null);
        Optional<LocalDate> due = DailySchedule.pending(runAt(configuration, job), ZoneId.of(company.timezone()),
                now, lastRun);
        return due.isPresent() && jobs.runScheduled(company.id(), job, due.get()).isPresent();
    }

    private static boolean enabled(CompanyConfiguration configuration, JobKind job) {
        return switch (job) {
            case AUTO_ASSIGNMENT -> configuration.autoAssignment().enabled();
            case TOP_UP -> configuration.topUp().enabled();
            case STALE_LEADS -> configuration.staleLeads().enabled();
        };
    }

    private static LocalTime runAt(CompanyConfiguration configuration, JobKind job) {
        return switch (job) {
            case AUTO_ASSIGNMENT -> LocalTime.parse(configuration.autoAssignment().runAt());
            case TOP_UP -> LocalTime.parse(configuration.topUp().runAt());
            case STALE_LEADS -> STALE_LEADS_RUN_AT;
        };
    }
}
