package com.calliyo.lead.apikey;

import java.time.Instant;
import java.util.List;

import com.calliyo.lead.caller.Caller;
import com.calliyo.lead.caller.CallerResolver;
import com.calliyo.lead.web.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Settings → API: the company's public API keys. Tokens appear only in the create and regenerate answers. */
@RestController
@RequestMapping("/api/settings/api-keys")
class ApiKeyController {

    private final ApiKeyService keys;
    private final CallerResolver callers;

    ApiKeyController(ApiKeyService keys, CallerResolver callers) {
        this.keys = keys;
        this.callers = callers;
    }

    @PostMapping
    ResponseEntity<IssuedKeyResponse> create(@Valid @RequestBody CreateApiKeyRequest request) {
        ApiKeyService.IssuedApiKey issued = keys.create(callers.current(), request.name(), request.scopes());
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(IssuedKeyResponse.of(issued));
    }

    @GetMapping
    Page<ApiKeyResponse> list(@RequestParam(defaultValue = "0") @Min(0) int page,
                              @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Caller caller = callers.current();
        List<ApiKeyResponse> items = keys.page(caller, page, size).stream().map(ApiKeyResponse::of).toList();
        return new Page<>(items, page, size, keys.count(caller));
    }

    @PostMapping("/{id}/token")
    ResponseEntity<IssuedKeyResponse> regenerate(@PathVariable String id) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(IssuedKeyResponse.of(keys.regenerate(callers.current(), id)));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable String id) {
        keys.revoke(callers.current(), id);
    }

    record CreateApiKeyRequest(@NotBlank @Size(max = 100) String name,
                               @NotEmpty @Size(max = 20) List<String> scopes) {
    }

    record ApiKeyResponse(String id, String name, List<String> scopes, Instant createdAt, Instant tokenIssuedAt,
                          Instant lastUsedAt) {

        static ApiKeyResponse of(ApiKey key) {
            return new ApiKeyResponse(key.id(), key.name(), scopeValues(key), key.createdAt(), key.tokenIssuedAt(),
                    key.lastUsedAt());
        }
    }

    record IssuedKeyResponse(String id, String name, List<String> scopes, String token, Instant createdAt,
                             Instant tokenIssuedAt) {

        static IssuedKeyResponse of(ApiKeyService.IssuedApiKey issued) {
            ApiKey key = issued.key();
            return new IssuedKeyResponse(key.id(), key.name(), scopeValues(key), issued.token(), key.createdAt(),
                    key.tokenIssuedAt());
        }
    }

    private static List<String> scopeValues(ApiKey key) {
        return key.scopes().stream().sorted().map(ApiScope::value).toList();
    }
}
