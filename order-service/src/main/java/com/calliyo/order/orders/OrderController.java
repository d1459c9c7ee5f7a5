package com.calliyo.order.orders;

import java.net.URI;
import java.util.List;

import com.calliyo.order.gst.domain.Money;
import com.calliyo.order.gst.domain.Tax;
import com.calliyo.order.idempotency.IdempotentRequests;
import com.calliyo.order.idempotency.StoredResponse;
import com.calliyo.order.orders.OrderRequests.ChangePayment;
import com.calliyo.order.orders.OrderRequests.CreateOrder;
import com.calliyo.order.orders.OrderRequests.TaxPreview;
import com.calliyo.order.events.TaxBreakdown;
import com.calliyo.order.web.Page;
import com.calliyo.tokencheck.Caller;
import com.calliyo.tokencheck.servlet.CallerResolver;
import com.calliyo.tokencheck.servlet.VersionTags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/orders}: create an order for a lead, read and list orders, change the payment status. Errors are
 * problem+json naming the field: 400 malformed, 404 lead or order not visible, 409 Order module off / illegal payment
 * transition / Idempotency-Key reused, 422 GST or amounts not acceptable, 503 lead-service needed and unavailable.
 * Parameters are checked by Spring MVC's own method validation (no class-level {@code @Validated}: its proxy throws
 * ConstraintViolationException, which no handler maps and which so became a 500), so a bad one is a
 * HandlerMethodValidationException and answers 400 naming it.
 */
@RestController
@RequestMapping("/api/orders")
class OrderController {

    private static final String CREATE_SCOPE = "POST /api/orders";
    /** Ids are UUIDs (orders) or lead-service's ids; anything longer cannot name one. */
    static final int MAX_ID_LENGTH = 100;

    private final OrderService orders;
    private final IdempotentRequests idempotency;
    private final CallerResolver callers;
    private final JsonMapper json;

    OrderController(OrderService orders, IdempotentRequests idempotency, CallerResolver callers, JsonMapper json) {
        this.orders = orders;
        this.idempotency = idempotency;
        this.callers = callers;
        this.json = json;
    }

    /**
     * Creates an order: 201 with the order and {@code Location}. With {@code Idempotency-Key}, the same key and body
     * answer the first order again (header {@code Idempotent-Replayed: true}); the same key with another body is 409.
     */
    @PostMapping
    ResponseEntity<String> create(@RequestBody CreateOrder request,
                                  @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
                                  @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key) {
        Caller caller = callers.current();
        IdempotentRequests.Outcome outcome = idempotency.execute(caller.companyId(), CREATE_SCOPE, key, request,
                () -> {
                    Order order = orders.create(caller, authorization, request);
                    return new StoredResponse(HttpStatus.CREATED.value(), "/api/orders/" + order.id(),
                            json.writeValueAsString(OrderResponse.of(order)));
                });
        StoredResponse response = outcome.response();
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(response.status())
                .contentType(MediaType.APPLICATION_JSON);
        if (response.location() != null) {
            answer.location(URI.create(response.location()));
        }
        if (outcome.replayed()) {
            answer.header(IdempotentRequests.REPLAYED_HEADER, "true");
        }
        return answer.body(response.body());
    }

    @Operation(summary = "The GST an order would carry, before it is saved",
            description = "Takes {amount, amountIncludesTax?, gst?:{rate, customerGstin?, placeOfSupply?}} as POST "
                    + "/api/orders does and answers 200 {amount, amountIncludesTax, taxBreakdown} by the same rules "
                    + "(CGST + SGST within the company's state, IGST across states; the rate from the company's list). "
                    + "The same 400 and 422 problems as a new order; 409 when the Order module is off. Nothing is "
                    + "stored or published.")
    @PostMapping("/tax-preview")
    TaxPreviewResponse previewTax(@RequestBody TaxPreview request) {
        Tax tax = orders.previewTax(callers.current(), request);
        boolean includesTax = Boolean.TRUE.equals(request.amountIncludesTax());
        return new TaxPreviewResponse(Money.format(includesTax ? tax.total() : tax.taxableValue()), includesTax,
                OrderEvents.breakdown(tax));
    }

    record TaxPreviewResponse(String amount, boolean amountIncludesTax, TaxBreakdown taxBreakdown) {
    }

    @Operation(summary = "One order",
            description = "404 for another company's order or a lead the agent may not see. The ETag is the order's "
                    + "version (\"3\"): If-None-Match with it answers 304 while the order is unchanged, and If-Match "
                    + "with it makes a PATCH change only that version.")
    @GetMapping("/{id}")
    ResponseEntity<OrderResponse> order(@PathVariable @Size(max = MAX_ID_LENGTH) String id,
                                        @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
                                        WebRequest request) {
        Order order = orders.find(callers.current(), authorization, id);
        // checkNotModified compares If-None-Match with the version and sets the ETag header itself.
        if (request.checkNotModified(VersionTags.of(order.version()))) {
            return null;
        }
        return ResponseEntity.ok(OrderResponse.of(order));
    }

    /**
     * Orders newest first, paged: of one lead ({@code leadId}; 404 if the caller may not see it), or without it all
     * of the company's orders (for an agent: those of leads assigned to them).
     */
    @Operation(summary = "Orders, newest first",
            description = "Of one lead (leadId; 404 if the caller may not see it), or without it all of the company's "
                    + "orders (an agent: those of leads assigned to them). The ETag is hashed over the answer: "
                    + "If-None-Match with it answers 304 while the page is unchanged.")
    @GetMapping
    Page<OrderResponse> list(@Parameter(description = "only this lead's orders; at most 100 characters")
                             @RequestParam(required = false) @Size(max = MAX_ID_LENGTH) String leadId,
                             @Parameter(description = "0-based page, a whole number >= 0 (default 0); else 400 "
                                     + "naming page")
                             @RequestParam(defaultValue = "0") @Min(0) int page,
                             @Parameter(description = "page size, a whole number from 1 to 100 (default 20); else "
                                     + "400 naming size")
                             @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                             @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
        List<Order> all = orders.list(callers.current(), authorization,
                leadId == null || leadId.isBlank() ? null : leadId);
        List<OrderResponse> items = all.stream().skip((long) page * size).limit(size).map(OrderResponse::of)
                .toList();
        return new Page<>(items, page, size, all.size());
    }

    @Operation(summary = "Change the payment status and/or amount paid",
            description = "Illegal transitions are 409 naming from and to. If-Match: \"<version>\" (the ETag of GET) "
                    + "makes the change only to that version: when another device changed the order in between, 412 "
                    + "problem+json naming If-Match with currentVersion, and nothing is changed. The answer carries "
                    + "the new ETag.")
    @PatchMapping("/{id}")
    ResponseEntity<OrderResponse> changePayment(@PathVariable @Size(max = MAX_ID_LENGTH) String id,
                                                @RequestBody ChangePayment change,
                                                @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
                                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                                String ifMatch) {
        Order order = orders.changePayment(callers.current(), authorization, id, change, VersionTags.ifMatch(ifMatch));
        return ResponseEntity.ok().eTag(VersionTags.of(order.version())).body(OrderResponse.of(order));
    }
}
