package com.calliyo.lead.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Every {@code lead.auth.key-rotation.refresh-interval}: re-read the shared key ring and rotate when due. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(SigningKeyProperties.class)
class SigningKeysConfig implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(SigningKeysConfig.class);

    private final SigningKeys keys;
    private final SigningKeyProperties properties;

    SigningKeysConfig(SigningKeys keys, SigningKeyProperties properties) {
        this.keys = keys;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::tick, properties.keyRotation().refreshInterval(),
                properties.keyRotation().refreshInterval()));
    }

    private void tick() {
        try {
            keys.refreshAndRotateIfDue();
        } catch (RuntimeException e) {
            log.warn("Could not refresh the signing keys (the keys read before stay in use): {}", e.toString());
        }
    }
}
