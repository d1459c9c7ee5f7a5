package com.calliyo.lead.apikey;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import com.calliyo.lead.caller.Caller;
import com.calliyo.lead.caller.Role;
import com.calliyo.lead.web.ApiException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiKeyServiceTest {

    // the role check comes before any store access, so no store is needed to test it
    private final ApiKeyService service = new ApiKeyService(null, Clock.systemUTC());

    @Test
    void shouldParseScopesIgnoringDuplicatesAndSurroundingSpace() {
        assertThat(ApiKeyService.parseScopes(List.of("leads:read", " leads:write ", "leads:read")))
                .containsExactlyInAnyOrder(ApiScope.LEADS_READ, ApiScope.LEADS_WRITE);
    }

    @Test
    void shouldNameTheUnknownScopeByItsIndex() {
        assertThatThrownBy(() -> ApiKeyService.parseScopes(List.of("leads:read", "customers:write")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(400);
                    assertThat(e.field()).isEqualTo("scopes[1]");
                });
        assertThatThrownBy(() -> ApiKeyService.parseScopes(Arrays.asList("leads:read", "notes:read", null)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.field()).isEqualTo("scopes[2]"));
    }

    @Test
    void shouldLetOnlyAdminsManageKeys() {
        for (Caller caller : List.of(new Caller("c-1", "u-1", Role.MANAGER), new Caller("c-1", "u-2", Role.AGENT),
                Caller.apiKey("c-1", "k-1"))) {
            assertThatThrownBy(() -> service.create(caller, "Zoho", List.of("leads:read")))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(403));
            assertThatThrownBy(() -> service.page(caller, 0, 20))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(403));
            assertThatThrownBy(() -> service.regenerate(caller, "k-2"))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(403));
            assertThatThrownBy(() -> service.revoke(caller, "k-2"))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(403));
        }
    }
}
