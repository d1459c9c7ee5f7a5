package com.calliyo.lead.idempotency;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A response as it is kept for replay: status, the headers worth repeating (e.g. {@code Location}) and the JSON body.
 */
public record StoredResponse(int status, Map<String, String> headers, String body) {

    public StoredResponse {
        headers = Map.copyOf(headers);
    }

    public static StoredResponse json(int status, String body) {
        return new StoredResponse(status, Map.of(), body);
    }

    public StoredResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new StoredResponse(status, more, body);
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    public ResponseEntity<String> toResponseEntity() {
        HttpHeaders httpHeaders = new HttpHeaders();
        headers.forEach(httpHeaders::set);
        return ResponseEntity.status(status).headers(httpHeaders).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
