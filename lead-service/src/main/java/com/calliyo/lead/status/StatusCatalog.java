package com.calliyo.lead.status;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.calliyo.lead.lead.domain.LeadStatusRef;
import com.calliyo.lead.lead.domain.StatusKind;
import org.springframework.stereotype.Service;

/** Looks up a company's statuses by id or (case-insensitive) name, seeding the default pipeline on first use. */
@Service
public class StatusCatalog {

    private final LeadStatusRepository statuses;

    StatusCatalog(LeadStatusRepository statuses) {
        this.statuses = statuses;
    }

    public List<LeadStatus> pipeline(String companyId) {
        List<LeadStatus> pipeline = statuses.findByCompanyIdOrderByPositionAsc(companyId);
        if (!pipeline.isEmpty()) {
            return pipeline;
        }
        statuses.saveAll(DefaultPipeline.forCompany(companyId));
        return statuses.findByCompanyIdOrderByPositionAsc(companyId);
    }

    public Optional<LeadStatusRef> find(String companyId, String idOrName) {
        String wanted = idOrName.trim().toLowerCase(Locale.ROOT);
        return pipeline(companyId).stream()
                .filter(s -> s.id().equals(idOrName.trim()) || s.name().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst()
                .map(LeadStatus::toRef);
    }

    public LeadStatusRef initial(String companyId) {
        return pipeline(companyId).stream()
                .filter(s -> s.kind() == StatusKind.UNASSIGNED)
                .findFirst()
                .map(LeadStatus::toRef)
                .orElseThrow(() -> new IllegalStateException("Company " + companyId + " has no Unassigned status"));
    }
}
