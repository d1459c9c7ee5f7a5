package com.calliyo.reporting.facts;

import java.util.Comparator;
import java.util.List;

import com.calliyo.lead.events.CompanyEvent;
import com.calliyo.lead.events.CompanySettingsChanged;
import com.calliyo.lead.events.CompanyStatusesChanged;
import com.calliyo.lead.events.PipelineStatus;
import com.calliyo.lead.events.StatusRef;
import com.calliyo.lead.events.UserChanged;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The only writer of company facts. Settings (timezone, daily call target, the pipeline as settings saw it) are kept
 * behind settingsVersion, the pipeline from {@code statuses_changed} behind pipelineVersion: two version sequences,
 * so two documents, each guarded by its own compare-and-set. Each settings event also adds its daily call target to
 * the company's target history (one immutable entry per settingsVersion, effective at the event's occurredAt), so a
 * past day keeps the target that was in force then, whatever order the events arrive in. Users
 * ({@code user_changed}, behind userVersion) give report rows their agents' names.
 */
@Component
public class CompanyFactProjection {

    private final VersionedFacts settings;
    private final VersionedFacts callTargets;
    private final VersionedFacts pipelines;
    private final VersionedFacts users;

    /** A company fact written counts as a write of the company's facts: kept snapshots read them again. */
    public CompanyFactProjection(MongoTemplate mongo) {
        FactGenerations generations = new FactGenerations(mongo);
        FactWriteCounting byId = FactWriteCounting.counted(generations, fact -> fact.getString("_id"));
        FactWriteCounting byCompany = FactWriteCounting.counted(generations,
                fact -> fact.getString("companyId"));
        this.settings = new VersionedFacts(mongo, FactCollections.COMPANY_SETTINGS, byId);
        this.callTargets = new VersionedFacts(mongo, FactCollections.COMPANY_CALL_TARGETS, byCompany);
        this.pipelines = new VersionedFacts(mongo, FactCollections.COMPANY_PIPELINES, byId);
        this.users = new VersionedFacts(mongo, FactCollections.USERS, byCompany);
    }

    public void apply(CompanyEvent event) {
        if (event instanceof CompanySettingsChanged changed) {
            settings.put(changed.companyId(), changed.settingsVersion(), new Document("timezone", changed.timezone())
                    .append("dailyCallTarget", changed.dailyCallTarget())
                    .append("statuses", statuses(changed.statuses())));
            callTargets.insertIfAbsent(new Document("_id", changed.companyId() + "/" + changed.settingsVersion())
                    .append("companyId", changed.companyId())
                    .append("settingsVersion", changed.settingsVersion())
                    .append("effectiveAt", LeadFactProjection.date(changed.occurredAt()))
                    .append("dailyCallTarget", changed.dailyCallTarget()));
        } else if (event instanceof CompanyStatusesChanged changed) {
            List<StatusRef> ordered = changed.statuses().stream()
                    .sorted(Comparator.comparingInt(PipelineStatus::position))
                    .map(PipelineStatus::toRef)
                    .toList();
            pipelines.put(changed.companyId(), changed.pipelineVersion(), new Document("statuses", statuses(ordered)));
        } else if (event instanceof UserChanged user && user.userId() != null) {
            // a banned user keeps their name: their past conversions and calls still read as theirs. Keyed per
            // company, so no other company's event can ever rename one of this company's rows.
            users.put(user.companyId() + "/" + user.userId(), user.userVersion(), new Document("companyId",
                    user.companyId())
                    .append("userId", user.userId())
                    .append("name", user.name())
                    .append("role", user.role())
                    .append("banned", user.banned()));
        }
    }

    private static List<Document> statuses(List<StatusRef> statuses) {
        if (statuses == null) {
            return List.of();
        }
        return statuses.stream()
                .map(s -> new Document("id", s.id()).append("name", s.name())
                        .append("kind", s.kind() == null ? null : s.kind().name()))
                .toList();
    }
}
