package com.calliyo.gateway.routing;

import com.calliyo.tokencheck.instances.LoadBalancedCalls;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Each service's instances configured as plain URLs ({@code <SERVICE>_URLS}, else the one {@code <SERVICE>_URL}),
 * each URL one instance: token-check's converter, the one the services use for their calls to lead-service.
 */
@Configuration(proxyBeanMethods = false)
@Import(LoadBalancedCalls.class)
class InstanceLists {
}
