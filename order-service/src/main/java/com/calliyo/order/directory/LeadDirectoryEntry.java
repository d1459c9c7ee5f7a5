package com.calliyo.order.directory;

import com.calliyo.lead.events.StatusKind;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What order-service knows about a lead, from lead events only, as of {@code version} (the last applied
 * leadVersion): which company it belongs to, whether it is a customer now, who is credited with the conversion
 * ({@code convertedBy} is null unless {@code customer}) and who it is assigned to (null when unassigned), which
 * decides whether an agent may order for it.
 */
@Document(LeadDirectoryEntry.COLLECTION)
public record LeadDirectoryEntry(
        @Id String leadId,
        String companyId,
        long version,
        boolean customer,
        String convertedBy,
        StatusKind statusKind,
        String assignedTo) {

    static final String COLLECTION = "lead_directory";
}
