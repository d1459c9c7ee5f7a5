package com.calliyo.lead.auth;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /actuator/signingkeys} rotates the keys every token of the suite depends on, so it is for operators only,
 * never for users: not routed by the gateway, and on lead-service's port it needs HTTP Basic as user
 * {@code operator} with {@code lead.auth.operator-password} ({@code CALLIYO_OPERATOR_PASSWORD}). A bearer token,
 * whatever its role (a company's ADMIN is a customer, not an operator), is not a credential here. Without a configured
 * password the endpoint refuses every request; the scheduled rotation runs regardless.
 *
 * <p>Not a loopback-address rule: behind a sidecar proxy every request comes from 127.0.0.1.
 */
@Configuration(proxyBeanMethods = false)
class OperatorSecurityConfig {

    static final String OPERATOR = "operator";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain operatorEndpoints(HttpSecurity http, SigningKeyProperties properties,
                                          PasswordEncoder passwordEncoder) throws Exception {
        boolean enabled = !properties.operatorPassword().isBlank();
        http.securityMatcher("/actuator/signingkeys", "/actuator/signingkeys/**")
                .csrf(csrf -> csrf.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.realmName("calliyo-operator"))
                .authorizeHttpRequests(requests -> {
                    if (enabled) {
                        requests.anyRequest().hasRole("OPERATOR");
                    } else {
                        requests.anyRequest().denyAll();
                    }
                });
        if (enabled) {
            DaoAuthenticationProvider operators = new DaoAuthenticationProvider(new InMemoryUserDetailsManager(
                    User.withUsername(OPERATOR).password(passwordEncoder.encode(properties.operatorPassword()))
                            .roles("OPERATOR").build()));
            operators.setPasswordEncoder(passwordEncoder);
            http.authenticationManager(new ProviderManager(operators));
        } else {
            http.authenticationManager(authentication -> {
                throw new BadCredentialsException("No operator password is configured");
            });
        }
        return http.build();
    }
}
