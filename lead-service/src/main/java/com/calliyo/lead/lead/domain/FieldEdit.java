package com.calliyo.lead.lead.domain;

import java.util.Objects;

/**
 * What an edit does to one optional field of a lead: leave it as it is, or set it to {@code value}, where a null
 * value clears it. (A plain null cannot say both "not sent" and "clear it".)
 */
public record FieldEdit(boolean given, String value) {

    public static final FieldEdit KEEP = new FieldEdit(false, null);

    /** Sets the field to {@code value}; null clears it. */
    public static FieldEdit to(String value) {
        return new FieldEdit(true, value);
    }

    /** The value the field has after the edit. */
    String applyTo(String current) {
        return given ? value : current;
    }

    boolean changes(String current) {
        return given && !Objects.equals(value, current);
    }
}
