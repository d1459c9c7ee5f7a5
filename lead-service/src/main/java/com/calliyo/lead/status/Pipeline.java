package com.calliyo.lead.status;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.calliyo.lead.shared.StatusKind;

/**
 * A company's status pipeline: its statuses in order and a version that grows by one with every change. It is
 * stored as one document, so each change below is a single compare-and-set on {@link #version()}: two admins
 * editing at once never lose an update, the loser re-applies its change to the winner's pipeline.
 * <p>
 * Immutable: every rule returns the next pipeline, returns {@code this} when nothing would change (no new version,
 * no event), or throws the error the client gets. Names are trimmed (inner runs of whitespace become one space),
 * 1 to {@value #MAX_NAME_LENGTH} characters, and unique within the company ignoring case.
 */
final class Pipeline {

    static final int MAX_NAME_LENGTH = 50;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final String companyId;
    private final long version;
    private final List<LeadStatus> statuses;

    Pipeline(String companyId, long version, List<LeadStatus> statuses) {
        this.companyId = Objects.requireNonNull(companyId);
        this.version = version;
        List<LeadStatus> ordered = new ArrayList<>();
        for (LeadStatus status : statuses) {
            ordered.add(new LeadStatus(status.id(), companyId, status.name(), status.kind(), status.protectedStatus(),
                    ordered.size()));
        }
        this.statuses = List.copyOf(ordered);
    }

    /** The default pipeline a company starts with, version 1. */
    static Pipeline initial(String companyId) {
        return new Pipeline(companyId, 1, DefaultPipeline.forCompany(companyId));
    }

    String companyId() {
        return companyId;
    }

    long version() {
        return version;
    }

    /** The statuses in order, {@code position} equal to the index. */
    List<LeadStatus> statuses() {
        return statuses;
    }

    Optional<LeadStatus> byId(String id) {
        return statuses.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The status with this name, ignoring case and surrounding whitespace. */
    Optional<LeadStatus> byName(String name) {
        String wanted = key(normalise(name));
        return statuses.stream().filter(s -> key(s.name()).equals(wanted)).findFirst();
    }

    /** The status with this id; 404 when the company has none (a foreign id is reported exactly like a missing one). */
    LeadStatus status(String id) {
        return byId(id).orElseThrow(() -> new StatusNotFoundException(id));
    }

    /** Appends a status of kind OTHER at the end of the pipeline. */
    Pipeline add(String id, String name) {
        String valid = validName(name);
        requireUnique(valid, null);
        List<LeadStatus> next = new ArrayList<>(statuses);
        next.add(new LeadStatus(id, companyId, valid, StatusKind.OTHER, false, next.size()));
        return next(next);
    }

    /** Renames a status in place (same id, same position); leads on it show the new name at once. */
    Pipeline rename(String id, String name) {
        LeadStatus status = status(id);
        String valid = validName(name);
        if (status.protectedStatus()) {
            throw StatusConflictException.protectedStatus(status, "renamed");
        }
        if (valid.equals(status.name())) {
            return this;
        }
        requireUnique(valid, id);
        return next(statuses.stream()
                .map(s -> s.id().equals(id) ? new LeadStatus(id, companyId, valid, s.kind(), false, s.position()) : s)
                .toList());
    }

    /** Removes a status that is not protected; whether leads still use it is checked by the caller. */
    Pipeline delete(String id) {
        LeadStatus status = status(id);
        if (status.protectedStatus()) {
            throw StatusConflictException.protectedStatus(status, "deleted");
        }
        return next(statuses.stream().filter(s -> !s.id().equals(id)).toList());
    }

    /** Puts the statuses in the given order, which must name every status of the company exactly once. */
    Pipeline reorder(List<String> ids) {
        if (ids == null) {
            throw new InvalidStatusRequestException("ids", "must list every status id of the company in the new order");
        }
        Set<String> seen = new HashSet<>();
        Set<String> repeated = new LinkedHashSet<>();
        Set<String> unknown = new LinkedHashSet<>();
        for (String id : ids) {
            if (!seen.add(id)) {
                repeated.add(id);
            } else if (id == null || byId(id).isEmpty()) {
                unknown.add(String.valueOf(id));
            }
        }
        List<String> missing = statuses.stream().map(LeadStatus::id).filter(id -> !seen.contains(id)).toList();
        if (!repeated.isEmpty() || !unknown.isEmpty() || !missing.isEmpty()) {
            throw new InvalidStatusRequestException("ids", reorderProblem(repeated, unknown, missing));
        }
        if (ids.equals(statuses.stream().map(LeadStatus::id).toList())) {
            return this;
        }
        return next(ids.stream().map(this::status).toList());
    }

    private static String reorderProblem(Set<String> repeated, Set<String> unknown, List<String> missing) {
        List<String> problems = new ArrayList<>();
        if (!repeated.isEmpty()) {
            problems.add("lists " + String.join(", ", repeated) + " more than once");
        }
        if (!unknown.isEmpty()) {
            problems.add("lists " + String.join(", ", unknown) + ", which " + (unknown.size() == 1 ? "is" : "are")
                    + " not a status of this company");
        }
        if (!missing.isEmpty()) {
            problems.add("misses " + String.join(", ", missing));
        }
        return "must list every status id of the company exactly once: it " + String.join("; it ", problems);
    }

    private Pipeline next(List<LeadStatus> next) {
        return new Pipeline(companyId, version + 1, next);
    }

    private void requireUnique(String name, String exceptId) {
        byName(name).filter(other -> !other.id().equals(exceptId)).ifPresent(other -> {
            throw StatusConflictException.nameTaken(other.name());
        });
    }

    /** Trimmed, inner whitespace collapsed, 1 to 50 characters, no control characters; 400 naming {@code name}. */
    static String validName(String raw) {
        String name = normalise(raw);
        if (name.isEmpty()) {
            throw new InvalidStatusRequestException("name", "must not be blank");
        }
        if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            throw new InvalidStatusRequestException("name", "must be at most " + MAX_NAME_LENGTH + " characters");
        }
        if (CONTROL.matcher(name).find()) {
            throw new InvalidStatusRequestException("name", "must not contain control characters");
        }
        return name;
    }

    private static String normalise(String raw) {
        return raw == null ? "" : WHITESPACE.matcher(raw.strip()).replaceAll(" ");
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
