package com.calliyo.lead.assignment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Places leads on agents, least-loaded first, never above an agent's cap: pure, deterministic for the same inputs.
 * Each lead in turn goes to the agent with the fewest leads who still has room (ties: the lead's current agent if it
 * is one of them, so an even spread moves as few leads as possible; then the agent id). That keeps the spread as even
 * as possible: every agent who got a lead ends at most one above any agent who still has room. A lead is left out only
 * when every agent is at cap.
 */
final class Distribution {

    private Distribution() {
    }

    /** An agent who may receive leads: {@code load} leads held now (not counting the pool), at most {@code cap}. */
    record AgentLoad(String agentId, int cap, int load) {
    }

    /** A lead to place, in the order given; {@code currentAgent} is who holds it now (or null). */
    record Candidate(String leadId, String currentAgent) {
    }

    record Placement(String leadId, String fromAgent, String toAgent) {

        boolean moves() {
            return !toAgent.equals(fromAgent);
        }
    }

    record Plan(List<Placement> placements, List<Candidate> leftOver, Map<String, Integer> loads) {
    }

    private record Slot(int load, String agentId) {
    }

    private static final Comparator<Slot> LEAST_LOADED = Comparator.comparingInt(Slot::load)
            .thenComparing(Slot::agentId);

    static Plan distribute(List<AgentLoad> agents, List<Candidate> pool) {
        Map<String, Integer> caps = new HashMap<>();
        Map<String, Integer> loads = new LinkedHashMap<>();
        TreeSet<Slot> withRoom = new TreeSet<>(LEAST_LOADED);
        for (AgentLoad agent : agents) {
            caps.put(agent.agentId(), agent.cap());
            loads.put(agent.agentId(), agent.load());
            if (agent.load() < agent.cap()) {
                withRoom.add(new Slot(agent.load(), agent.agentId()));
            }
        }
        List<Placement> placements = new ArrayList<>();
        List<Candidate> leftOver = new ArrayList<>();
        for (Candidate lead : pool) {
            if (withRoom.isEmpty()) {
                leftOver.add(lead);
                continue;
            }
            Slot chosen = withRoom.first();
            Slot own = lead.currentAgent() == null ? null
                    : new Slot(loads.getOrDefault(lead.currentAgent(), -1), lead.currentAgent());
            if (own != null && own.load() == chosen.load() && withRoom.contains(own)) {
                chosen = own;
            }
            withRoom.remove(chosen);
            int load = chosen.load() + 1;
            loads.put(chosen.agentId(), load);
            if (load < caps.get(chosen.agentId())) {
                withRoom.add(new Slot(load, chosen.agentId()));
            }
            placements.add(new Placement(lead.leadId(), lead.currentAgent(), chosen.agentId()));
        }
        return new Plan(List.copyOf(placements), List.copyOf(leftOver), Map.copyOf(loads));
    }
}
