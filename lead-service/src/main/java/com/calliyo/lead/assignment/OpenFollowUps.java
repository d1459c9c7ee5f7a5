package com.calliyo.lead.assignment;

import java.time.Instant;
import java.util.Set;

/**
 * HOOK for the follow-ups feature: which leads of the company have an open follow-up scheduled after {@code now}.
 * The jobs leave those leads alone (spec A6, §3.7). Until a bean implements it, no lead is skipped.
 */
public interface OpenFollowUps {

    /** Lead ids with an open follow-up due after {@code now}; one query per run, never one per lead. */
    Set<String> leadsWithOpenFutureFollowUp(String companyId, Instant now);
}
