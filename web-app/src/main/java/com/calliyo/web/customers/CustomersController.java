package com.calliyo.web.customers;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.calliyo.web.api.ApiException;
import com.calliyo.web.api.GatewayApi;
import com.calliyo.web.api.Page;
import com.calliyo.web.auth.Viewer;
import com.calliyo.web.leads.LeadsApi;
import com.calliyo.web.live.LiveProperties;
import com.calliyo.web.shared.FormProblem;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Customers: the list (search, agent, conversion dates in company time) and the customer page (history, orders
 * with their payment status and the changes allowed now, the status dropdown that un-converts). The list refreshes
 * itself when another user converts or un-converts a lead ({@code data-live="customers"}).
 */
@Controller
class CustomersController {

    private static final ParameterizedTypeReference<Page<CustomerOrder>> ORDERS = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<Page<Map<String, Object>>> USERS =
            new ParameterizedTypeReference<>() { };

    private final GatewayApi api;
    private final LeadsApi leads;
    private final LiveProperties live;

    CustomersController(GatewayApi api, LeadsApi leads, LiveProperties live) {
        this.api = api;
        this.leads = leads;
        this.live = live;
    }

    @GetMapping("/customers")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String agentId,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String awaitLead,
                @RequestParam(defaultValue = "true") boolean awaitCustomer, @AuthenticationPrincipal Viewer viewer,
                Model model, HttpServletResponse response) {
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("agentId", agentId == null ? "" : agentId);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("agents", viewer.isAgent() ? List.of() : agents());
        try {
            if (awaitLead != null && !awaitLead.isBlank()) {
                CustomerArrival.await(api, awaitLead, awaitCustomer, live.customerWait());
            }
            model.addAttribute("page", api.get(uri -> {
                uri.path("/api/customers").queryParam("page", Math.max(0, page))
                        .queryParam("size", LeadsApi.PAGE_SIZE);
                if (q != null && !q.isBlank()) {
                    uri.queryParam("q", q.trim());
                }
                if (agentId != null && !agentId.isBlank()) {
                    uri.queryParam("agentId", agentId);
                }
                if (from != null) {
                    uri.queryParam("from", from);
                }
                if (to != null) {
                    uri.queryParam("to", to);
                }
                return uri.build();
            }, new ParameterizedTypeReference<Page<Customer>>() { }));
        } catch (ApiException e) {
            model.addAttribute("page", new Page<Customer>(List.of(), 0, LeadsApi.PAGE_SIZE, 0));
            return FormProblem.render(e, model, response, "customers/list");
        }
        return "customers/list";
    }

    /**
     * The Customers view is built from events, so right after a conversion it may not have the customer yet. Arriving
     * from the conversion itself ({@code ?converted}), the page first waits briefly for customer-service, as the
     * refreshed list does; if the customer is still not there, the page says so (404 with a reload hint) instead of
     * a bare "not found".
     */
    @GetMapping("/customers/{leadId}")
    String customer(@PathVariable String leadId, @RequestParam(required = false) String converted, Model model,
                    HttpServletResponse response) {
        try {
            if (converted != null) {
                CustomerArrival.await(api, leadId, true, live.customerWait());
            }
            model.addAttribute("customer", api.get("/api/customers/{id}", Customer.class, leadId));
        } catch (ApiException e) {
            if (e.status() != 404) {
                throw e;
            }
            response.setStatus(404);
            model.addAttribute("leadId", leadId);
            return "customers/pending";
        }
        model.addAttribute("statuses", leads.statuses());
        model.addAttribute("orders", orders(leadId));
        return "customers/customer";
    }

    /** Moves an order's payment on; a refused change (409, 422) is shown on the customer page in the API's words. */
    @PostMapping("/customers/{leadId}/orders/{orderId}/payment")
    String changePayment(@PathVariable String leadId, @PathVariable String orderId,
                         @RequestParam String paymentStatus, @RequestParam(required = false) String amountPaid,
                         Model model, HttpServletResponse response) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("paymentStatus", paymentStatus);
        if (amountPaid != null && !amountPaid.isBlank()) {
            change.put("amountPaid", amountPaid.trim());
        }
        try {
            api.patch("/api/orders/{id}", change, Map.class, orderId);
        } catch (ApiException e) {
            if (e.status() >= 500 && !e.problem().isTemporary()) {
                throw e;
            }
            String view = customer(leadId, null, model, response);
            model.addAttribute("paymentOrderId", orderId);
            return FormProblem.render(e, model, response, view);
        }
        return "redirect:/customers/" + leadId + "?paymentChanged";
    }

    /** order-service's own list (with the allowed changes); empty while it cannot answer, the view's list shows. */
    private List<CustomerOrder> orders(String leadId) {
        try {
            return api.get(uri -> uri.path("/api/orders").queryParam("leadId", leadId).queryParam("size", 100)
                    .build(), ORDERS).items();
        } catch (ApiException e) {
            return List.of();
        }
    }

    private List<Map<String, Object>> agents() {
        try {
            return api.get(uri -> uri.path("/api/users").queryParam("size", 100).build(), USERS).items().stream()
                    .filter(user -> "AGENT".equals(user.get("role")) || "MANAGER".equals(user.get("role")))
                    .toList();
        } catch (ApiException e) {
            return List.of();
        }
    }
}
