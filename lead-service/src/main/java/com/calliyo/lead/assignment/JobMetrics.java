package com.calliyo.lead.assignment;

import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * What the daily jobs did, per job ({@code auto-assignment}, {@code top-up}, {@code stale-leads}): {@value #RUNS}
 * finished runs (tagged {@code trigger}: scheduled, run_now) and {@value #LEADS} leads by {@code outcome}: assigned,
 * left_unassigned (every agent at cap) and released (stale leads returned to Unassigned). Registered at start.
 */
@Component
class JobMetrics {

    static final String RUNS = "calliyo.jobs.runs";
    static final String LEADS = "calliyo.jobs.leads";

    private final MeterRegistry meters;

    JobMetrics(MeterRegistry meters) {
        this.meters = meters;
        for (JobKind job : JobKind.values()) {
            runs(job, RunRecord.SCHEDULED);
            runs(job, RunRecord.RUN_NOW);
            leads(job, "assigned");
            leads(job, "left_unassigned");
            leads(job, "released");
        }
    }

    void finished(RunRecord run) {
        runs(run.job(), run.trigger()).increment();
        if (run.job() == JobKind.STALE_LEADS) {
            leads(run.job(), "released").increment(run.leftUnassigned()); // see RunRecord: released, for this job
        } else {
            leads(run.job(), "assigned").increment(run.assigned());
            leads(run.job(), "left_unassigned").increment(run.leftUnassigned());
        }
    }

    private Counter runs(JobKind job, String trigger) {
        return Counter.builder(RUNS).description("Finished runs of the daily jobs")
                .tag("job", job.path()).tag("trigger", trigger.toLowerCase(Locale.ROOT)).register(meters);
    }

    private Counter leads(JobKind job, String outcome) {
        return Counter.builder(LEADS).description("Leads the daily jobs assigned, left unassigned or released")
                .tag("job", job.path()).tag("outcome", outcome).register(meters);
    }
}
