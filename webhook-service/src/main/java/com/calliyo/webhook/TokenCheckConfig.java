package com.calliyo.webhook;

import com.calliyo.tokencheck.revocation.RevocationFeedConfiguration;
import com.calliyo.tokencheck.servlet.ServletTokenCheck;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Access tokens are checked by token-check, lead-service's module, the same way in every service: signature, issuer,
 * expiry, claims, and revocations followed on crm.company.events. Web slices import {@link ServletTokenCheck} alone.
 */
@Configuration(proxyBeanMethods = false)
@Import({ServletTokenCheck.class, RevocationFeedConfiguration.class})
class TokenCheckConfig {
}
