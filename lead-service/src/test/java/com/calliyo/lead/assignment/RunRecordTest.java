package com.calliyo.lead.assignment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RunRecordTest {

    @Test
    void shouldReadLikeTheSettingsPanelsLastRunLine() {
        assertThat(RunRecord.assignmentSummary(42, 6, 3))
                .isEqualTo("42 leads assigned across 6 agents, 3 unassigned (agents at cap)");
        assertThat(RunRecord.assignmentSummary(1, 1, 0))
                .isEqualTo("1 lead assigned across 1 agent, 0 unassigned (agents at cap)");
        assertThat(RunRecord.assignmentSummary(0, 0, 5))
                .isEqualTo("0 leads assigned across 0 agents, 5 unassigned (agents at cap)");
    }

    @Test
    void shouldSaySingularForOneStaleLead() {
        assertThat(RunRecord.staleSummary(1, 1, 30))
                .isEqualTo("1 stale lead returned to Unassigned from 1 agent (no activity for 30 days)");
    }
}
