package com.calliyo.systemtests;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Follow-up reminders in a real Chromium: the page asks for permission with "Turn on reminders", plans a
 * notification at T − 5 min and T − 30 s for each follow-up due today, and rings with the lead's name and "Followup
 * call". The browser's notifications are recorded by a stand-in, so the test sees exactly what would pop up.
 */
class WebRemindersIT {

    private final Suite suite = Suite.shared();

    @Test
    void shouldPlanBothAlarmsOfEachFollowUpAndRingWithTheLeadsName() {
        Scenario.SignedIn company = Scenario.signUpCompany(suite.gateway());
        try (Browser browser = Browser.open(suite.gateway().baseUrl(), Browser.DESKTOP)) {
            Screen screen = browser.screen();
            screen.open("/sign-in");
            WebRolesIT.signIn(screen, WebSignInIT.adminEmail(company));
            screen.heading("Dashboard");
            assertThat(browser.driver().executeScript(
                    "return document.getElementById('reminders-button').hidden")).as("asks first").isEqualTo(false);

            browser.driver().executeScript("""
                    window.rung = [];
                    window.Notification = function (title, options) { window.rung.push({title: title,
                        body: options.body}); };
                    window.Notification.permission = 'granted';""");
            Instant dueAt = Instant.now().plus(Duration.ofMinutes(5)).plusSeconds(2);
            browser.driver().executeScript("window.calliyoReminders.plan(arguments[0]);", List.of(Map.of(
                    "followUpId", "f-1", "leadName", "Ravi Rao", "dueAt", dueAt.toString(), "url", "/leads/l-1")));

            @SuppressWarnings("unchecked")
            List<Map<String, Object>> planned = (List<Map<String, Object>>) browser.driver()
                    .executeScript("return window.calliyoReminders.scheduled;");
            Instant due = dueAt.truncatedTo(ChronoUnit.MILLIS);
            assertThat(planned).extracting(entry -> Instant.parse(entry.get("at").toString()))
                    .containsExactly(due.minus(Duration.ofMinutes(5)), due.minusSeconds(30));
            assertThat(planned).extracting(entry -> entry.get("leadName")).containsOnly("Ravi Rao");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(browser.driver()
                    .executeScript("return window.rung;")).asList().containsExactly(
                            Map.of("title", "Ravi Rao", "body", "Followup call")));
        }
    }
}
