package com.calliyo.systemtests;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settings in the browser as an admin clicks them on the real stack: a status added, renamed and deleted; an agent
 * added with a lead cap and banned; the admin's own ban refused with the API's reason (409) shown in the page; GST
 * rates set; an API key created with its token shown once.
 */
class WebSettingsIT {

    private final Suite suite = Suite.shared();

    @Test
    void shouldLetAnAdminChangeStatusesUsersGstRatesAndApiKeys() {
        Scenario.SignedIn company = Scenario.signUpCompany(suite.gateway());
        String unique = UUID.randomUUID().toString().substring(0, 8);
        try (Browser browser = Browser.open(suite.gateway().baseUrl(), Browser.DESKTOP)) {
            Screen screen = browser.screen();
            WebRolesIT.signIn(screen, WebSignInIT.adminEmail(company));
            screen.heading("Dashboard");
            screen.click("Settings");
            screen.heading("Company profile");

            // Statuses: add, rename, delete.
            screen.click("Statuses");
            String added = "Callback " + unique;
            String renamed = "Call back later " + unique;
            screen.type("Status name", added);
            press(browser, "Add status");
            see(browser, "Status added.");
            assertThat(screen.text()).contains(added);
            screen.type("New name for " + added, renamed);
            press(browser, "Rename " + added);
            see(browser, "Status renamed.");
            assertThat(screen.text()).contains(renamed).doesNotContain(added);
            browser.screenshots("settings-statuses");
            press(browser, "Delete " + renamed);
            see(browser, "Status deleted.");
            assertThat(screen.text()).doesNotContain(renamed);

            // Drag and drop: the first status dropped below the second; the whole order is saved.
            var before = company.gateway().get("/api/settings/statuses").json().findValuesAsString("id");
            dragBelow(browser, 0, 1);
            see(browser, "Pipeline order saved.");
            var after = company.gateway().get("/api/settings/statuses").json().findValuesAsString("id");
            assertThat(after.subList(0, 2)).containsExactly(before.get(1), before.get(0));
            assertThat(after.subList(2, after.size())).isEqualTo(before.subList(2, before.size()));

            // Users: an agent with a lead cap, then banned.
            screen.click("Users");
            String agentEmail = "agent-" + unique + "@example.com";
            screen.type("Name", "Vikram " + unique);
            screen.type("Email", agentEmail);
            screen.type("Password", Scenario.PASSWORD);
            screen.choose("Role", "Agent");
            screen.type("Lead cap", "25");
            screen.type("Branch", "Pune");
            press(browser, "Add user");
            see(browser, "User added.");
            assertThat(screen.text()).contains(agentEmail, "25", "Pune");
            screen.click("Edit Vikram " + unique);
            screen.check("Banned");
            press(browser, "Save user");
            see(browser, "User saved.");
            assertThat(screen.text()).contains("Banned");
            browser.screenshots("settings-users");

            // The admin cannot ban themself: the API's 409 reason, in the page.
            screen.click("Edit Priya Admin");
            screen.check("Banned");
            press(browser, "Save user");
            assertThat(screen.alert()).contains("ban themself");
            browser.screenshots("settings-user-refused");

            // Order settings: the GST rates the order dialog offers.
            screen.click("Order settings");
            screen.type("GST rates (%)", "0, 5, 12, 18");
            press(browser, "Save GST rates");
            see(browser, "GST rates saved.");
            assertThat(screen.field("GST rates (%)").getDomProperty("value")).isEqualTo("0, 5, 12, 18");
            browser.screenshots("settings-orders");

            // API keys: the token is shown once, with a copy button (scripts run here).
            screen.click("API keys");
            screen.type("Key name", "CRM sync " + unique);
            screen.check("leads:read");
            press(browser, "Create API key");
            String token = screen.field("Token").getDomProperty("value");
            assertThat(token).startsWith("ck_live_");
            assertThat(screen.button("Copy token").isDisplayed()).isTrue();
            browser.screenshots("settings-api-key-created");
            screen.open("/settings/api-keys");
            see(browser, "CRM sync " + unique);
            assertThat(screen.text()).doesNotContain(token);
            assertThat(browser.driver().getPageSource()).doesNotContain(token);

            screen.click("Configuration and jobs");
            screen.heading("Jobs");
            browser.screenshots("settings-configuration");
        }
    }

    /** Submits with the button named so, scrolled to the middle at once first (Bootstrap's smooth scrolling otherwise
     * leaves it moving when ChromeDriver clicks, low on these long pages). */
    private static void press(Browser browser, String button) {
        WebElement target = browser.screen().button(button);
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", target);
        target.click();
    }

    /** Waits for the text after a post and its redirect: the page may be replaced while it is read. */
    static void see(Browser browser, String expected) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                .withMessage(() -> "text \"" + expected + "\" on " + browser.driver().getCurrentUrl())
                .until(d -> browser.screen().text().contains(expected));
    }

    /**
     * A mouse drag of one status by its handle onto the lower half of another. ChromeDriver's pointer actions do
     * not start HTML5 drag and drop, so the browser's own drag events are dispatched, in the order a drag fires them,
     * to the page's real script.
     */
    private static void dragBelow(Browser browser, int from, int onto) {
        browser.driver().executeScript("""
                var items = document.querySelectorAll('[data-reorder] li[data-status-id]');
                var dragged = items[arguments[0]], target = items[arguments[1]];
                var data = new DataTransfer();
                dragged.querySelector('[data-drag-handle]').dispatchEvent(new MouseEvent('mousedown', {bubbles: true}));
                dragged.dispatchEvent(new DragEvent('dragstart', {bubbles: true, dataTransfer: data}));
                var box = target.getBoundingClientRect();
                target.dispatchEvent(new DragEvent('dragover', {bubbles: true, cancelable: true, dataTransfer: data,
                    clientY: box.bottom - 2}));
                target.dispatchEvent(new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: data}));
                dragged.dispatchEvent(new DragEvent('dragend', {bubbles: true, dataTransfer: data}));
                """, from, onto);
    }
}
