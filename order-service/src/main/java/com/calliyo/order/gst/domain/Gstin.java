package com.calliyo.order.gst.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A customer's GST identification number, checked the way the GSTN issues them: 15 characters = a state code
 * (01–38), the holder's PAN (5 letters, 4 digits, 1 letter), an entity number (1–9 or A–Z), the letter {@code Z} and
 * a check character. The check character is a base-36 checksum over the first 14 characters: each character's
 * value (0–9, then A=10 … Z=35) is multiplied by 1 at even and 2 at odd positions, each product adds its base-36
 * digits (quotient + remainder), and the check character is the value that tops the sum up to a multiple of 36.
 * order-service keeps its own copy of this rule (the services share contracts, not code).
 */
public final class Gstin {

    private static final String BASE36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final Pattern LAYOUT = Pattern.compile("\\d{2}[A-Z]{5}\\d{4}[A-Z][1-9A-Z]Z[0-9A-Z]");
    private static final int LENGTH = 15;

    private Gstin() {
    }

    /** Upper-cased and trimmed; what is stored and published. */
    public static String normalise(String raw) {
        return raw == null ? "" : raw.trim().toUpperCase(Locale.ROOT);
    }

    /** Why {@code raw} is not a GSTIN (a phrase that follows the field name), or empty when it is one. */
    public static Optional<String> problem(String raw) {
        String value = normalise(raw);
        if (value.length() != LENGTH) {
            return Optional.of("must have 15 characters, not " + value.length());
        }
        if (!LAYOUT.matcher(value).matches()) {
            return Optional.of("must be a state code, a PAN, an entity number, Z and a check character"
                    + " (like 29ABCDE1234F1Z5)");
        }
        if (!StateCodes.isValid(value.substring(0, 2))) {
            return Optional.of("has state code " + value.substring(0, 2) + ", which is not between 01 and 38");
        }
        char expected = checkCharacter(value.substring(0, LENGTH - 1));
        if (value.charAt(LENGTH - 1) != expected) {
            return Optional.of("has the wrong check character " + value.charAt(LENGTH - 1) + " (expected "
                    + expected + ")");
        }
        return Optional.empty();
    }

    /** The two-digit state code of a valid GSTIN. */
    public static String stateOf(String gstin) {
        return normalise(gstin).substring(0, 2);
    }

    static char checkCharacter(String first14) {
        int sum = 0;
        for (int position = 0; position < first14.length(); position++) {
            int product = BASE36.indexOf(first14.charAt(position)) * (position % 2 == 0 ? 1 : 2);
            sum += product / 36 + product % 36;
        }
        return BASE36.charAt((36 - sum % 36) % 36);
    }
}
