package com.calliyo.systemtests;

import java.util.UUID;

import com.calliyo.localstack.ServiceModule;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The error paths as a user meets them in the browser on the real stack: the API's problem beside the field it
 * names, a duplicate phone with a link to the lead that has it, a double click that creates one lead, what a role
 * cannot do, and a service that does not answer (the "Try again." banner, the input kept).
 */
class WebErrorsIT {

    private final Suite suite = Suite.shared();

    @Test
    void shouldShowFieldErrorsBesideTheFieldAndLinkADuplicateToItsLead() {
        Scenario.SignedIn company = Scenario.signUpCompany(suite.gateway());
        String existing = Scenario.captureLead(company.gateway(), "errors");
        String existingPhone = company.gateway().get("/api/leads/" + existing).json().get("phone").asString();
        try (Browser browser = Browser.open(suite.gateway().baseUrl(), Browser.DESKTOP)) {
            Screen screen = browser.screen();
            WebRolesIT.signIn(screen, WebSignInIT.adminEmail(company));
            screen.heading("Dashboard");

            screen.open("/leads/new");
            screen.type("First name", "Kiran");
            screen.type("Phone", "12");
            screen.click("Save lead");
            screen.heading("Add lead");
            WebElement phone = screen.field("Phone");
            assertThat(phone.getDomAttribute("aria-invalid")).isEqualTo("true");
            String describedBy = phone.getDomAttribute("aria-describedby");
            assertThat(browser.driver().findElement(org.openqa.selenium.By.id(describedBy)).getText())
                    .as("the API's words beside the phone").isNotBlank();
            assertThat(screen.field("First name").getDomProperty("value")).isEqualTo("Kiran");
            browser.screenshots("add-lead-field-error");

            screen.type("Phone", existingPhone);
            screen.click("Save lead");
            screen.awaitText("This phone number already belongs to a lead", false);
            screen.click("Open the existing lead");
            assertThat(screen.path()).isEqualTo("/leads/" + existing);
            assertThat(screen.text()).doesNotContain("Exception", "at com.");
        }
    }

    @Test
    void shouldCreateOneLeadWhenSaveIsDoubleClicked() {
        Scenario.SignedIn company = Scenario.signUpCompany(suite.gateway());
        String phone = Scenario.uniqueIndianMobile();
        try (Browser browser = Browser.open(suite.gateway().baseUrl(), Browser.DESKTOP)) {
            Screen screen = browser.screen();
            WebRolesIT.signIn(screen, WebSignInIT.adminEmail(company));
            screen.heading("Dashboard");
            screen.open("/leads/new");
            screen.type("First name", "Twice");
            screen.type("Phone", phone);

            new Actions(browser.driver()).doubleClick(screen.button("Save lead")).perform();

            screen.awaitText("Twice", false);
            assertThat(screen.path()).startsWith("/leads/");
        }
        Gateway.Response found = company.gateway().get("/api/leads?q=" + phone.substring(3));
        assertThat(found.json().get("total").asInt()).as(found.body()).isEqualTo(1);
    }

    @Test
    void shouldSayWhatAnAgentsRoleCannotDo() {
        Scenario.SignedIn company = Scenario.signUpCompany(suite.gateway());
        String agentEmail = "agent-" + UUID.randomUUID() + "@example.com";
        assertThat(company.gateway().post("/api/users", """
                {"name":"Asha Agent","email":"%s","password":"%s","role":"AGENT"}
                """.formatted(agentEmail, Scenario.PASSWORD)).status()).isEqualTo(201);
        try (Browser browser = Browser.open(suite.gateway().baseUrl(), Browser.PHONE)) {
            Screen screen = browser.screen();
            WebRolesIT.signIn(screen, agentEmail);
            screen.heading("Tasks");

            screen.open("/leads/import");
            assertThat(screen.alert()).contains("Your role (Agent) cannot");
            browser.screenshots("agent-import-refused");
        }
    }

    @Test
    void shouldOfferTryAgainAndKeepTheInputWhenAServiceDoesNotAnswer() throws Exception {
        Scenario.SignedIn company = Scenario.signUpCompany(suite.gateway());
        try (Browser browser = Browser.open(suite.gateway().baseUrl(), Browser.DESKTOP)) {
            Screen screen = browser.screen();
            WebRolesIT.signIn(screen, WebSignInIT.adminEmail(company));
            screen.heading("Dashboard");
            screen.open("/settings/orders");
            screen.type("GST rates (%)", "0, 5, 12, 18, 28");

            var frozen = suite.freeze(ServiceModule.ORDER_SERVICE);
            assumeTrue(frozen.isPresent(), "needs the stack the tests started");
            try (AutoCloseable thawed = frozen.get()) {
                screen.click("Save GST rates");
                assertThat(screen.alert()).contains("Try again.");
                assertThat(screen.field("GST rates (%)").getDomProperty("value")).isEqualTo("0, 5, 12, 18, 28");
                assertThat(screen.text()).doesNotContain("Exception", "at com.");
                browser.screenshots("order-settings-try-again");
            }
            screen.click("Save GST rates");
            screen.awaitText("GST rates saved", false);
        }
    }
}
