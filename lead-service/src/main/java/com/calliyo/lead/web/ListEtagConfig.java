package com.calliyo.lead.web;

import com.calliyo.tokencheck.servlet.ListEtags;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * ETags on the lists a phone polls ({@code GET /api/tasks}, {@code GET /api/leads}), see {@link ListEtags}. A single
 * lead carries its version as ETag instead, for {@code If-Match} on PATCH.
 */
@Configuration(proxyBeanMethods = false)
class ListEtagConfig {

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> listEtags() {
        return ListEtags.on("listEtags", "/api/tasks", "/api/leads");
    }
}
