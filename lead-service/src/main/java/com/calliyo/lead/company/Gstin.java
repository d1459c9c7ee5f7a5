package com.calliyo.lead.company;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An Indian GST identification number: 2-digit state code (01–38), the holder's 10-character PAN, an entity
 * number, the letter Z and a check character computed over the first 14 characters (the GSTN's base-36 scheme:
 * weights alternate 1 and 2, each product contributes its base-36 quotient plus remainder).
 */
public final class Gstin {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final Pattern SHAPE = Pattern.compile("\\d{2}[A-Z]{5}\\d{4}[A-Z][1-9A-Z]Z[0-9A-Z]");
    private static final int MAX_STATE_CODE = 38;

    private Gstin() {
    }

    /** Why the value is not a valid GSTIN, or empty when it is (after upper-casing and trimming). */
    public static Optional<String> problem(String raw) {
        String value = normalise(raw);
        if (value.length() != 15) {
            return Optional.of("must have 15 characters, not " + value.length());
        }
        if (!SHAPE.matcher(value).matches()) {
            return Optional.of("must look like 22AAAAA0000A1Z5: state code, PAN, entity number, Z, check character");
        }
        int state = Integer.parseInt(value.substring(0, 2));
        if (state < 1 || state > MAX_STATE_CODE) {
            return Optional.of("has state code " + value.substring(0, 2) + ", which is not between 01 and 38");
        }
        char expected = checkCharacter(value.substring(0, 14));
        if (value.charAt(14) != expected) {
            return Optional.of("has a wrong check character (expected " + expected + ")");
        }
        return Optional.empty();
    }

    public static String normalise(String raw) {
        return raw == null ? "" : raw.trim().toUpperCase(Locale.ROOT);
    }

    static char checkCharacter(String first14) {
        int sum = 0;
        for (int i = 0; i < first14.length(); i++) {
            int product = ALPHABET.indexOf(first14.charAt(i)) * (i % 2 == 0 ? 1 : 2);
            sum += product / 36 + product % 36;
        }
        return ALPHABET.charAt((36 - sum % 36) % 36);
    }
}
