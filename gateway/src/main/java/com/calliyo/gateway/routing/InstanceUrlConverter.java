package com.calliyo.gateway.routing;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.cloud.client.discovery.simple.InstanceProperties;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Lets a service's instances be configured as plain URLs ({@code LEAD_SERVICE_URLS=http://a:8081,http://b:8181}):
 * the binder splits the comma-separated value and turns each URL into one SimpleDiscoveryClient instance. So the
 * single {@code <SERVICE>_URL} of compose and of one local stack keeps working unchanged as a list of one, and
 * several need no indexed property names (which environment variables cannot spell for "lead-service").
 */
@Component
@ConfigurationPropertiesBinding
class InstanceUrlConverter implements Converter<String, InstanceProperties> {

    @Override
    public InstanceProperties convert(String source) {
        URI uri = URI.create(source.trim());
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("Not an http(s) URL with a host: " + source);
        }
        InstanceProperties instance = new InstanceProperties();
        instance.setUri(uri);
        if (uri.getPort() < 0) {
            instance.setPort("https".equals(uri.getScheme()) ? 443 : 80);
        }
        instance.setInstanceId(uri.getHost() + ":" + instance.getPort());
        return instance;
    }
}
