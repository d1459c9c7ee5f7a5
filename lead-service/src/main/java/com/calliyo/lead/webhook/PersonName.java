package com.calliyo.lead.webhook;

/** A full name as a web form sends it, split at the first space: "Asha Devi Rao" is Asha + "Devi Rao". */
record PersonName(String first, String last) {

    static PersonName split(String fullName) {
        String name = strip(fullName == null ? "" : fullName);
        int space = 0;
        while (space < name.length() && !isSpace(name.charAt(space))) {
            space++;
        }
        String last = strip(name.substring(space));
        return new PersonName(name.substring(0, space), last.isEmpty() ? null : last);
    }

    /** Like {@link String#strip()}, but also for no-break spaces, which pasted names often carry. */
    private static String strip(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isSpace(value.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
