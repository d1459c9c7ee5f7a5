package com.calliyo.lead.assignment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.calliyo.lead.caller.Caller;
import com.calliyo.lead.caller.Role;
import com.calliyo.lead.company.Companies;
import com.calliyo.lead.company.Company;
import com.calliyo.lead.company.CompanyConfiguration;
import com.calliyo.lead.lead.domain.LeadAssignmentView;
import com.calliyo.lead.lead.domain.Leads;
import com.calliyo.lead.status.StatusCatalog;
import com.calliyo.lead.user.User;
import com.calliyo.lead.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Runs the daily jobs of a company (auto-reassignment, top-up, stale-lead clean-up), scheduled or on Run Now. A run
 * holds the (company, job) lease of {@link JobRuns}, so one run at a time across instances; it plans from one scan of
 * the company's leads and one read of its agents, then writes lead by lead ({@link PlanWriter}).
 */
@Service
public class AssignmentJobs {

    private static final Logger log = LoggerFactory.getLogger(AssignmentJobs.class);

    private final Companies companies;
    private final Leads leads;
    private final StatusCatalog statuses;
    private final EligibleAgents agents;
    private final PlanWriter writer;
    private final JobRuns runs;
    private final ObjectProvider<OpenFollowUps> followUps;
    private final JobsProperties properties;
    private final Clock clock;
    private final JobMetrics metrics;

    @SuppressWarnings("java:S107") // the collaborators of a run, each small
    AssignmentJobs(Companies companies, Leads leads, StatusCatalog statuses, EligibleAgents agents, PlanWriter writer,
                   JobRuns runs, ObjectProvider<OpenFollowUps> followUps, JobsProperties properties, Clock clock,
                   JobMetrics metrics) {
        this.companies = companies;
        this.leads = leads;
        this.statuses = statuses;
        this.agents = agents;
        this.writer = writer;
        this.runs = runs;
        this.followUps = followUps;
        this.properties = properties;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Run Now (ADMIN); 409 while another run of the same job of the company is going on. */
    public RunRecord runNow(Caller caller, JobKind job) {
        if (!caller.is(Role.ADMIN)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Forbidden", "Only an admin can run the daily jobs");
        }
        JobRuns.Lease lease = runs.take(caller.companyId(), job, clock.instant(), properties.leaseDuration())
                .orElseThrow(() -> new ApiException(HttpStatus.CONFLICT, "Run in progress",
                        "A run of " + job.path() + " is in progress for this company; try again when it ends"));
        return runHolding(lease, caller.companyId(), job, RunRecord.RUN_NOW, caller.userId(), null);
    }

    /**
     * The scheduled run of {@code localDate}, unless another instance holds the lease or that date's run already
     * happened; empty then.
     */
    public Optional<RunRecord> runScheduled(String companyId, JobKind job, LocalDate localDate) {
        Optional<JobRuns.Lease> taken = runs.take(companyId, job, clock.instant(), properties.leaseDuration());
        if (taken.isEmpty()) {
            return Optional.empty();
        }
        if (localDate.equals(taken.get().lastScheduledDate())) {
            runs.release(taken.get()); // done by another instance between our check and our lease
            return Optional.empty();
        }
        return Optional.of(runHolding(taken.get(), companyId, job, RunRecord.SCHEDULED, null, localDate));
    }

    public Optional<RunRecord> lastRun(Caller caller, JobKind job) {
        return runs.find(caller.companyId(), job).map(JobRuns.JobState::lastRun);
    }

    Optional<JobRuns.JobState> state(String companyId, JobKind job) {
        return runs.find(companyId, job);
    }

    private RunRecord runHolding(JobRuns.Lease lease, String companyId, JobKind job, String trigger,
                                 String triggeredBy, LocalDate scheduledDate) {
        try {
            RunRecord record = run(companyId, job, trigger, triggeredBy);
            runs.finish(lease, record, scheduledDate);
            metrics.finished(record);
            log.info("{} of company {}: {}", job, companyId, record.summary());
            return record;
        } catch (RuntimeException e) {
            runs.release(lease); // a rerun plans again from what was written so far
            throw e;
        }
    }

    private RunRecord run(String companyId, JobKind job, String trigger, String triggeredBy) {
        Company company = companies.find(companyId).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
                "Not found", "The company does not exist"));
        CompanyConfiguration configuration = company.configuration();
        Instant now = clock.instant();
        List<LeadAssignmentView> views = leads.assignmentViews(companyId);
        Set<String> skipped = followUps.getIfAvailable(() -> (c, t) -> Set.of())
                .leadsWithOpenFutureFollowUp(companyId, now);
        return switch (job) {
            case AUTO_ASSIGNMENT -> assign(companyId, job, trigger, triggeredBy, JobPlans.autoAssignment(views,
                    agents.of(companyId), new HashSet<>(configuration.autoAssignment().statuses()), skipped));
            case TOP_UP -> assign(companyId, job, trigger, triggeredBy,
                    JobPlans.topUp(views, agents.of(companyId), skipped));
            case STALE_LEADS -> release(companyId, job, trigger, triggeredBy,
                    JobPlans.staleLeads(views, configuration.staleLeads().afterDays(), now, skipped),
                    configuration.staleLeads().afterDays());
        };
    }

    private RunRecord assign(String companyId, JobKind job, String trigger, String triggeredBy,
                             JobPlans.AssignmentPlan plan) {
        PlanWriter.Written written = writer.assign(companyId, plan, statuses.assigned(companyId).orElse(null),
                job.actorId());
        int left = plan.plan().leftOver().size();
        return new RunRecord(job, ranAt(), written.leads(), written.agents().size(), left,
                RunRecord.assignmentSummary(written.leads(), written.agents().size(), left), trigger, triggeredBy);
    }

    /** Millisecond precision: what the store keeps, so Run Now and last-run answer the same instant. */
    private Instant ranAt() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private RunRecord release(String companyId, JobKind job, String trigger, String triggeredBy,
                              List<LeadAssignmentView> stale, int afterDays) {
        PlanWriter.Written written = writer.release(companyId, stale, statuses.initial(companyId), job.actorId());
        return new RunRecord(job, ranAt(), 0, written.agents().size(), written.leads(),
                RunRecord.staleSummary(written.leads(), written.agents().size(), afterDays), trigger, triggeredBy);
    }
}
