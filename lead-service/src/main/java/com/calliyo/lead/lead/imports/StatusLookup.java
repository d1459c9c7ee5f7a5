package com.calliyo.lead.lead.imports;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.calliyo.lead.shared.LeadStatusRef;
import com.calliyo.lead.shared.StatusKind;
import com.calliyo.lead.status.LeadStatus;

/** A company's pipeline loaded once per import: statuses by id or case-insensitive name, and the initial one. */
final class StatusLookup {

    private final Map<String, LeadStatusRef> byIdOrName = new HashMap<>();
    private final LeadStatusRef initial;

    StatusLookup(List<LeadStatus> pipeline) {
        LeadStatusRef unassigned = null;
        for (LeadStatus status : pipeline) {
            byIdOrName.putIfAbsent(status.name().toLowerCase(Locale.ROOT), status.toRef());
            if (unassigned == null && status.kind() == StatusKind.UNASSIGNED) {
                unassigned = status.toRef();
            }
        }
        pipeline.forEach(status -> byIdOrName.put(status.id(), status.toRef()));
        if (unassigned == null) {
            throw new IllegalStateException("The company has no Unassigned status");
        }
        this.initial = unassigned;
    }

    LeadStatusRef initial() {
        return initial;
    }

    Optional<LeadStatusRef> find(String idOrName) {
        LeadStatusRef byId = byIdOrName.get(idOrName);
        return Optional.ofNullable(byId != null ? byId : byIdOrName.get(idOrName.toLowerCase(Locale.ROOT)));
    }
}
