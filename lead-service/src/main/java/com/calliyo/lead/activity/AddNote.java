package com.calliyo.lead.activity;

import com.calliyo.lead.caller.Caller;
import com.calliyo.lead.lead.domain.Lead;
import com.calliyo.lead.lead.domain.LeadChange;
import com.calliyo.lead.lead.domain.Note;
import org.springframework.stereotype.Service;

/**
 * Adds a note to a lead or a customer (customers are not frozen: spec V4); never a status change. Public for the
 * inbound webhook, which notes a repeated submission on the lead that already has the phone.
 */
@Service
public class AddNote {

    private final LeadWrites writes;
    private final CustomerVisibility customers;

    AddNote(LeadWrites writes, CustomerVisibility customers) {
        this.writes = writes;
        this.customers = customers;
    }

    public record Added(Lead lead, Note note) {
    }

    public Added add(Caller caller, String leadId, String text) {
        // whoever may see a customer may add a note to it (an agent under "Show customer to: All")
        LeadWrites.Written written = writes.write(caller, leadId, customers::canSee,
                (lead, now) -> lead.addNote(Note.written(text, caller.userId(), now), now));
        return new Added(written.lead(), written.all(LeadChange.NoteAdded.class).get(0).note());
    }
}
