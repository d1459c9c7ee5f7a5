package com.calliyo.localstack;

import java.util.Map;

/**
 * What several instances or brokers add to a service's environment: the gateway gets every instance of each service
 * ({@code <SERVICE>_URLS}) and the instance health check of its load balancer; the services that ask lead-service
 * (its key set; order-service's lead lookups) get every lead-service instance ({@code LEAD_SERVICE_URLS}), so one
 * stopped instance does not stop them; every service gets the topics'
 * replication ({@code CALLIYO_TOPIC_REPLICATION_FACTOR}, {@code CALLIYO_TOPIC_MIN_INSYNC_REPLICAS}) unless the
 * launcher's environment sets it. One instance and one broker add nothing, so that stack runs as before.
 */
final class ScaleOut {

    private static final Map<ServiceModule, String> URLS_VARIABLES = Map.of(
            ServiceModule.LEAD_SERVICE, "LEAD_SERVICE_URLS",
            ServiceModule.CUSTOMER_SERVICE, "CUSTOMER_SERVICE_URLS",
            ServiceModule.ORDER_SERVICE, "ORDER_SERVICE_URLS",
            ServiceModule.REPORTING_SERVICE, "REPORTING_SERVICE_URLS",
            ServiceModule.WEBHOOK_SERVICE, "WEBHOOK_SERVICE_URLS");

    private ScaleOut() {
    }

    static void addTo(Map<String, String> env, ServiceModule module, LocalStackConfig config) {
        if (module == ServiceModule.GATEWAY && config.replicas() > 1) {
            URLS_VARIABLES.forEach((service, variable) -> env.put(variable, config.serviceUrls(service)));
            env.putIfAbsent("CALLIYO_LOADBALANCER_CONFIGURATIONS", "health-check");
        }
        if (ServiceLaunch.verifiesLeadServiceTokens(module) && config.replicas() > 1) {
            env.put("LEAD_SERVICE_URLS", config.serviceUrls(ServiceModule.LEAD_SERVICE));
        }
        if (config.kafkaBrokers() > 1) {
            env.putIfAbsent("CALLIYO_TOPIC_REPLICATION_FACTOR", Integer.toString(config.topicReplicationFactor()));
            env.putIfAbsent("CALLIYO_TOPIC_MIN_INSYNC_REPLICAS", Integer.toString(config.topicMinInsyncReplicas()));
        }
    }
}
