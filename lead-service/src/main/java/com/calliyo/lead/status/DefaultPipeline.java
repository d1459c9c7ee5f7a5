package com.calliyo.lead.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.calliyo.lead.shared.StatusKind;

/**
 * The ten statuses every new company starts with, in order; Unassigned, Followups and Customer are protected.
 * Their ids are derived from the company id, so seeding twice (or from two instances at once) produces the same
 * statuses, and leads written before the pipeline became one document keep resolving.
 */
final class DefaultPipeline {

    private static final List<String> NAMES = List.of("Unassigned", "Assigned", "Followups", "Interested",
            "Not Interested", "Busy", "Not Picked", "Missed", "Wrong Number", "Customer");

    private DefaultPipeline() {
    }

    static List<LeadStatus> forCompany(String companyId) {
        List<LeadStatus> statuses = new ArrayList<>();
        for (int position = 0; position < NAMES.size(); position++) {
            String name = NAMES.get(position);
            StatusKind kind = kindOf(name);
            String id = idOf(companyId, name);
            statuses.add(new LeadStatus(id, companyId, name, kind, kind != StatusKind.OTHER, position));
        }
        return statuses;
    }

    /** The id the default "Assigned" status got in this company (it keeps it across renames and reorders). */
    static String assignedId(String companyId) {
        return idOf(companyId, "Assigned");
    }

    private static String idOf(String companyId, String name) {
        return UUID.nameUUIDFromBytes((companyId + "/" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static StatusKind kindOf(String name) {
        return switch (name) {
            case "Unassigned" -> StatusKind.UNASSIGNED;
            case "Followups" -> StatusKind.FOLLOWUPS;
            case "Customer" -> StatusKind.CUSTOMER;
            default -> StatusKind.OTHER;
        };
    }
}
