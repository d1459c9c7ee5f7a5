package com.calliyo.web.customers;

import com.calliyo.web.api.ApiException;
import com.calliyo.web.api.GatewayApi;
import com.calliyo.web.api.Page;
import com.calliyo.web.leads.LeadsApi;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Customers: the list (search) and the customer page (history, orders, the status dropdown that un-converts). */
@Controller
class CustomersController {

    private final GatewayApi api;
    private final LeadsApi leads;

    CustomersController(GatewayApi api, LeadsApi leads) {
        this.api = api;
        this.leads = leads;
    }

    @GetMapping("/customers")
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("page", api.get(uri -> {
            uri.path("/api/customers").queryParam("page", Math.max(0, page)).queryParam("size", LeadsApi.PAGE_SIZE);
            if (q != null && !q.isBlank()) {
                uri.queryParam("q", q.trim());
            }
            return uri.build();
        }, new ParameterizedTypeReference<Page<Customer>>() { }));
        model.addAttribute("q", q == null ? "" : q);
        return "customers/list";
    }

    /**
     * The Customers view is built from events, so right after a conversion it may not have the customer yet: the
     * page says so (404 with a reload hint) instead of a bare "not found".
     */
    @GetMapping("/customers/{leadId}")
    String customer(@PathVariable String leadId, Model model, HttpServletResponse response) {
        try {
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
        return "customers/customer";
    }
}
