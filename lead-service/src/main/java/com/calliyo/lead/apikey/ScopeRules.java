package com.calliyo.lead.apikey;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import static com.calliyo.lead.apikey.ApiScope.CALLS_READ;
import static com.calliyo.lead.apikey.ApiScope.CAMPAIGNS_READ;
import static com.calliyo.lead.apikey.ApiScope.CUSTOMERS_READ;
import static com.calliyo.lead.apikey.ApiScope.FOLLOWUPS_READ;
import static com.calliyo.lead.apikey.ApiScope.FOLLOWUPS_WRITE;
import static com.calliyo.lead.apikey.ApiScope.LEADS_READ;
import static com.calliyo.lead.apikey.ApiScope.LEADS_WRITE;
import static com.calliyo.lead.apikey.ApiScope.NOTES_READ;
import static com.calliyo.lead.apikey.ApiScope.NOTES_WRITE;
import static com.calliyo.lead.apikey.ApiScope.STATUSES_READ;
import static com.calliyo.lead.apikey.ApiScope.TAGS_READ;
import static com.calliyo.lead.apikey.ApiScope.TAGS_WRITE;
import static com.calliyo.lead.apikey.ApiScope.USERS_READ;

/**
 * Which scope a request needs. Deny by default: a path that is not listed here, an unusual method or a path that is
 * not plainly normalised (dot segments, double slashes, encoded characters) needs a scope no key can have.
 */
final class ScopeRules {

    private static final Pattern PLAIN_PATH = Pattern.compile("/[A-Za-z0-9._~\\-/]*");
    private static final List<String> WRITES = List.of("POST", "PUT", "PATCH", "DELETE");

    private ScopeRules() {
    }

    static Optional<ApiScope> requiredFor(String method, String path) {
        if (method == null || path == null) {
            return Optional.empty();
        }
        String verb = method.toUpperCase(Locale.ROOT);
        verb = verb.equals("HEAD") ? "GET" : verb;
        int query = path.indexOf('?');
        String plain = query < 0 ? path : path.substring(0, query);
        if (!PLAIN_PATH.matcher(plain).matches() || plain.contains("//")) {
            return Optional.empty();
        }
        List<String> segments = Arrays.asList(plain.substring(1).split("/"));
        if (segments.size() < 2 || !segments.get(0).equals("api")
                || segments.stream().anyMatch(s -> s.equals(".") || s.equals(".."))) {
            return Optional.empty();
        }
        return switch (segments.get(1)) {
            case "leads" -> leads(verb, segments);
            case "follow-ups" -> readOrWrite(verb, FOLLOWUPS_READ, FOLLOWUPS_WRITE);
            case "tags" -> readOrWrite(verb, TAGS_READ, TAGS_WRITE);
            case "customers" -> readOnly(verb, CUSTOMERS_READ);
            case "users" -> readOnly(verb, USERS_READ);
            case "campaigns" -> readOnly(verb, CAMPAIGNS_READ);
            case "settings" -> segments.equals(List.of("api", "settings", "statuses"))
                    ? readOnly(verb, STATUSES_READ) : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** {@code /api/leads/{id}/<part>}: calls, notes and follow-ups have their own scopes. */
    private static Optional<ApiScope> leads(String verb, List<String> segments) {
        if (segments.size() < 4) {
            return verb.equals("DELETE") ? Optional.empty() : readOrWrite(verb, LEADS_READ, LEADS_WRITE);
        }
        return switch (segments.get(3)) {
            case "calls" -> readOnly(verb, CALLS_READ);
            case "notes" -> readOrWrite(verb, NOTES_READ, NOTES_WRITE);
            case "follow-ups" -> readOrWrite(verb, FOLLOWUPS_READ, FOLLOWUPS_WRITE);
            // the timeline shows calls, notes and follow-ups together: no single scope covers it
            case "timeline" -> Optional.empty();
            default -> verb.equals("DELETE") ? Optional.empty() : readOrWrite(verb, LEADS_READ, LEADS_WRITE);
        };
    }

    private static Optional<ApiScope> readOrWrite(String verb, ApiScope read, ApiScope write) {
        if (verb.equals("GET")) {
            return Optional.of(read);
        }
        return WRITES.contains(verb) ? Optional.of(write) : Optional.empty();
    }

    private static Optional<ApiScope> readOnly(String verb, ApiScope read) {
        return verb.equals("GET") ? Optional.of(read) : Optional.empty();
    }
}
