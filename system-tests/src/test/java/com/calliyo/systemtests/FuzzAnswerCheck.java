package com.calliyo.systemtests;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What every answer to a fuzzed request must be: no 5xx, every 4xx problem+json, and no stack trace or exception
 * text in the body, whatever the status.
 */
final class FuzzAnswerCheck {

    /** A frame of a Java stack trace, an exception's message line, or a fully qualified exception class. */
    private static final Pattern STACK_TRACE = Pattern.compile(
            "\\bat (?:com|org|java|javax|jdk|sun|tools|io|reactor)\\.[\\w$.]+\\("
                    + "|Exception:|Caused by:|\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z]\\w*(?:Exception|Error)\\b");

    private FuzzAnswerCheck() {
    }

    /** The rules this answer breaks, empty when it keeps them all. */
    static List<String> violations(Gateway.Response answer) {
        List<String> violations = new ArrayList<>();
        if (answer.status() >= 500) {
            violations.add("status " + answer.status());
        }
        if (answer.status() >= 400 && answer.status() < 500 && !answer.isProblem()) {
            violations.add(answer.status() + " as '" + answer.contentType() + "', not application/problem+json");
        }
        if (STACK_TRACE.matcher(answer.body()).find()) {
            violations.add("stack trace or exception text in the body");
        }
        return violations;
    }
}
