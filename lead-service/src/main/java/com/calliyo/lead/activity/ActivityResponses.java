package com.calliyo.lead.activity;

import java.time.Instant;
import java.util.List;

import com.calliyo.lead.lead.domain.Call;
import com.calliyo.lead.lead.domain.Lead;
import com.calliyo.lead.lead.domain.Note;
import com.calliyo.lead.shared.LeadStatusRef;

/** The bodies the activity endpoints answer; each write also says where the lead now stands. */
final class ActivityResponses {

    private ActivityResponses() {
    }

    record CallResponse(String id, String callStatus, int durationSeconds, boolean connected, String note,
                        Instant startedAt, String loggedBy, Instant loggedAt) {

        static CallResponse of(Call call) {
            return new CallResponse(call.id(), call.callStatus().name(), call.durationSeconds(), call.connected(),
                    call.note(), call.startedAt(), call.loggedBy(), call.loggedAt());
        }
    }

    record NoteResponse(String id, String text, String createdBy, Instant createdAt) {

        static NoteResponse of(Note note) {
            return new NoteResponse(note.id(), note.text(), note.createdBy(), note.createdAt());
        }
    }

    /** The lead after the write: a client sees the new status (e.g. Followups) and version without a second GET. */
    record LeadState(String id, long version, LeadStatusRef status, Instant convertedAt, String convertedBy) {

        static LeadState of(Lead lead) {
            return new LeadState(lead.id(), lead.version(), lead.status(), lead.convertedAt(), lead.convertedBy());
        }
    }

    record LoggedCall(CallResponse call, FollowUpResponse followUp, List<FollowUpResponse> resolvedFollowUps,
                      LeadState lead) {
    }

    record FollowUpResult(FollowUpResponse followUp, LeadState lead) {
    }

    record NoteResult(NoteResponse note, LeadState lead) {
    }
}
