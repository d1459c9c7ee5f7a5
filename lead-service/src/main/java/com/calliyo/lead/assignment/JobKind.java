package com.calliyo.lead.assignment;

/** The daily jobs of Settings → Configurations; {@code path} is their segment under {@code /api/settings/}. */
public enum JobKind {

    AUTO_ASSIGNMENT("auto-assignment"),
    TOP_UP("top-up"),
    STALE_LEADS("stale-leads");

    private final String path;

    JobKind(String path) {
        this.path = path;
    }

    String path() {
        return path;
    }

    /** The actor of every lead change the job makes, scheduled or Run Now (the run record names who pressed it). */
    String actorId() {
        return "system:" + path;
    }
}
