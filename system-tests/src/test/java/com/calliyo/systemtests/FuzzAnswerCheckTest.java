package com.calliyo.systemtests;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FuzzAnswerCheckTest {

    static final String PROBLEM = "application/problem+json";

    @Test
    void shouldPassAProblemJson400AndAPlain200() {
        assertThat(FuzzAnswerCheck.violations(new Gateway.Response(400,
                "{\"status\":400,\"detail\":\"page must be 0 or more\"}", PROBLEM))).isEmpty();
        assertThat(FuzzAnswerCheck.violations(new Gateway.Response(200, "{\"items\":[]}", "application/json")))
                .isEmpty();
    }

    @Test
    void shouldFlagEvery5xx() {
        assertThat(FuzzAnswerCheck.violations(new Gateway.Response(500, "{\"status\":500}", PROBLEM)))
                .containsExactly("status 500");
        assertThat(FuzzAnswerCheck.violations(new Gateway.Response(503, "{\"status\":503}", PROBLEM)))
                .containsExactly("status 503");
    }

    @Test
    void shouldFlagA4xxThatIsNotProblemJson() {
        assertThat(FuzzAnswerCheck.violations(new Gateway.Response(415, "", "")))
                .containsExactly("415 as '', not application/problem+json");
        assertThat(FuzzAnswerCheck.violations(new Gateway.Response(400, "{\"error\":\"Bad Request\"}",
                "application/json"))).hasSize(1);
    }

    @Test
    void shouldFlagStackTracesAndExceptionTextInAnyAnswer() {
        String trace = "java.lang.IllegalArgumentException: Page index must not be less than zero\n"
                + "\tat org.springframework.data.domain.AbstractPageRequest.<init>(AbstractPageRequest.java:47)";
        assertThat(FuzzAnswerCheck.violations(new Gateway.Response(400, "{\"detail\":\"" + trace + "\"}", PROBLEM)))
                .containsExactly("stack trace or exception text in the body");
        assertThat(FuzzAnswerCheck.violations(new Gateway.Response(200,
                "{\"trace\":\"at com.calliyo.order.web.OrderController.list(OrderController.java:80)\"}",
                "application/json"))).hasSize(1);
        assertThat(FuzzAnswerCheck.violations(new Gateway.Response(400,
                "{\"detail\":\"tools.jackson.core.exc.StreamConstraintsException\"}", PROBLEM))).hasSize(1);
    }

    @Test
    void shouldNotMistakeOrdinaryTextForAStackTrace() {
        assertThat(FuzzAnswerCheck.violations(new Gateway.Response(400,
                "{\"detail\":\"Look at company settings. Errors: name must not be blank\"}", PROBLEM))).isEmpty();
    }
}
