package com.calliyo.lead.company;

import java.util.List;
import java.util.Map;

import com.calliyo.lead.shared.StatusKind;
import com.calliyo.lead.status.LeadStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ConfigurationRulesTest {

    private static final List<LeadStatus> PIPELINE = List.of(
            new LeadStatus("s-un", "c1", "Unassigned", StatusKind.UNASSIGNED, true, 0),
            new LeadStatus("s-np", "c1", "Not Picked", StatusKind.OTHER, false, 1),
            new LeadStatus("s-cu", "c1", "Customer", StatusKind.CUSTOMER, true, 2));

    private static ConfigurationBody body(Integer target, String show, List<String> statuses, String runAt,
                                          String topUpAt, Integer afterDays) {
        return new ConfigurationBody(target, show, new ConfigurationBody.AutoAssignment(true, statuses, runAt),
                new ConfigurationBody.TopUp(false, topUpAt), new ConfigurationBody.StaleLeads(true, afterDays),
                new ConfigurationBody.OrderModule(true));
    }

    @Test
    void shouldAcceptAValidConfiguration() {
        CompanyConfiguration valid = ConfigurationRules.validate(
                body(0, "AGENT_ONLY", List.of("s-un", "s-np", "s-un"), "09:00", "23:59", 1), PIPELINE);

        assertThat(valid.autoAssignment().statuses()).containsExactly("s-un", "s-np");
        assertThat(valid.autoAssignment().runAt()).isEqualTo("09:00");
        assertThat(valid.staleLeads().afterDays()).isEqualTo(1);
        assertThat(valid.showCustomerTo()).isEqualTo("AGENT_ONLY");
    }

    @Test
    void shouldNameEveryInvalidField() {
        InvalidConfigurationException e = catchThrowableOfType(InvalidConfigurationException.class,
                () -> ConfigurationRules.validate(body(-1, "SOME", List.of("s-cu", "nope"), "9:00", "24:00", 0),
                        PIPELINE));

        @SuppressWarnings("unchecked")
        List<Map<String, String>> errors = (List<Map<String, String>>) e.properties().get("errors");
        assertThat(errors).extracting(error -> error.get("field")).containsExactlyInAnyOrder("dailyCallTarget",
                "showCustomerTo", "autoAssignment.statuses[0]", "autoAssignment.statuses[1]",
                "autoAssignment.runAt", "topUp.runAt", "staleLeads.afterDays");
    }

    @Test
    void shouldRequireEverySection() {
        InvalidConfigurationException e = catchThrowableOfType(InvalidConfigurationException.class,
                () -> ConfigurationRules.validate(new ConfigurationBody(null, null, null, null, null, null),
                        PIPELINE));

        @SuppressWarnings("unchecked")
        List<Map<String, String>> errors = (List<Map<String, String>>) e.properties().get("errors");
        assertThat(errors).extracting(error -> error.get("field")).containsExactlyInAnyOrder("dailyCallTarget",
                "showCustomerTo", "autoAssignment", "topUp", "staleLeads", "orderModule.enabled");
    }

    @Test
    void shouldRejectRunTimesThatAreNotHhMm() {
        for (String bad : List.of("9", "09:0", "09:60", "25:00", "09:00:00", "nine", " 09:00")) {
            assertThat(catchThrowableOfType(InvalidConfigurationException.class,
                    () -> ConfigurationRules.validate(body(10, "ALL", List.of(), bad, "08:00", 30), PIPELINE)))
                    .as(bad).isNotNull();
        }
    }
}
