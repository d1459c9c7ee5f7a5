package com.calliyo.lead.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.calliyo.lead.shared.InvalidFieldException;

/**
 * The origins a webhook key accepts. An entry is a host name ({@code example.com}: that host only) or a wildcard
 * ({@code *.example.com}: any sub-domain at any depth, but not {@code example.com} itself; list both for both).
 * Matching ignores case, scheme and port. An empty list accepts any origin.
 */
final class AllowedDomains {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final int MAX_HOST_LENGTH = 253;
    private static final String WILDCARD = "*.";

    private AllowedDomains() {
    }

    /** The entries lower-cased and de-duplicated; a bad one is a 400 naming {@code allowedDomains[i]}. */
    static List<String> normalise(List<String> entries) {
        List<String> normalised = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String entry = normaliseEntry(entries.get(i)).orElseThrow(invalid(i));
            if (!normalised.contains(entry)) {
                normalised.add(entry);
            }
        }
        return List.copyOf(normalised);
    }

    static boolean allows(List<String> patterns, String host) {
        if (patterns.isEmpty()) {
            return true;
        }
        String candidate = normaliseHost(host);
        return patterns.stream().anyMatch(pattern -> pattern.startsWith(WILDCARD)
                ? isSubdomain(candidate, pattern.substring(1))
                : candidate.equals(pattern));
    }

    /** {@code dotSuffix} is {@code .example.com}: the host must end with it and have a label of its own in front. */
    private static boolean isSubdomain(String host, String dotSuffix) {
        return host.endsWith(dotSuffix) && host.length() > dotSuffix.length();
    }

    static Optional<String> normaliseEntry(String entry) {
        if (entry == null) {
            return Optional.empty();
        }
        String value = normaliseHost(entry.trim());
        boolean wildcard = value.startsWith(WILDCARD);
        String host = wildcard ? value.substring(WILDCARD.length()) : value;
        // a wildcard over a bare top-level domain (*.com) would let anybody in
        boolean valid = isHostName(host) && (!wildcard || host.contains("."));
        return valid ? Optional.of(value) : Optional.empty();
    }

    private static boolean isHostName(String host) {
        if (host.isEmpty() || host.length() > MAX_HOST_LENGTH) {
            return false;
        }
        for (String label : host.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    private static String normaliseHost(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    private static Supplier<InvalidFieldException> invalid(int index) {
        return () -> new InvalidFieldException("allowedDomains[" + index + "]",
                "must be a host name such as example.com or a wildcard such as *.example.com "
                        + "(no scheme, port or path; punycode for international names)");
    }
}
