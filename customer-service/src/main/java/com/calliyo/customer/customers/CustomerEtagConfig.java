package com.calliyo.customer.customers;

import com.calliyo.tokencheck.servlet.ListEtags;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * ETags on the customer list and on one customer, for a phone that polls them ({@link ListEtags}): a customer is a
 * read model nobody PATCHes here, so a hash of the answer is all a client needs for {@code If-None-Match} → 304.
 */
@Configuration(proxyBeanMethods = false)
class CustomerEtagConfig {

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> customerEtags() {
        return ListEtags.on("customerEtags", "/api/customers", "/api/customers/*");
    }
}
