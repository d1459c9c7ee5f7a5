package com.calliyo.gateway.routing;

import java.util.List;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.RequestDataContext;
import org.springframework.cloud.loadbalancer.core.SelectedInstanceCallback;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Flux;

/**
 * Wraps a service's instance list (health-checked or not) so that a request's retry is not balanced onto an
 * instance that already refused that request's connection ({@link RefusedInstances}). Requests without a refusal
 * see the list unchanged.
 */
final class AvoidRefusedInstancesSupplier implements ServiceInstanceListSupplier, SelectedInstanceCallback {

    private final ServiceInstanceListSupplier delegate;

    AvoidRefusedInstancesSupplier(ServiceInstanceListSupplier delegate) {
        this.delegate = delegate;
    }

    @Override
    public String getServiceId() {
        return delegate.getServiceId();
    }

    @Override
    public Flux<List<ServiceInstance>> get() {
        return delegate.get();
    }

    @Override
    public Flux<List<ServiceInstance>> get(Request request) {
        Flux<List<ServiceInstance>> instances = delegate.get(request);
        if (request != null && request.getContext() instanceof RequestDataContext context
                && context.getClientRequest() != null && context.getClientRequest().getAttributes() != null) {
            return instances.map(list -> RefusedInstances.leaveOut(list, context.getClientRequest().getAttributes()));
        }
        return instances;
    }

    @Override
    public void selectedServiceInstance(ServiceInstance serviceInstance) {
        if (delegate instanceof SelectedInstanceCallback callback) {
            callback.selectedServiceInstance(serviceInstance);
        }
    }
}
