package com.calliyo.web.auth;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SignInRedirectTest {

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
            "/leads/lead-1, /leads/lead-1",
            "/leads?q=ravi, /leads?q=ravi",
            "//evil.example/x, /",
            "https://evil.example, /",
            "/\\evil.example, /",
            "/sign-in?next=/x, /",
            "NULL, /",
            "leads, /"})
    void shouldOnlyGoBackToAPageOfThisSite(String next, String expected) {
        assertThat(SignInRedirect.safe(next)).isEqualTo(expected);
    }
}
