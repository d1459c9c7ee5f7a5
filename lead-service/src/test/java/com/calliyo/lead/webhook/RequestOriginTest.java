package com.calliyo.lead.webhook;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestOriginTest {

    @Test
    void shouldTakeTheHostOfTheOriginIgnoringPortAndCase() {
        assertThat(RequestOrigin.host("https://Shop.Example.com:8443", null)).contains("shop.example.com");
        assertThat(RequestOrigin.host("http://localhost:3000", null)).contains("localhost");
    }

    @Test
    void shouldFallBackToTheRefererOnlyWithoutAnOrigin() {
        assertThat(RequestOrigin.host(null, "https://www.example.com/landing?utm=x")).contains("www.example.com");
        assertThat(RequestOrigin.host(" ", "https://www.example.com/")).contains("www.example.com");
        assertThat(RequestOrigin.host("https://evil.test", "https://www.example.com/")).contains("evil.test");
    }

    @Test
    void shouldFindNoHostInOpaqueMissingOrMalformedOrigins() {
        assertThat(RequestOrigin.host("null", "https://www.example.com/")).isEmpty();
        assertThat(RequestOrigin.host(null, null)).isEmpty();
        assertThat(RequestOrigin.host("file:///tmp/form.html", null)).isEmpty();
        assertThat(RequestOrigin.host("example.com", null)).isEmpty();
        assertThat(RequestOrigin.host("https://exa mple.com", null)).isEmpty();
        assertThat(RequestOrigin.host(null, "javascript:alert(1)")).isEmpty();
    }

    @Test
    void shouldNotBeFooledByUserInfoInTheReferer() {
        assertThat(RequestOrigin.host(null, "https://example.com@evil.test/form")).contains("evil.test");
    }
}
