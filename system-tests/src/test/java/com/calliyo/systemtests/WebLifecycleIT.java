package com.calliyo.systemtests;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web client end to end, clicked the way a team uses it, through the gateway at "/" on the real stack: a company
 * signs up, sets its GSTIN, adds a lead, logs a call, converts it with an order (GST split shown), finds it in
 * Customers with its order, and moves it back to the pipeline.
 */
class WebLifecycleIT {

    private final Suite suite = Suite.shared();

    @Test
    void shouldTakeALeadFromCaptureToCustomerWithAnOrderAndBack() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String phone = Scenario.uniqueIndianMobile();
        try (Browser browser = Browser.open(suite.gateway().baseUrl(), Browser.DESKTOP)) {
            Screen screen = browser.screen();

            screen.open("/");
            screen.heading("Sign in");
            browser.screenshots("sign-in");
            screen.click("Create company");
            screen.heading("Create company");
            screen.type("Company name", "Web Test Loans " + unique);
            screen.choose("Time zone", "Asia/Kolkata");
            screen.type("Your name", "Asha Admin");
            screen.type("Email", "asha-" + unique + "@example.com");
            screen.type("Password", Scenario.PASSWORD);
            screen.button("Create company").click();

            screen.heading("Dashboard");
            assertThat(screen.hasLink("Settings")).isTrue();
            browser.screenshots("dashboard");

            screen.click("Settings");
            screen.type("GSTIN", "29AAGCB7383J1Z4");
            screen.click("Save company profile");
            screen.awaitText("Company profile saved.", false);

            screen.click("Leads");
            screen.click("Add lead");
            screen.type("First name", "Ravi");
            screen.type("Last name", "Rao " + unique);
            screen.type("Phone", phone);
            screen.type("Email", "ravi-" + unique + "@example.com");
            screen.type("Tags (comma separated)", "hot, loan");
            screen.type("Source", "webform");
            screen.type("Campaign", "diwali-" + unique);
            screen.click("Save lead");

            String leadName = "Ravi Rao " + unique;
            screen.heading(leadName);
            String leadPath = screen.path();
            assertThat(leadPath).startsWith("/leads/");

            screen.choose("Call status", "Called");
            screen.type("Duration (seconds)", "95");
            screen.type("Call note", "Wants the gold plan");
            screen.click("Log call");
            screen.awaitText("Call: CALLED · 95 s", false);
            screen.awaitText("Wants the gold plan", false);
            browser.screenshots("lead-panel");

            screen.choose("Status", "Customer");
            screen.click("Change status");
            screen.heading("Convert " + leadName + " to customer");
            screen.type("Plan", "Gold");
            screen.type("Amount (₹)", "10000.00");
            screen.check("Tax on top");
            screen.choose("GST rate (%)", "18 %");
            screen.choose("Payment status", "Pending");
            browser.screenshots("convert-dialog");
            screen.click("Save order and convert");

            screen.heading(leadName + " is a customer");
            screen.awaitText("CGST ₹900.00", false);
            screen.awaitText("SGST ₹900.00", false);
            screen.awaitText("Total ₹11800.00", false);
            browser.screenshots("converted-with-gst");

            screen.click("Open customer");
            screen.awaitText("₹11800.00", true);
            screen.heading(leadName);
            assertThat(screen.text()).contains("Gold", "PENDING", "Wants the gold plan");
            browser.screenshots("customer");

            screen.click("Reports");
            // Revenue by agent: the taxable value of the order, credited to the admin who converted.
            screen.awaitText("10000.00", true);
            browser.screenshots("reports");

            screen.click("Customers");
            screen.awaitText(leadName, true);
            screen.open("/leads?q=" + unique);
            screen.awaitText("No leads match.", true);

            screen.open("/customers/" + leadPath.substring("/leads/".length()));
            screen.choose("Status", "Interested");
            screen.click("Change status");
            screen.heading(leadName);
            assertThat(screen.path()).isEqualTo(leadPath);
            screen.open("/customers?q=" + unique);
            screen.awaitText("No customers yet.", true);
            screen.open("/leads?q=" + unique);
            screen.awaitText(leadName, true);
        }
    }
}
