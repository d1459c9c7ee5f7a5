package com.calliyo.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Leads screens as an admin and an agent use them on the real stack: import a CSV (preview with the column
 * mapping and a row error, background import to its summary), bulk-assign the imported leads to an agent, schedule
 * a follow-up and edit a lead's email in the lead panel; the agent finds the follow-up on Tasks.
 */
class WebLeadsIT {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd MMM yyyy, HH:mm", Locale.ENGLISH);

    private final Suite suite = Suite.shared();

    @Test
    void shouldImportAssignAndFollowUpLeadsUntilTheAgentSeesTheFollowUpOnTasks() {
        Scenario.SignedIn company = Scenario.signUpCompany(suite.gateway());
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String agentEmail = "agent-" + unique + "@example.com";
        Path csv = csv("""
                FirstName,LastName,Phone,Email,Notes
                Ravi,Rao %1$s,%2$s,ravi-%1$s@example.com,call after 6
                Meena,Iyer %1$s,12,meena-%1$s@example.com,
                Arjun,Nair %1$s,%3$s,,prefers Hindi
                """.formatted(unique, Scenario.uniqueIndianMobile(), Scenario.uniqueIndianMobile()));
        try (Browser browser = Browser.open(suite.gateway().baseUrl(), Browser.DESKTOP)) {
            Screen screen = browser.screen();
            WebRolesIT.signIn(screen, WebSignInIT.adminEmail(company));
            screen.heading("Dashboard");

            screen.click("Settings");
            screen.type("Name", "Vikram Agent");
            screen.type("Email", agentEmail);
            screen.type("Password", Scenario.PASSWORD);
            screen.choose("Role", "Agent");
            screen.type("Lead cap", "5");
            screen.click("Add user");
            screen.awaitText("User added.", false);

            screen.click("Leads");
            screen.click("Import CSV");
            screen.heading("Import CSV");
            screen.field("CSV file").sendKeys(csv.toString());
            screen.click("Preview");
            screen.heading("Preview of " + csv.getFileName());
            screen.awaitText("2 leads would be imported, 0 skipped as duplicates, 1 rows with errors.", false);
            assertThat(screen.text()).contains("Ignored", "First name", "Row 2: ", "Arjun");
            browser.screenshots("import-preview");

            screen.click("Import leads");
            screen.heading("Import summary");
            screen.awaitText("2 leads imported, 0 skipped as duplicates, 1 rows with errors.", false);
            browser.screenshots("import-summary");

            screen.open("/leads?q=" + unique);
            screen.check("Select Ravi Rao " + unique);
            screen.check("Select Arjun Nair " + unique);
            screen.choose("Assign to agent", "Vikram Agent (cap 5)");
            screen.click("Assign selected");
            screen.awaitText("2 leads assigned to Vikram Agent.", false);
            browser.screenshots("bulk-assigned");

            String leadName = "Ravi Rao " + unique;
            screen.click(leadName);
            screen.heading(leadName);
            assertThat(screen.text()).contains("Vikram Agent");
            String followUpAt = screen.field("Follow-up at (company time)").getDomProperty("value");
            String shown = SHOWN.format(LocalDateTime.parse(followUpAt));
            assertThat(LocalDateTime.parse(followUpAt).toLocalTime()).hasToString("10:00");
            screen.type("Follow-up note", "Send the gold plan brochure");
            // Low on the page: scrolled to the middle first, so nothing sticky lies over it when clicked.
            clickCentred(browser, screen.button("Schedule follow-up"));
            screen.awaitText("Follow-up scheduled.", false);
            screen.button("Resolve follow-up of " + shown);
            browser.screenshots("lead-panel-follow-up");

            clickCentred(browser, screen.link("Edit details"));
            screen.heading("Edit details");
            screen.type("Email", "ravi.rao-" + unique + "@example.com");
            screen.click("Save details");
            screen.awaitText("Details saved.", false);
            assertThat(screen.text()).contains("ravi.rao-" + unique + "@example.com");
            screen.click("Sign out");

            WebRolesIT.signIn(screen, agentEmail);
            screen.heading("Tasks");
            screen.awaitText(leadName, true);
            screen.awaitText(shown, false);
            browser.screenshots("tasks-with-follow-up");
            screen.click(leadName);
            screen.heading(leadName);
            screen.awaitText("Send the gold plan brochure", false);
        }
    }

    private static void clickCentred(Browser browser, org.openqa.selenium.WebElement element) {
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private static Path csv(String content) {
        try {
            Path file = Files.createTempFile("web-leads-", ".csv");
            Files.writeString(file, content, StandardCharsets.UTF_8);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
