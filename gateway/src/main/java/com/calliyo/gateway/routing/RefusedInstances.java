package com.calliyo.gateway.routing;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_LOADBALANCER_RESPONSE_ATTR;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.web.server.ServerWebExchange;

/**
 * The instances that refused one request's connection, kept in the request's exchange attributes so that the load
 * balancer leaves them out when it chooses for the same request's retry. Round robin alone does not know them:
 * under load another request may take the next turn, and the retry would meet the dead instance again.
 */
final class RefusedInstances {

    static final String ATTRIBUTE = RefusedInstances.class.getName();

    private RefusedInstances() {
    }

    /** Notes the instance the load balancer chose for the attempt that just failed to connect. */
    static void rememberChosen(ServerWebExchange exchange) {
        Response<ServiceInstance> chosen = exchange.getAttribute(GATEWAY_LOADBALANCER_RESPONSE_ATTR);
        if (chosen == null || !chosen.hasServer()) {
            return;
        }
        Set<String> refused = exchange.getAttributes().containsKey(ATTRIBUTE)
                ? exchange.getAttribute(ATTRIBUTE) : new HashSet<>();
        refused.add(address(chosen.getServer()));
        exchange.getAttributes().put(ATTRIBUTE, refused);
    }

    /** The instances without those this request was refused by; all of them if that would leave none. */
    static List<ServiceInstance> leaveOut(List<ServiceInstance> instances, Map<String, Object> requestAttributes) {
        if (!(requestAttributes.get(ATTRIBUTE) instanceof Set<?> refused) || refused.isEmpty()) {
            return instances;
        }
        List<ServiceInstance> others = instances.stream()
                .filter(instance -> !refused.contains(address(instance)))
                .toList();
        return others.isEmpty() ? instances : others;
    }

    private static String address(ServiceInstance instance) {
        return instance.getHost() + ":" + instance.getPort();
    }
}
