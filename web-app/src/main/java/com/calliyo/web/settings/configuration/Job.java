package com.calliyo.web.settings.configuration;

import java.util.Arrays;
import java.util.Optional;

/** The three daily jobs, by their path in the API. */
public enum Job {
    AUTO_ASSIGNMENT("auto-assignment", "Auto-assignment"),
    TOP_UP("top-up", "Top-up"),
    STALE_LEADS("stale-leads", "Stale-lead clean-up");

    private final String path;
    private final String label;

    Job(String path, String label) {
        this.path = path;
        this.label = label;
    }

    public String path() {
        return path;
    }

    public String label() {
        return label;
    }

    static Optional<Job> ofPath(String path) {
        return Arrays.stream(values()).filter(job -> job.path.equals(path)).findFirst();
    }
}
