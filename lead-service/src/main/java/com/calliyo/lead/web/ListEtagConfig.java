package com.calliyo.lead.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * ETags on the lists a phone polls ({@code GET /api/tasks}, {@code GET /api/leads}): Spring's filter hashes the answer,
 * and an {@code If-None-Match} with that hash gets 304 without a body. The server still builds the list; the phone
 * saves the transfer. Single resources carry their version as ETag instead ({@link VersionTags}). Registered after
 * Spring Security's filters (default order), so only authenticated answers are tagged.
 */
@Configuration(proxyBeanMethods = false)
class ListEtagConfig {

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> listEtags() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration =
                new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.addUrlPatterns("/api/tasks", "/api/leads");
        registration.setName("listEtags");
        return registration;
    }
}
