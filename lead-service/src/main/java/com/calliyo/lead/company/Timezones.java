package com.calliyo.lead.company;

import java.time.ZoneId;

import com.calliyo.lead.shared.InvalidFieldException;

/** Only IANA region ids ("Asia/Kolkata"): a fixed offset would be wrong across daylight-saving changes. */
final class Timezones {

    private Timezones() {
    }

    static String require(String field, String timezone) {
        if (timezone == null || !ZoneId.getAvailableZoneIds().contains(timezone.trim())) {
            throw new InvalidFieldException(field, "must be an IANA timezone such as Asia/Kolkata");
        }
        return timezone.trim();
    }
}
