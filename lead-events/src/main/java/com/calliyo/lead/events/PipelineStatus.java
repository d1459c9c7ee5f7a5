package com.calliyo.lead.events;

/** One status of a company's pipeline, at its place in the order ({@code position} 0 is first). */
public record PipelineStatus(String id, String name, StatusKind kind, int position) {

    /** The status as lead events carry it; a convenience for consumers, not part of the wire format. */
    public StatusRef toRef() {
        return new StatusRef(id, name, kind);
    }
}
