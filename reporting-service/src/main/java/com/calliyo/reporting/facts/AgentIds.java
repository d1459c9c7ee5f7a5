package com.calliyo.reporting.facts;

/**
 * Which recorded user ids are people who can be credited. Leads captured or imported straight into Customer were
 * once credited to whoever created them, including the pseudo-users {@code webhook:<id>} and {@code apikey:<id>};
 * lead-service now credits the assignee or no one (null). Events already published still carry pseudo-users, so
 * every report reads them as no one.
 */
public final class AgentIds {

    private static final String[] PSEUDO_USER_PREFIXES = {"webhook:", "apikey:"};

    private AgentIds() {
    }

    /** {@code userId} when it names a person; null for no one, a blank id or a pseudo-user. */
    public static String person(String userId) {
        if (userId == null || userId.isBlank()) {
            return null;
        }
        for (String prefix : PSEUDO_USER_PREFIXES) {
            if (userId.startsWith(prefix)) {
                return null;
            }
        }
        return userId;
    }
}
