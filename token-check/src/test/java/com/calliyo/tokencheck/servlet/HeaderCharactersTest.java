package com.calliyo.tokencheck.servlet;

import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link HeaderCharacters} must answer exactly as the regular expressions of Spring Security's strict firewall
 * (spring-security-web 7.0, {@code StrictHttpFirewall}) that it replaces.
 */
class HeaderCharactersTest {

    private static final Pattern SPRING_NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern SPRING_VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void shouldAnswerAsSpringsExpressionsForEveryCodePoint() {
        int compared = 0;
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String alone = new String(Character.toChars(codePoint));
            String inside = "a" + alone + "b";
            assertSame(alone, inside);
            compared++;
        }
        assertThat(compared).isEqualTo(Character.MAX_CODE_POINT + 1);
    }

    @Test
    void shouldAnswerAsSpringsExpressionsForRandomStringsWithSurrogatesAndControls() {
        SplittableRandom random = new SplittableRandom(20261207);
        int refusedByName = 0;
        int acceptedByName = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder value = new StringBuilder();
            int length = random.nextInt(12);
            for (int c = 0; c < length; c++) {
                value.append(randomChar(random));
            }
            String text = value.toString();
            assertSame(text, text);
            if (HeaderCharacters.NAME.test(text)) {
                acceptedByName++;
            } else {
                refusedByName++;
            }
        }
        // both answers occur often enough for the comparison to mean something
        assertThat(refusedByName).isGreaterThan(10_000);
        assertThat(acceptedByName).isGreaterThan(10_000);
    }

    @Test
    void shouldAllowATabInAValueOnly() {
        assertThat(HeaderCharacters.VALUE.test("Bearer\tabc")).isTrue();
        assertThat(HeaderCharacters.NAME.test("X\tName")).isFalse();
        assertThat(HeaderCharacters.VALUE.test("abc\u0001")).isFalse();
        assertThat(HeaderCharacters.VALUE.test("caf\u00e9 \ud83d\ude00")).isTrue();
        assertThat(HeaderCharacters.VALUE.test("\u0378")).isFalse();
    }

    /** Mostly ASCII, with tabs, controls, unassigned code points and lone or paired surrogates mixed in. */
    private static String randomChar(SplittableRandom random) {
        return switch (random.nextInt(8)) {
            case 0 -> "\t";
            case 1 -> String.valueOf((char) random.nextInt(0x20));
            case 2 -> String.valueOf((char) (0xD800 + random.nextInt(0x800)));
            case 3 -> new String(Character.toChars(0x10000 + random.nextInt(Character.MAX_CODE_POINT - 0xFFFF)));
            case 4 -> String.valueOf((char) random.nextInt(0x10000));
            default -> String.valueOf((char) (0x20 + random.nextInt(0x5F)));
        };
    }

    private static void assertSame(String... texts) {
        for (String text : texts) {
            assertAgree(HeaderCharacters.NAME, SPRING_NAME, text);
            assertAgree(HeaderCharacters.VALUE, SPRING_VALUE, text);
        }
    }

    private static void assertAgree(Predicate<String> ours, Pattern spring, String text) {
        boolean expected = spring.matcher(text).matches();
        if (ours.test(text) != expected) {
            throw new AssertionError("differs from " + spring + " for " + text.codePoints()
                    .mapToObj(Integer::toHexString).toList() + ": Spring says " + expected);
        }
    }
}
