package com.calliyo.web.settings.mobile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The phone app's settings as lead-service keeps them ({@code /api/settings/mobile}): the mPIN's length and whether
 * agents must check in before they see their tasks. The form sends the length as typed, so a bad value is refused by
 * the API naming {@code mpinLength}, not guessed at here.
 */
public record PhoneSettings(String mpinLength, boolean requireAttendance) {

    /** The lengths the product offers; the API decides what it accepts. */
    public static final List<String> LENGTHS = List.of("4", "6");

    static PhoneSettings of(Map<String, Object> answer) {
        Object length = answer.get("mpinLength");
        return new PhoneSettings(length == null ? "4" : String.valueOf(length),
                Boolean.TRUE.equals(answer.get("requireAttendance")));
    }

    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("mpinLength", mpinLength != null && mpinLength.matches("\\d{1,2}") ? Integer.valueOf(mpinLength)
                : mpinLength);
        body.put("requireAttendance", requireAttendance);
        return body;
    }
}
