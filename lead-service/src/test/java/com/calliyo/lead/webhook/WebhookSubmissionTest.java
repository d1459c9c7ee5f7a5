package com.calliyo.lead.webhook;

import com.calliyo.lead.web.ApiException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSubmissionTest {

    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();
    private final Validator validator = VALIDATION.getValidator();
    private final JsonMapper json = JsonMapper.builder().build();

    @AfterAll
    static void close() {
        VALIDATION.close();
    }

    @Test
    void shouldReadNamePhoneAndEmailAndIgnoreEverythingElse() {
        WebhookLead lead = lead("""
                {"name":"Asha Devi Rao","phone":"+91 98765 43210","email":" asha@example.com ",
                 "utm_source":"fb","tags":["vip"],"status":"Customer"}""");

        assertThat(lead).isEqualTo(new WebhookLead("Asha", "Devi Rao", "+91 98765 43210", "asha@example.com",
                null, null));
    }

    @Test
    void shouldKeepThePostedSourceAndCampaignForCaptureToCheck() {
        WebhookLead lead = lead("""
                {"name":"Asha","phone":"9876543210","source":" facebook ","campaign":"diwali"}""");

        assertThat(lead.source()).isEqualTo(" facebook ");
        assertThat(lead.campaign()).isEqualTo("diwali");
        assertThatThrownBy(() -> lead("{\"name\":\"Asha\",\"phone\":\"9876543210\",\"campaign\":[\"x\"]}"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.field()).isEqualTo("campaign"));
    }

    @Test
    void shouldAcceptAPhoneSentAsANumber() {
        assertThat(lead("{\"name\":\"Asha\",\"phone\":9876543210}").phone()).isEqualTo("9876543210");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"phone\":\"9876543210\"}", "{\"name\":\"  \",\"phone\":\"9876543210\"}",
            "{\"name\":null,\"phone\":\"9876543210\"}", "{\"name\":42,\"phone\":\"9876543210\"}",
            "{\"name\":[\"Asha\"],\"phone\":\"9876543210\"}"})
    void shouldNameTheNameFieldWhenThereIsNoFirstName(String body) {
        assertThatThrownBy(() -> lead(body)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status().value()).isEqualTo(400);
            assertThat(e.field()).isEqualTo("name");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\":\"Asha\"}", "{\"name\":\"Asha\",\"phone\":\"\"}",
            "{\"name\":\"Asha\",\"phone\":{\"n\":1}}", "{\"name\":\"Asha\",\"phone\":98.5}"})
    void shouldNameThePhoneFieldWhenItIsMissingOrOfTheWrongType(String body) {
        assertThatThrownBy(() -> lead(body))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.field()).isEqualTo("phone"));
    }

    @Test
    void shouldNameTheEmailFieldWhenItIsNotAnEmail() {
        assertThatThrownBy(() -> lead("{\"name\":\"Asha\",\"phone\":\"9876543210\",\"email\":\"not an email\"}"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.field()).isEqualTo("email"));
        assertThat(lead("{\"name\":\"Asha\",\"phone\":\"9876543210\",\"email\":\"\"}").email()).isNull();
    }

    @Test
    void shouldNameTheFirstBadFieldInFormOrder() {
        assertThatThrownBy(() -> lead("{\"email\":\"nope\"}"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> lead("{\"name\":\"" + "x".repeat(101) + "\",\"phone\":\"1\"}"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.field()).isEqualTo("name"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"https://spam.test\"", "\"x\"", "1", "true", "[\"x\"]", "{\"a\":1}"})
    void shouldSpotAFilledHoneypot(String value) {
        JsonNode body = json.readTree("{\"name\":\"Bot\",\"company_url\":" + value + "}");

        assertThat(WebhookSubmission.fillsHoneypot(body, "company_url")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\":\"Asha\"}", "{\"company_url\":\"\"}", "{\"company_url\":\"  \"}",
            "{\"company_url\":null}", "{\"company_url\":false}", "{\"company_url\":[]}", "{\"Company_URL\":\"x\"}"})
    void shouldLetAnEmptyHoneypotThrough(String body) {
        assertThat(WebhookSubmission.fillsHoneypot(json.readTree(body), "company_url")).isFalse();
    }

    @Test
    void shouldIgnoreTheHoneypotWhenTheKeyHasNone() {
        assertThat(WebhookSubmission.fillsHoneypot(json.readTree("{\"company_url\":\"x\"}"), null)).isFalse();
    }

    private WebhookLead lead(String body) {
        return WebhookLead.of(WebhookSubmission.of(json.readTree(body))).validate(validator);
    }
}
