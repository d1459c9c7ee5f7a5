package com.calliyo.customer.customer;

import com.calliyo.customer.caller.CallerResolver;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/customers")
class CustomerController {

    private final CustomerViews customers;
    private final CallerResolver callers;

    CustomerController(CustomerViews customers, CallerResolver callers) {
        this.customers = customers;
        this.callers = callers;
    }

    @GetMapping("/{leadId}")
    CustomerResponse customer(@PathVariable String leadId) {
        return customers.findByLeadIdAndCompanyIdAndCustomerTrue(leadId, companyId())
                .map(CustomerResponse::of)
                .orElseThrow(() -> new CustomerNotFoundException(leadId));
    }

    @GetMapping
    CustomerPage customers(@RequestParam(name = "page", defaultValue = "0") @Min(0) int page,
                           @RequestParam(name = "size", defaultValue = "20") @Min(1) @Max(100) int size) {
        Page<CustomerView> found = customers.findByCompanyIdAndCustomerTrue(companyId(),
                PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "convertedAt")));
        return new CustomerPage(found.map(CustomerSummary::of).getContent(), page, size, found.getTotalElements());
    }

    /** The caller's company, from the verified token: a customer of another company is simply not found. */
    private String companyId() {
        return callers.current().companyId();
    }
}
