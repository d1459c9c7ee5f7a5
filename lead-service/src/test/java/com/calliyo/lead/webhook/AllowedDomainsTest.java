package com.calliyo.lead.webhook;

import java.util.Arrays;
import java.util.List;

import com.calliyo.lead.web.ApiException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AllowedDomainsTest {

    private static final List<String> WILDCARD = List.of("*.example.com");
    private static final List<String> EXACT = List.of("example.com");

    @ParameterizedTest
    @ValueSource(strings = {"www.example.com", "a.b.example.com", "WWW.Example.COM", "shop.example.com."})
    void shouldLetSubDomainsThroughAWildcard(String host) {
        assertThat(AllowedDomains.allows(WILDCARD, host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "evil-example.com", "example.com.evil.com", "evilexample.com",
            "www.example.co", "example.org", ".example.com", "www.example.com.evil.com", ""})
    void shouldKeepLookAlikesAndTheApexOutOfAWildcard(String host) {
        assertThat(AllowedDomains.allows(WILDCARD, host)).isFalse();
    }

    @Test
    void shouldMatchAnExactEntryOnlyItself() {
        assertThat(AllowedDomains.allows(EXACT, "example.com")).isTrue();
        assertThat(AllowedDomains.allows(EXACT, "EXAMPLE.com")).isTrue();
        assertThat(AllowedDomains.allows(EXACT, "www.example.com")).isFalse();
        assertThat(AllowedDomains.allows(EXACT, "evil-example.com")).isFalse();
        assertThat(AllowedDomains.allows(EXACT, "example.com.evil.com")).isFalse();
    }

    @Test
    void shouldLetApexAndSubDomainsThroughWhenBothAreListed() {
        List<String> both = List.of("example.com", "*.example.com");

        assertThat(AllowedDomains.allows(both, "example.com")).isTrue();
        assertThat(AllowedDomains.allows(both, "www.example.com")).isTrue();
        assertThat(AllowedDomains.allows(both, "example.net")).isFalse();
    }

    @Test
    void shouldAllowAnyOriginWhenTheListIsEmpty() {
        assertThat(AllowedDomains.allows(List.of(), "anything.test")).isTrue();
    }

    @Test
    void shouldNormaliseEntriesToLowerCaseWithoutDuplicates() {
        assertThat(AllowedDomains.normalise(List.of(" Example.COM ", "*.Example.com", "example.com.", "localhost")))
                .containsExactly("example.com", "*.example.com", "localhost");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://example.com", "example.com:8080", "example.com/path", "*", "*.com", "*example.com",
            "www.*.example.com", "ex ample.com", "-example.com", "example-.com", "exa_mple.com", "example..com",
            "bücher.de", "''"})
    void shouldRefuseEntriesThatAreNotHostNamesOrWildcards(String entry) {
        assertThatThrownBy(() -> AllowedDomains.normalise(List.of("good.example.com", entry)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(400);
                    assertThat(e.field()).isEqualTo("allowedDomains[1]");
                });
    }

    @Test
    void shouldRefuseAMissingEntry() {
        assertThatThrownBy(() -> AllowedDomains.normalise(Arrays.asList("example.com", null)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.field()).isEqualTo("allowedDomains[1]"));
    }
}
