package com.calliyo.lead.idempotency;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON body in one spelling for comparing requests: object members sorted by name, no whitespace, numbers by value
 * ({@code 1}, {@code 1.0} and {@code 1e0} are one number), strings as JSON escapes them. So {@code {"a": 1}},
 * {@code {"a":1}} and a reordered object are the same request, while any other value is not.
 */
final class CanonicalJson {

    private CanonicalJson() {
    }

    /** The canonical spelling, or the text as sent when it is not JSON (such a request is refused anyway). */
    static String of(byte[] body, JsonMapper json) {
        if (body == null || body.length == 0) {
            return "";
        }
        try {
            StringBuilder out = new StringBuilder();
            // exact decimals: two doubles that round alike are not necessarily the same value
            write(json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(body), out, json);
            return "json:" + out;
        } catch (JacksonException e) {
            return "raw:" + new String(body, StandardCharsets.UTF_8);
        }
    }

    private static void write(JsonNode node, StringBuilder out, JsonMapper json) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
            members.sort(Map.Entry.comparingByKey());
            out.append('{');
            for (int i = 0; i < members.size(); i++) {
                out.append(i == 0 ? "" : ",").append(json.writeValueAsString(members.get(i).getKey())).append(':');
                write(members.get(i).getValue(), out, json);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(node.get(i), out, json);
            }
            out.append(']');
        } else if (node.isNumber()) {
            // scientific notation keeps a huge exponent short, where a plain string would spell out every digit
            out.append(node.decimalValue().stripTrailingZeros().toString());
        } else {
            out.append(json.writeValueAsString(node));
        }
    }
}
