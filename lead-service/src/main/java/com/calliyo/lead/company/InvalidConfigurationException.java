package com.calliyo.lead.company;

import java.util.List;
import java.util.Map;

import com.calliyo.lead.web.ApiException;
import org.springframework.http.HttpStatus;

/** A configuration with invalid fields: 400 listing each of them in {@code errors[]}. */
class InvalidConfigurationException extends ApiException {

    InvalidConfigurationException(List<Map<String, String>> errors) {
        super(HttpStatus.BAD_REQUEST, "Invalid request", "The configuration has invalid fields: "
                + String.join(", ", errors.stream().map(e -> e.get("field")).toList()), null,
                Map.of("errors", List.copyOf(errors)));
    }
}
