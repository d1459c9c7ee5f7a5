package com.calliyo.order.directory;

import com.calliyo.lead.events.StatusKind;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What order-service knows about a lead, from lead events only, as of {@code version} (the last applied
 * leadVersion): which company it belongs to, whether it is a customer now and who is credited with the conversion
 * ({@code convertedBy} is null unless {@code customer}).
 */
@Document(LeadDirectoryEntry.COLLECTION)
public record LeadDirectoryEntry(
        @Id String leadId,
        @Indexed String companyId,
        long version,
        boolean customer,
        String convertedBy,
        StatusKind statusKind) {

    static final String COLLECTION = "lead_directory";
}
