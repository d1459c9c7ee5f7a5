package com.calliyo.tokencheck.instances;

import java.net.URI;

import org.springframework.cloud.client.discovery.simple.InstanceProperties;
import org.springframework.core.convert.converter.Converter;

/**
 * Lets a service's instances be listed as plain URLs ({@code LEAD_SERVICE_URLS=http://a:8081,http://b:8181}): the
 * binder splits the comma-separated value of {@code spring.cloud.discovery.client.simple.instances.<service>} and
 * turns each URL into one instance, so the single {@code LEAD_SERVICE_URL} of compose is simply a list of one. The
 * gateway reads its routes' instance lists with it too.
 */
public class InstanceUrlConverter implements Converter<String, InstanceProperties> {

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
