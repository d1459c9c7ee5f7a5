package com.calliyo.web.leads;

/** The call outcomes lead-service knows, with the words the "Log call" form shows for them. */
public enum CallStatus {
    CALLED("Called"),
    BUSY("Busy"),
    NO_ANSWER("No answer"),
    MISSED("Missed"),
    IN_PROGRESS("In progress"),
    FOLLOW_UP("Follow-up (books one)"),
    RESCHEDULED("Rescheduled (books a follow-up)");

    private final String label;

    CallStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
