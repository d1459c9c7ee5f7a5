package com.calliyo.lead.assignment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-style: many seeded random cases (jqwik is not available offline), each checked against the rules of
 * spec A7–A9. A failing case names its seed, so it can be replayed.
 */
class DistributionTest {

    private static final int CASES = 3000;

    @Test
    void shouldKeepEveryRuleOverRandomInputs() {
        for (long seed = 1; seed <= CASES; seed++) {
            Random random = new Random(seed);
            List<Distribution.AgentLoad> agents = randomAgents(random);
            List<Distribution.Candidate> pool = randomPool(random, agents);

            Distribution.Plan plan = Distribution.distribute(agents, pool);

            checkRules("seed " + seed, agents, pool, plan);
        }
    }

    @Test
    void shouldSpreadEvenlyWhenAgentsStartEmpty() {
        for (long seed = 1; seed <= CASES; seed++) {
            Random random = new Random(seed);
            List<Distribution.AgentLoad> agents = new ArrayList<>();
            int count = 1 + random.nextInt(12);
            for (int i = 0; i < count; i++) {
                agents.add(new Distribution.AgentLoad("a" + i, 1 + random.nextInt(30), 0));
            }
            List<Distribution.Candidate> pool = new ArrayList<>();
            for (int i = random.nextInt(200); i > 0; i--) {
                pool.add(new Distribution.Candidate("l" + i, null));
            }

            Distribution.Plan plan = Distribution.distribute(agents, pool);

            List<Integer> notAtCap = agents.stream().filter(a -> plan.loads().get(a.agentId()) < a.cap())
                    .map(a -> plan.loads().get(a.agentId())).toList();
            if (!notAtCap.isEmpty()) {
                int max = notAtCap.stream().mapToInt(Integer::intValue).max().orElseThrow();
                int min = notAtCap.stream().mapToInt(Integer::intValue).min().orElseThrow();
                assertThat(max - min).as("seed %d: max-min among agents not at cap", seed).isLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void shouldBeDeterministic() {
        Random random = new Random(42);
        List<Distribution.AgentLoad> agents = randomAgents(random);
        List<Distribution.Candidate> pool = randomPool(random, agents);

        assertThat(Distribution.distribute(agents, pool)).isEqualTo(Distribution.distribute(agents, pool));
    }

    @Test
    void shouldLeaveLeadsOnlyWhenEveryAgentIsAtCap() {
        List<Distribution.AgentLoad> agents = List.of(new Distribution.AgentLoad("a", 2, 1),
                new Distribution.AgentLoad("b", 1, 0));
        List<Distribution.Candidate> pool = List.of(new Distribution.Candidate("l1", null),
                new Distribution.Candidate("l2", null), new Distribution.Candidate("l3", null));

        Distribution.Plan plan = Distribution.distribute(agents, pool);

        assertThat(plan.placements()).extracting(Distribution.Placement::toAgent).containsExactly("b", "a"); // least loaded first
        assertThat(plan.leftOver()).extracting(Distribution.Candidate::leadId).containsExactly("l3");
    }

    @Test
    void shouldKeepALeadWithItsAgentWhenThatIsAsEvenAsAnyOtherChoice() {
        List<Distribution.AgentLoad> agents = List.of(new Distribution.AgentLoad("a", 5, 0),
                new Distribution.AgentLoad("b", 5, 0));

        Distribution.Plan plan = Distribution.distribute(agents, List.of(new Distribution.Candidate("l1", "b")));

        assertThat(plan.placements()).containsExactly(new Distribution.Placement("l1", "b", "b"));
        assertThat(plan.placements().get(0).moves()).isFalse();
    }

    private static void checkRules(String name, List<Distribution.AgentLoad> agents,
                                   List<Distribution.Candidate> pool, Distribution.Plan plan) {
        Map<String, Distribution.AgentLoad> byId = new HashMap<>();
        agents.forEach(a -> byId.put(a.agentId(), a));
        Map<String, Integer> received = new HashMap<>();
        Set<String> placed = new HashSet<>();
        for (Distribution.Placement placement : plan.placements()) {
            assertThat(byId).as(name + ": placed on an eligible agent").containsKey(placement.toAgent());
            assertThat(placed.add(placement.leadId())).as(name + ": placed once").isTrue();
            received.merge(placement.toAgent(), 1, Integer::sum);
        }
        assertThat(plan.placements().size() + plan.leftOver().size()).as(name + ": every lead accounted for")
                .isEqualTo(pool.size());
        for (Distribution.AgentLoad agent : agents) {
            int finalLoad = agent.load() + received.getOrDefault(agent.agentId(), 0);
            assertThat(plan.loads().get(agent.agentId())).as(name).isEqualTo(finalLoad);
            if (received.containsKey(agent.agentId())) {
                assertThat(finalLoad).as(name + ": cap of " + agent.agentId()).isLessThanOrEqualTo(agent.cap());
            }
        }
        if (!plan.leftOver().isEmpty()) {
            assertThat(agents).as(name + ": leads left only when every agent is at cap")
                    .allSatisfy(a -> assertThat(plan.loads().get(a.agentId())).isGreaterThanOrEqualTo(a.cap()));
        }
        // even: whoever received a lead ends at most one above any agent that still has room
        int minWithRoom = agents.stream().filter(a -> plan.loads().get(a.agentId()) < a.cap())
                .mapToInt(a -> plan.loads().get(a.agentId())).min().orElse(Integer.MAX_VALUE);
        received.keySet().forEach(agent -> assertThat(plan.loads().get(agent)).as(name + ": even spread")
                .isLessThanOrEqualTo(minWithRoom == Integer.MAX_VALUE ? Integer.MAX_VALUE : minWithRoom + 1));
    }

    private static List<Distribution.AgentLoad> randomAgents(Random random) {
        List<Distribution.AgentLoad> agents = new ArrayList<>();
        for (int i = random.nextInt(15); i > 0; i--) {
            int cap = random.nextInt(40);
            agents.add(new Distribution.AgentLoad("agent-" + i, cap, random.nextInt(cap + 5)));
        }
        return agents;
    }

    private static List<Distribution.Candidate> randomPool(Random random, List<Distribution.AgentLoad> agents) {
        List<Distribution.Candidate> pool = new ArrayList<>();
        for (int i = random.nextInt(300); i > 0; i--) {
            String owner = agents.isEmpty() || random.nextInt(3) == 0 ? null
                    : random.nextInt(5) == 0 ? "gone-user" : agents.get(random.nextInt(agents.size())).agentId();
            pool.add(new Distribution.Candidate("lead-" + i, owner));
        }
        return pool;
    }
}
