package com.calliyo.lead.auth;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.calliyo.lead.web.ApiException;
import org.springframework.http.HttpStatus;

/**
 * The shape of mobile numbers and mPINs, the lockout's numbers, and the product's exact sign-in messages. The
 * messages are the problem's {@code detail} and the field error's {@code message}, word for word, so a phone client
 * can show them as they come.
 */
final class MpinRules {

    static final String INVALID_MOBILE = "Invalid mobile number";
    static final String INVALID_MPIN = "Invalid M-PIN";
    static final String BANNED = "User is banned / inactive";
    static final int WRONG_GUESSES_BEFORE_LOCK = 5;
    static final Duration LOCK = Duration.ofMinutes(15);

    /** 10 national digits (the product's form), or E.164 with its +; spaces and dashes are not the app's input. */
    private static final Pattern MOBILE_SHAPE = Pattern.compile("\\+?[0-9]{10,15}");
    /** Sign-in accepts either length: the company, and so its configured length, is known only after the lookup. */
    private static final Pattern ANY_MPIN_SHAPE = Pattern.compile("[0-9]{4}|[0-9]{6}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private MpinRules() {
    }

    static boolean mobileShaped(String mobile) {
        return mobile != null && MOBILE_SHAPE.matcher(mobile).matches();
    }

    static boolean mpinShaped(String mpin) {
        return mpin != null && ANY_MPIN_SHAPE.matcher(mpin).matches();
    }

    static boolean hasLength(String mpin, int length) {
        return mpin != null && mpin.length() == length && mpin.chars().allMatch(Character::isDigit);
    }

    static String random(int length) {
        StringBuilder digits = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            digits.append(RANDOM.nextInt(10));
        }
        return digits.toString();
    }

    /** The product's message as the detail and as the field's error. */
    static ApiException refused(HttpStatus status, String field, String message) {
        return new ApiException(status, status == HttpStatus.BAD_REQUEST ? "Invalid request" : "Unauthorized",
                message, null, Map.of("errors", List.of(Map.of("field", field, "message", message))));
    }
}
