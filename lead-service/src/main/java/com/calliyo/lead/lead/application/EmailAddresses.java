package com.calliyo.lead.lead.application;

import java.util.regex.Pattern;

/**
 * A deliberately plain email check shared by every capture channel: a local part, an {@code @}, and a domain with at
 * least one dot, no spaces. It rejects typos such as "asha@gmail" or "asha.gmail.com" without trying to be RFC 5322.
 */
public final class EmailAddresses {

    public static final int MAX_LENGTH = 254;

    private static final Pattern ADDRESS = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");

    private EmailAddresses() {
    }

    public static boolean isValid(String email) {
        return email != null && email.length() <= MAX_LENGTH && ADDRESS.matcher(email).matches()
                && !email.startsWith(".") && !email.contains("..");
    }
}
