package com.calliyo.lead.events;

public enum TimelineEntryType {
    CALL, FOLLOW_UP, NOTE
}
