package com.calliyo.tokencheck.servlet;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * ETags on the reads a phone polls: Spring's {@link ShallowEtagHeaderFilter} hashes a GET's answer, and an
 * {@code If-None-Match} with that hash gets 304 without a body. The server still builds the answer; the phone saves
 * the transfer. Registered with the default order, after Spring Security's filters, so only authenticated answers are
 * tagged. Resources that can be changed with {@code If-Match} carry their version as ETag instead ({@link VersionTags}):
 * leave them out of the patterns, or the hash would replace the version.
 */
public final class ListEtags {

    private ListEtags() {
    }

    /** The filter for these servlet URL patterns (exact paths, or {@code /prefix/*}); GET and HEAD only. */
    public static FilterRegistrationBean<ShallowEtagHeaderFilter> on(String name, String... urlPatterns) {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration =
                new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.addUrlPatterns(urlPatterns);
        registration.setName(name);
        return registration;
    }
}
