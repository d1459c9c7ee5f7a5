package com.calliyo.reporting.conversion;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConversionMetricsTest {

    @Test
    void shouldAnswerZeroWhenThereAreNoLeads() {
        assertThat(ConversionMetrics.rate(0, 0)).isZero();
    }

    @Test
    void shouldRoundTheRateToFourDecimalsHalfUp() {
        assertThat(ConversionMetrics.rate(1, 3)).isEqualTo(0.3333);
        assertThat(ConversionMetrics.rate(2, 3)).isEqualTo(0.6667);
        assertThat(ConversionMetrics.rate(1, 8)).isEqualTo(0.125);
        assertThat(ConversionMetrics.rate(1, 20_000)).isEqualTo(0.0001);
        assertThat(ConversionMetrics.rate(1, 30_000)).isZero();
    }

    @Test
    void shouldAnswerOneWhenEveryLeadConverted() {
        assertThat(ConversionMetrics.rate(7, 7)).isEqualTo(1.0);
        assertThat(ConversionMetrics.rate(0, 7)).isZero();
    }

    @Test
    void shouldBuildARowWithItsRate() {
        assertThat(ConversionMetrics.row("web", "web", 4, 1))
                .isEqualTo(new ConversionRow("web", "web", 4, 1, 0.25));
    }

    @Test
    void shouldLabelAMissingKeyPerGrouping() {
        assertThat(ConversionGroup.AGENT.label(null)).isEqualTo("Unassigned");
        assertThat(ConversionGroup.SOURCE.label(null)).isEqualTo("No source");
        assertThat(ConversionGroup.CAMPAIGN.label(null)).isEqualTo("No campaign");
        assertThat(ConversionGroup.AGENT.label("agent-1")).isEqualTo("agent-1");
    }
}
