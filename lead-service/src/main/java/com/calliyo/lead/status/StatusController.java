package com.calliyo.lead.status;

import java.net.URI;
import java.util.List;

import com.calliyo.lead.caller.CallerResolver;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Settings → Status: any role reads the pipeline; only admins change it (403 otherwise). */
@RestController
@RequestMapping("/api/settings/statuses")
class StatusController {

    private final StatusSettings settings;
    private final CallerResolver callers;

    StatusController(StatusSettings settings, CallerResolver callers) {
        this.settings = settings;
        this.callers = callers;
    }

    @GetMapping
    List<StatusResponse> list() {
        return responses(settings.list(callers.current()));
    }

    @PostMapping
    ResponseEntity<StatusResponse> add(@RequestBody StatusNameRequest request) {
        LeadStatus added = settings.add(callers.current(), request.name());
        return ResponseEntity.created(URI.create("/api/settings/statuses/" + added.id()))
                .body(StatusResponse.of(added));
    }

    @PatchMapping("/{id}")
    StatusResponse rename(@PathVariable String id, @RequestBody StatusNameRequest request) {
        return StatusResponse.of(settings.rename(callers.current(), id, request.name()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        settings.delete(callers.current(), id);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/order")
    List<StatusResponse> reorder(@RequestBody StatusOrderRequest request) {
        return responses(settings.reorder(callers.current(), request.ids()));
    }

    private static List<StatusResponse> responses(List<LeadStatus> statuses) {
        return statuses.stream().map(StatusResponse::of).toList();
    }
}
