package com.calliyo.reporting.facts;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * All of one company's facts as of one count of its writes ({@link FactGenerations}): what every report is computed
 * from. Immutable; {@link #with} makes the next one from the facts stamped since.
 */
public final class FactSnapshot {

    private final long generation;
    private final Instant loadedAt;
    private final Facts<LeadFact> leads;
    private final Facts<OrderFact> orders;
    private final Facts<CallFact> calls;
    private final CompanyFacts company;

    private FactSnapshot(long generation, Instant loadedAt, Facts<LeadFact> leads, Facts<OrderFact> orders,
                         Facts<CallFact> calls, CompanyFacts company) {
        this.generation = generation;
        this.loadedAt = loadedAt;
        this.leads = leads;
        this.orders = orders;
        this.calls = calls;
        this.company = company;
    }

    /** The facts as read, taken to be those of write count {@code generation}. */
    static FactSnapshot of(long generation, Instant loadedAt, FactChanges facts, CompanyFacts company) {
        return new FactSnapshot(generation, loadedAt, Facts.of(facts.leads(), LeadFact::leadId),
                Facts.of(facts.orders(), OrderFact::orderId), Facts.of(facts.calls(), CallFact::callId), company);
    }

    /** This snapshot with {@code changes} (the facts stamped after it) laid over it, as of {@code next}. */
    FactSnapshot with(long next, FactChanges changes, CompanyFacts nextCompany) {
        return new FactSnapshot(next, loadedAt, leads.with(changes.leads()), orders.with(changes.orders()),
                calls.with(changes.calls()), nextCompany);
    }

    public Collection<LeadFact> leads() {
        return leads.all();
    }

    public Collection<OrderFact> orders() {
        return orders.all();
    }

    public Collection<CallFact> calls() {
        return calls.all();
    }

    public CompanyFacts company() {
        return company;
    }

    long generation() {
        return generation;
    }

    /** When the facts were last read whole (an overlay keeps the time of the read it started from). */
    Instant loadedAt() {
        return loadedAt;
    }

    /** How many facts it holds: its weight in the cache. */
    int size() {
        return leads.size() + orders.size() + calls.size();
    }

    /** Facts read from the store: a company's whole set, or those stamped after some write count. */
    public record FactChanges(List<LeadFact> leads, List<OrderFact> orders, List<CallFact> calls) {
    }

    /**
     * Facts in an array, which every report walks (a walk over a hash map's nodes cost reports more than their
     * arithmetic), with each id's place for the overlays. Neither is changed once built: an overlay copies.
     */
    private static final class Facts<F> {

        private final F[] facts;
        private final Map<String, Integer> places;
        private final Function<F, String> id;

        private Facts(F[] facts, Map<String, Integer> places, Function<F, String> id) {
            this.facts = facts;
            this.places = places;
            this.id = id;
        }

        @SuppressWarnings("unchecked")
        static <F> Facts<F> of(List<F> read, Function<F, String> id) {
            Map<String, Integer> places = new HashMap<>(Math.max(16, read.size() * 4 / 3 + 1));
            F[] facts = (F[]) new Object[read.size()];
            int size = 0;
            for (F fact : read) {
                Integer place = places.putIfAbsent(id.apply(fact), size);
                if (place == null) {
                    facts[size++] = fact;
                } else {
                    facts[place] = fact; // one fact per id, however the store answered
                }
            }
            return new Facts<>(Arrays.copyOf(facts, size), places, id);
        }

        Facts<F> with(List<F> changed) {
            if (changed.isEmpty()) {
                return this;
            }
            F[] next = Arrays.copyOf(facts, facts.length + changed.size());
            Map<String, Integer> nextPlaces = places;
            int size = facts.length;
            for (F fact : changed) {
                Integer place = nextPlaces.get(id.apply(fact));
                if (place == null) {
                    if (nextPlaces == places) {
                        nextPlaces = new HashMap<>(places);
                    }
                    place = size++;
                    nextPlaces.put(id.apply(fact), place);
                }
                next[place] = fact;
            }
            return new Facts<>(Arrays.copyOf(next, size), nextPlaces, id);
        }

        Collection<F> all() {
            return Collections.unmodifiableList(Arrays.asList(facts));
        }

        int size() {
            return facts.length;
        }
    }
}
