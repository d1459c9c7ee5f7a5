package com.calliyo.webhook.subscription;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

import com.calliyo.webhook.WebhookServiceProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Keeps deliveries away from the suite's own network (SSRF): only {@code https} URLs, and every address the host
 * resolves to must be public: not loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (which
 * covers the cloud metadata address 169.254.169.254), carrier-grade NAT (100.64/10), "this network" (0/8),
 * any-local or multicast. Checked when a subscription is saved and again before each attempt, since DNS answers
 * change; the delivery client resolves through {@link #checkedAddresses} so it connects only to checked addresses.
 * The development allowance ({@code webhook.targets.allow-insecure}) lets plain http and loopback/private
 * receivers through, for tests only.
 */
@Component
public class TargetGuard {

    /** Looks a host name up; the system resolver in the service, a scripted one in tests. */
    @FunctionalInterface
    public interface Lookup {
        InetAddress[] addresses(String host) throws UnknownHostException;
    }

    /** A host whose addresses include one the rules forbid; an {@link UnknownHostException} so clients stop there. */
    public static final class RefusedTarget extends UnknownHostException {
        RefusedTarget(String host) {
            super(host + " " + INTERNAL);
        }
    }

    private static final String INTERNAL = "must not point at a loopback, private, link-local or metadata address";

    private final boolean allowInsecure;
    private final Lookup lookup;

    @Autowired
    public TargetGuard(WebhookServiceProperties properties) {
        this(properties, InetAddress::getAllByName);
    }

    public TargetGuard(WebhookServiceProperties properties, Lookup lookup) {
        this.allowInsecure = properties.targets().allowInsecure();
        this.lookup = lookup;
    }

    /**
     * Resolves {@code host} and answers its addresses only if every one is allowed. The delivery client connects
     * through this (its DNS resolver), so the socket goes to exactly the addresses checked here: a DNS answer that
     * changes between a check and the connection (rebinding) cannot slip a private address in.
     */
    public InetAddress[] checkedAddresses(String host) throws UnknownHostException {
        InetAddress[] addresses = lookup.addresses(host);
        for (InetAddress address : addresses) {
            if (isInternal(address) && !allowInsecure) {
                throw new RefusedTarget(host);
            }
        }
        return addresses;
    }

    /** Why {@code url} may not be called now, or empty when it may. */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of("must be an absolute https URL with a host");
        }
        if (scheme.equals("http") && !allowInsecure) {
            return Optional.of("must use https");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry credentials");
        }
        try {
            checkedAddresses(uri.getHost());
        } catch (RefusedTarget e) {
            return Optional.of(INTERNAL);
        } catch (UnknownHostException e) {
            return Optional.of("has a host that does not resolve");
        }
        return Optional.empty();
    }

    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second < 128);
        }
        if (address instanceof Inet6Address) {
            // unique local addresses fc00::/7; IPv4-mapped ones are checked as their IPv4 address
            if ((bytes[0] & 0xfe) == 0xfc) {
                return true;
            }
            if (isIpv4Mapped(bytes)) {
                byte[] v4 = {bytes[12], bytes[13], bytes[14], bytes[15]};
                try {
                    return isInternal(InetAddress.getByAddress(v4));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
    }
}
