package com.calliyo.systemtests;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing in and out of the web client on the real stack. */
class WebSignInIT {

    private final Suite suite = Suite.shared();

    @Test
    void shouldSayWhenThePasswordIsWrongAndKeepTheEmail() {
        Scenario.SignedIn company = Scenario.signUpCompany(suite.gateway());
        String email = adminEmail(company);
        try (Browser browser = Browser.open(suite.gateway().baseUrl(), Browser.DESKTOP)) {
            Screen screen = browser.screen();
            screen.open("/sign-in");
            screen.type("Email", email);
            screen.type("Password", "not the password");
            screen.button("Sign in").click();

            assertThat(screen.alert()).contains("Wrong email or password");
            assertThat(screen.field("Email").getDomProperty("value")).isEqualTo(email);
            assertThat(screen.field("Password").getDomProperty("value")).isEmpty();
            browser.screenshots("sign-in-wrong-password");
        }
    }

    @Test
    void shouldComeBackToThePageAskedForAfterSigningInAndForgetTheSessionOnSignOut() {
        Scenario.SignedIn company = Scenario.signUpCompany(suite.gateway());
        try (Browser browser = Browser.open(suite.gateway().baseUrl(), Browser.DESKTOP)) {
            Screen screen = browser.screen();
            screen.open("/customers?q=nobody");
            screen.heading("Sign in");

            screen.type("Email", adminEmail(company));
            screen.type("Password", Scenario.PASSWORD);
            screen.button("Sign in").click();

            screen.heading("Customers");
            assertThat(screen.path()).isEqualTo("/customers?q=nobody");
            // The tokens are HttpOnly: page scripts cannot read them.
            assertThat(String.valueOf(browser.driver().executeScript("return document.cookie"))).doesNotContain(
                    "calliyo_access", "calliyo_refresh");

            screen.click("Sign out");
            screen.heading("Sign in");
            screen.open("/leads");
            screen.heading("Sign in");
            assertThat(screen.path()).startsWith("/sign-in?next=%2Fleads");
        }
    }

    /** Scenario signs up with a fresh address per company; the admin's is in the users list. */
    static String adminEmail(Scenario.SignedIn company) {
        return company.gateway().get("/api/users/" + company.userId()).json().get("email").asString();
    }
}
