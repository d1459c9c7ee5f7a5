package com.calliyo.order.orders;

import com.calliyo.tokencheck.servlet.ListEtags;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * An ETag on the order list ({@code GET /api/orders}) for a phone that polls it ({@link ListEtags}). Only the exact
 * path: one order carries its version as ETag ({@code OrderController}), which {@code If-Match} on PATCH needs.
 */
@Configuration(proxyBeanMethods = false)
class OrderListEtagConfig {

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> orderListEtags() {
        return ListEtags.on("orderListEtags", "/api/orders");
    }
}
