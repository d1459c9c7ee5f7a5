package com.calliyo.lead.assignment;

import com.calliyo.lead.caller.CallerResolver;
import com.calliyo.lead.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Run Now and the last-run panel of the daily jobs: {@code /api/settings/{auto-assignment|top-up|stale-leads}/...}
 * (ADMIN, like all of {@code /api/settings/**}).
 */
@RestController
class JobController {

    private final AssignmentJobs jobs;
    private final CallerResolver callers;

    JobController(AssignmentJobs jobs, CallerResolver callers) {
        this.jobs = jobs;
        this.callers = callers;
    }

    @Operation(summary = "Run Now: the job runs at once → {ranAt, assigned, agents, leftUnassigned, summary}; "
            + "409 while a run of the same job is in progress")
    @PostMapping("/api/settings/{job:auto-assignment|top-up|stale-leads}/run")
    RunResponse run(@PathVariable String job) {
        return RunResponse.of(jobs.runNow(callers.current(), kind(job)));
    }

    @Operation(summary = "The last run of the job; 404 before its first run")
    @GetMapping("/api/settings/{job:auto-assignment|top-up|stale-leads}/last-run")
    RunResponse lastRun(@PathVariable String job) {
        return jobs.lastRun(callers.current(), kind(job)).map(RunResponse::of)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "Not found",
                        "The " + job + " job has not run yet"));
    }

    private static JobKind kind(String path) {
        for (JobKind kind : JobKind.values()) {
            if (kind.path().equals(path)) {
                return kind;
            }
        }
        throw new IllegalArgumentException(path); // the mapping's pattern admits only the paths above
    }

    record RunResponse(String job, java.time.Instant ranAt, int assigned, int agents, int leftUnassigned,
                       String summary, String trigger, String triggeredBy) {

        static RunResponse of(RunRecord run) {
            return new RunResponse(run.job().path(), run.ranAt(), run.assigned(), run.agents(),
                    run.leftUnassigned(), run.summary(), run.trigger(), run.triggeredBy());
        }
    }
}
