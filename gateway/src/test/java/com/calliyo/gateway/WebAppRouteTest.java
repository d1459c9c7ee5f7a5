package com.calliyo.gateway;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** The web client behind "/": its pages and assets are routed without a token; the gateway's own paths are not. */
class WebAppRouteTest extends StubbedGateway {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/sign-in?next=/leads", "/leads/lead-1", "/assets/webjars/htmx.org/dist/htmx.min.js",
            "/css/app.css", "/apiary", "/settings"})
    void shouldRoutePagesToTheWebAppWithoutAToken(String path) {
        anonymous.get().uri(path).exchange().expectStatus().isOk();

        assertThat(WEB_APP.received()).extracting(StubService.Received::uri).containsExactly(path);
        SERVICES.values().forEach(service -> assertThat(service.hits()).isZero());
    }

    @Test
    void shouldRouteFormPostsToTheWebAppWithoutATokenOrCsrfCheckAtTheGateway() {
        anonymous.post().uri("/sign-in").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("email=a%40b.example&password=x").exchange()
                .expectStatus().isOk();

        assertThat(WEB_APP.received()).extracting(StubService.Received::method).containsExactly("POST");
    }

    @Test
    void shouldKeepSecurityHeadersOnPages() {
        anonymous.get().uri("/leads").exchange()
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().exists("X-Request-Id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/nothing-here", "/api", "/.well-known/other", "/fallback/web-app",
            "/v3/api-docs/unknown"})
    void shouldNeverSendTheGatewaysOrTheApisPathsToTheWebApp(String path) {
        anonymous.get().uri(path).exchange();
        client.get().uri(path).exchange();

        assertThat(WEB_APP.hits()).isZero();
    }

    @Test
    void shouldServeItsOwnSwaggerUiAssetsItself() {
        anonymous.get().uri("/webjars/swagger-ui/index.html").exchange().expectStatus().isOk();
        anonymous.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();

        assertThat(WEB_APP.hits()).isZero();
    }

    @Test
    void shouldAnswerProblemJsonWhenTheWebAppIsDown() {
        WEB_APP.stop();

        anonymous.get().uri("/tasks").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.detail").isEqualTo("web-app is not answering; try again shortly");
    }

    @Test
    void shouldAnswerABrowserAPageThatSaysTryAgainWhenTheWebAppIsDown() {
        WEB_APP.stop();

        String page = anonymous.get().uri("/tasks").header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("<h1>Try again.</h1>", "is not answering right now").doesNotContain("<script");
    }

    @Test
    void shouldLetTheImportPageCarryATenMegabyteCsvButOtherPagesOneMegabyte() {
        int oneMegabyte = 1024 * 1024;
        for (String page : new String[] {"/leads/import", "/leads/import/preview"}) {
            anonymous.post().uri(page).contentType(MediaType.TEXT_PLAIN).bodyValue("x".repeat(10 * oneMegabyte))
                    .exchange()
                    .expectStatus().isOk();
        }
        anonymous.post().uri("/leads/new").contentType(MediaType.TEXT_PLAIN).bodyValue("x".repeat(2 * oneMegabyte))
                .exchange()
                .expectStatus().isEqualTo(413);
    }
}
