package com.calliyo.lead.apikey;

import java.util.Arrays;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiScopeTest {

    @Test
    void shouldOfferExactlyTheScopesOfTheSpecTable() {
        assertThat(Arrays.stream(ApiScope.values()).map(ApiScope::value)).containsExactly(
                "leads:read", "leads:write", "customers:read", "users:read", "statuses:read", "tags:read",
                "tags:write", "followups:read", "followups:write", "notes:read", "notes:write", "calls:read",
                "campaigns:read");
    }

    @Test
    void shouldParseOnlyTheExactWireForm() {
        assertThat(ApiScope.fromValue("leads:write")).contains(ApiScope.LEADS_WRITE);
        assertThat(ApiScope.fromValue("LEADS_WRITE")).isEmpty();
        assertThat(ApiScope.fromValue("customers:write")).isEmpty();
        assertThat(ApiScope.fromValue("leads")).isEmpty();
        assertThat(ApiScope.fromValue(null)).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1} needs {2}")
    @CsvSource({
            "GET,    /api/leads,                            leads:read",
            "GET,    /api/leads?status=Unassigned&page=0,   leads:read",
            "HEAD,   /api/leads/l-1,                        leads:read",
            "get,    /api/leads/l-1,                        leads:read",
            "GET,    /api/leads/,                           leads:read",
            "POST,   /api/leads,                            leads:write",
            "PATCH,  /api/leads/l-1,                        leads:write",
            "PUT,    /api/leads/l-1/assignee,               leads:write",
            "POST,   /api/leads/bulk-assign,                leads:write",
            "POST,   /api/leads/imports,                    leads:write",
            "GET,    /api/leads/l-1/calls,                  calls:read",
            "GET,    /api/leads/l-1/notes,                  notes:read",
            "POST,   /api/leads/l-1/notes,                  notes:write",
            "GET,    /api/leads/l-1/follow-ups,             followups:read",
            "POST,   /api/leads/l-1/follow-ups,             followups:write",
            "POST,   /api/follow-ups/f-1/resolve,           followups:write",
            "GET,    /api/follow-ups,                       followups:read",
            "GET,    /api/customers,                        customers:read",
            "GET,    /api/customers/l-1,                    customers:read",
            "GET,    /api/users,                            users:read",
            "GET,    /api/users/u-1,                        users:read",
            "GET,    /api/settings/statuses,                statuses:read",
            "GET,    /api/tags,                             tags:read",
            "POST,   /api/tags,                             tags:write",
            "GET,    /api/campaigns,                        campaigns:read",
    })
    void shouldRequireTheScopeOfTheResource(String method, String path, String scope) {
        assertThat(ApiScope.requiredFor(method, path)).map(ApiScope::value).contains(scope);
    }

    @ParameterizedTest(name = "{0} {1} is not for API keys")
    @CsvSource({
            "DELETE, /api/leads/l-1",
            "POST,   /api/leads/l-1/calls",
            "GET,    /api/leads/l-1/timeline",
            "POST,   /api/customers",
            "POST,   /api/users",
            "PATCH,  /api/users/u-1",
            "POST,   /api/settings/statuses",
            "GET,    /api/settings/statuses/order",
            "GET,    /api/settings/company",
            "GET,    /api/settings/configuration",
            "GET,    /api/settings/api-keys",
            "POST,   /api/settings/api-keys",
            "GET,    /api/settings/webhook-keys",
            "POST,   /api/campaigns",
            "GET,    /api/tasks",
            "POST,   /api/orders",
            "GET,    /api/reports/conversions",
            "POST,   /api/companies",
            "POST,   /api/auth/login",
            "OPTIONS, /api/leads",
            "TRACE,  /api/leads",
            "GET,    /actuator/health",
            "GET,    /leads",
            "GET,    /api",
            "GET,    /api/leads/../settings/company",
            "GET,    /api/leads/./l-1",
            "GET,    /api//leads",
            "GET,    /api/leads/%2e%2e/users",
            "GET,    /api/leads;jsessionid=1",
            "GET,    api/leads",
            "GET,    ''",
    })
    void shouldRefuseWhatNoScopeCovers(String method, String path) {
        assertThat(ApiScope.requiredFor(method, path)).isEmpty();
    }

    @Test
    void shouldRefuseWhenMethodOrPathIsMissing() {
        assertThat(ApiScope.requiredFor(null, "/api/leads")).isEmpty();
        assertThat(ApiScope.requiredFor("GET", null)).isEmpty();
    }
}
