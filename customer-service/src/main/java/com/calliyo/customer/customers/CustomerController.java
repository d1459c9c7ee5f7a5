package com.calliyo.customer.customers;

import java.time.LocalDate;

import com.calliyo.customer.customers.domain.CustomerFilter;
import com.calliyo.tokencheck.Caller;
import com.calliyo.tokencheck.servlet.CallerResolver;
import com.calliyo.customer.company.CompanySettings;
import com.calliyo.customer.company.CompanySettingsStore;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Page;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Customers page. Everything is scoped to the caller's company (from the token) and to what "Show customer
 * to" lets the caller see ({@link Visibility}); a customer the caller may not see answers 404 like a missing one.
 */
@RestController
@RequestMapping("/api/customers")
class CustomerController {

    private final CustomerSearch customers;
    private final CompanySettingsStore companies;
    private final CallerResolver callers;

    CustomerController(CustomerSearch customers, CompanySettingsStore companies, CallerResolver callers) {
        this.customers = customers;
        this.companies = companies;
        this.callers = callers;
    }

    @GetMapping("/{leadId}")
    CustomerResponse customer(@PathVariable String leadId) {
        Caller caller = callers.current();
        CompanySettings company = companies.find(caller.companyId());
        return customers.find(caller.companyId(), leadId)
                .filter(view -> Visibility.canSee(caller, company, view))
                .map(view -> CustomerResponse.of(view, company))
                .orElseThrow(() -> new CustomerNotFoundException(leadId));
    }

    static final int MAX_YEAR = 9999;

    @GetMapping
    CustomerPage customers(@RequestParam(name = "page", defaultValue = "0") @Min(0) int page,
                           @RequestParam(name = "size", defaultValue = "20") @Min(1) @Max(100) int size,
                           @RequestParam(name = "q", required = false) @Size(max = 100) String q,
                           @RequestParam(name = "agentId", required = false) @Size(max = 100) String agentId,
                           @RequestParam(name = "from", required = false)
                           @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                           @RequestParam(name = "to", required = false)
                           @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        requireCalendarYear("from", from);
        requireCalendarYear("to", to);
        if (from != null && to != null && to.isBefore(from)) {
            throw new BadFilterException("to", "must not be before from");
        }
        Caller caller = callers.current();
        CompanySettings company = companies.find(caller.companyId());
        Page<CustomerView> found = customers.search(caller.companyId(), new CustomerFilter(q, agentId, from, to),
                company.timezone(), Visibility.onlyCreditedTo(caller, company), page, size);
        return new CustomerPage(found.map(view -> CustomerSummary.of(view, company)).getContent(), page, size,
                found.getTotalElements());
    }

    /** ISO also reads signed years such as +999999999-12-31, whose day after overflows an instant. */
    private static void requireCalendarYear(String parameter, LocalDate day) {
        if (day != null && (day.getYear() < 1 || day.getYear() > MAX_YEAR)) {
            throw new BadFilterException(parameter, "must be a date in the years 1 to " + MAX_YEAR);
        }
    }
}
