package com.calliyo.reporting.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.calliyo.reporting.facts.LeadFact;

/**
 * The keys a lead counts under and the readable label of each key. Keys are ids or raw values; a missing key is
 * null and reads "Unassigned", "No source", "No campaign" or "No plan". Tags have no ids: the key is the tag name
 * lower-cased (so "Hot" and "hot" are one row) and the label its first spelling in alphabetical order.
 */
final class Groups {

    static final Comparator<String> KEY_ORDER = Comparator.nullsLast(Comparator.naturalOrder());

    private final Map<String, String> userNames;
    private final Collection<LeadFact> leads;
    private Map<String, String> tagSpellings; // only tag rows need them: worked out on the first tag label
    /** Tag keys by tag list: leads share few distinct lists, so each is worked out once per report. */
    private final Map<List<String>, List<String>> tagKeysByList = new HashMap<>();

    private Groups(Map<String, String> userNames, Collection<LeadFact> leads) {
        this.userNames = userNames;
        this.leads = leads;
    }

    static Groups of(Map<String, String> userNames, Collection<LeadFact> leads) {
        return new Groups(userNames, leads);
    }

    private Map<String, String> tagSpellings() {
        if (tagSpellings == null) {
            Set<List<String>> lists = new HashSet<>();
            for (LeadFact lead : leads) {
                lists.add(lead.tags());
            }
            // the first spelling depends only on which tags occur, so each distinct list is read once
            Map<String, String> spellings = new TreeMap<>();
            for (List<String> tags : lists) {
                for (String tag : tags) {
                    if (tag != null && !tag.isBlank()) {
                        spellings.merge(tagKey(tag), tag.trim(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
                    }
                }
            }
            tagSpellings = spellings;
        }
        return tagSpellings;
    }

    /** The keys {@code lead} counts under; one, except for tags (one per distinct tag, none without tags). */
    List<String> keys(LeadFact lead, GroupBy group) {
        return switch (group) {
            case AGENT -> Collections.singletonList(lead.agent());
            case SOURCE -> Collections.singletonList(lead.source());
            case CAMPAIGN -> Collections.singletonList(lead.campaign());
            case TAG -> tagKeysByList.computeIfAbsent(lead.tags(), Groups::tagKeys);
            case PLAN -> throw new IllegalArgumentException("plan is a key of orders, not of leads");
        };
    }

    static List<String> tagKeys(List<String> tags) {
        if (tags.size() == 1) { // most leads: no list to search for repeats
            String tag = tags.get(0);
            return tag == null || tag.isBlank() ? List.of() : List.of(tagKey(tag));
        }
        List<String> keys = new ArrayList<>(tags.size());
        for (String tag : tags) {
            if (tag != null && !tag.isBlank()) {
                String key = tagKey(tag);
                if (!keys.contains(key)) {
                    keys.add(key);
                }
            }
        }
        return keys;
    }

    static String tagKey(String tag) {
        return tag.trim().toLowerCase(Locale.ROOT); // both return the tag itself when there is nothing to change
    }

    String label(GroupBy group, String key) {
        return switch (group) {
            case AGENT -> key == null ? "Unassigned" : userNames.getOrDefault(key, key);
            case SOURCE -> key == null ? "No source" : key;
            case CAMPAIGN -> key == null ? "No campaign" : key;
            case TAG -> tagSpellings().getOrDefault(key, key);
            case PLAN -> key == null ? "No plan" : key;
        };
    }

    String agentLabel(String agentId) {
        return label(GroupBy.AGENT, agentId);
    }
}
