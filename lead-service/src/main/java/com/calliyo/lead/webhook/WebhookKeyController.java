package com.calliyo.lead.webhook;

import java.time.Instant;
import java.util.List;

import com.calliyo.lead.caller.Caller;
import com.calliyo.lead.caller.CallerResolver;
import com.calliyo.lead.shared.LeadStatusRef;
import com.calliyo.lead.web.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
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

/** Settings → Integrations → Webhook API. Tokens appear only in the create and regenerate answers. */
@RestController
@RequestMapping("/api/settings/webhook-keys")
class WebhookKeyController {

    private final WebhookKeyService keys;
    private final CallerResolver callers;

    WebhookKeyController(WebhookKeyService keys, CallerResolver callers) {
        this.keys = keys;
        this.callers = callers;
    }

    @PostMapping
    ResponseEntity<IssuedKeyResponse> create(@Valid @RequestBody CreateWebhookKeyRequest request) {
        WebhookKeyService.IssuedWebhookKey issued = keys.create(callers.current(),
                new WebhookKeyService.NewWebhookKey(request.name(), request.allowedDomains(),
                        request.honeypotField(), request.defaultStatus(), request.defaultTags()));
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(issuedResponse(issued));
    }

    @GetMapping
    Page<WebhookKeyResponse> list(@RequestParam(defaultValue = "0") @Min(0) int page,
                                  @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Caller caller = callers.current();
        List<WebhookKeyResponse> items = keys.page(caller, page, size).stream()
                .map(key -> new WebhookKeyResponse(key.id(), key.name(), key.url(), key.allowedDomains(),
                        key.honeypotField(), keys.defaultStatus(key).orElse(null), key.defaultTags(),
                        key.createdAt(), key.tokenIssuedAt()))
                .toList();
        return new Page<>(items, page, size, keys.count(caller));
    }

    @PostMapping("/{id}/token")
    ResponseEntity<IssuedKeyResponse> regenerate(@PathVariable String id) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(issuedResponse(keys.regenerate(callers.current(), id)));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable String id) {
        keys.revoke(callers.current(), id);
    }

    private IssuedKeyResponse issuedResponse(WebhookKeyService.IssuedWebhookKey issued) {
        WebhookKey key = issued.key();
        return new IssuedKeyResponse(key.id(), key.name(), key.url(), issued.token(), key.allowedDomains(),
                key.honeypotField(), keys.defaultStatus(key).orElse(null), key.defaultTags(), key.createdAt(),
                key.tokenIssuedAt());
    }

    record CreateWebhookKeyRequest(@NotBlank @Size(max = 100) String name,
                                   @Size(max = 50) List<@Size(max = 260) String> allowedDomains,
                                   @Size(max = 100) String honeypotField,
                                   @Size(max = 100) String defaultStatus,
                                   @Size(max = 50) List<@NotBlank @Size(max = 50) String> defaultTags) {
    }

    record WebhookKeyResponse(String id, String name, String url, List<String> allowedDomains, String honeypotField,
                              LeadStatusRef defaultStatus, List<String> defaultTags, Instant createdAt,
                              Instant tokenIssuedAt) {
    }

    record IssuedKeyResponse(String id, String name, String url, String token, List<String> allowedDomains,
                             String honeypotField, LeadStatusRef defaultStatus, List<String> defaultTags,
                             Instant createdAt, Instant tokenIssuedAt) {
    }
}
