package com.calliyo.systemtests;

import java.util.ArrayList;
import java.util.List;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core (Deque's rules, run inside Chromium) over every main screen, signed out and signed in as an admin, at
 * desktop and phone width: no serious or critical violation of WCAG 2.1 A/AA.
 */
class WebAccessibilityIT {

    static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private final Suite suite = Suite.shared();

    @Test
    void shouldHaveNoSeriousOrCriticalViolationsOnAnyScreen() {
        Scenario.SignedIn company = Scenario.signUpCompany(suite.gateway());
        String leadId = Scenario.captureLead(company.gateway(), "accessibility");
        List<String> violations = new ArrayList<>();
        try (Browser browser = Browser.open(suite.gateway().baseUrl(), Browser.DESKTOP)) {
            Screen screen = browser.screen();
            for (String path : List.of("/sign-in", "/sign-up")) {
                screen.open(path);
                violations.addAll(check(browser, path));
            }
            WebRolesIT.signIn(screen, WebSignInIT.adminEmail(company));
            screen.heading("Dashboard");
            for (String path : List.of("/dashboard", "/tasks", "/leads", "/leads/new", "/leads/" + leadId,
                    "/leads/" + leadId + "/convert", "/customers", "/reports", "/settings")) {
                screen.open(path);
                violations.addAll(check(browser, path));
            }
            browser.resize(Browser.PHONE);
            for (String path : List.of("/dashboard", "/leads", "/reports")) {
                screen.open(path);
                violations.addAll(check(browser, path + " at 360 px"));
            }
        }
        assertThat(violations).as("serious or critical axe-core violations").isEmpty();
    }

    private static List<String> check(Browser browser, String where) {
        Results results = new AxeBuilder().withTags(WCAG).analyze(browser.driver());
        List<String> found = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                found.add(where + ": " + rule.getId() + " (" + rule.getImpact() + ") " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).limit(10).toList());
            }
        }
        return found;
    }
}
