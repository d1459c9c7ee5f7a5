package com.calliyo.lead.activity;

import com.calliyo.lead.caller.Caller;
import com.calliyo.lead.lead.domain.Lead;
import com.calliyo.lead.lead.domain.LeadChange;
import com.calliyo.lead.lead.domain.Note;
import org.springframework.stereotype.Service;

/** Adds a note to a lead or a customer (customers are not frozen: spec V4); never a status change. */
@Service
class AddNote {

    private final LeadWrites writes;

    AddNote(LeadWrites writes) {
        this.writes = writes;
    }

    record Added(Lead lead, Note note) {
    }

    Added add(Caller caller, String leadId, String text) {
        LeadWrites.Written written = writes.write(caller, leadId,
                (lead, now) -> lead.addNote(Note.written(text, caller.userId(), now), now));
        return new Added(written.lead(), written.all(LeadChange.NoteAdded.class).get(0).note());
    }
}
