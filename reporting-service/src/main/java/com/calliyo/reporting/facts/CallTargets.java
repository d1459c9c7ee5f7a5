package com.calliyo.reporting.facts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

/**
 * A company's daily call target over time: every change, by the time it took effect (the settings event's
 * occurredAt; the higher settingsVersion wins a tie). A local day is measured against the target in force at the
 * END of that day, i.e. the last change before the next local midnight: an admin who sets today's target in the
 * afternoon means it for today, which is also what the agent's dashboard showed them last that day.
 */
public record CallTargets(List<Change> changes) {

    // declared before NONE: the constructor of NONE sorts with it
    private static final Comparator<Change> EFFECT_ORDER = Comparator.comparing(Change::effectiveAt)
            .thenComparingLong(Change::settingsVersion);

    public static final CallTargets NONE = new CallTargets(List.of());

    /** {@code dailyCallTarget} null or below 1 means "no target" from {@code effectiveAt} on. */
    public record Change(Instant effectiveAt, long settingsVersion, Integer dailyCallTarget) {
    }

    public CallTargets {
        changes = changes.stream().filter(c -> c.effectiveAt() != null).sorted(EFFECT_ORDER).toList();
    }

    /** The target in force at the end of local {@code day} in {@code zone}; null when none was set by then. */
    public Integer inForceOn(LocalDate day, ZoneId zone) {
        Instant endOfDay = day.plusDays(1).atStartOfDay(zone).toInstant();
        Integer target = null;
        for (Change change : changes) {
            if (!change.effectiveAt().isBefore(endOfDay)) {
                break;
            }
            target = change.dailyCallTarget();
        }
        return target == null || target <= 0 ? null : target;
    }
}
