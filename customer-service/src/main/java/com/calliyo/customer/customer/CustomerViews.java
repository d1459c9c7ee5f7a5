package com.calliyo.customer.customer;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

/** Read-only queries on the Customers view; {@link CustomerProjection} is the only writer. */
interface CustomerViews extends Repository<CustomerView, String> {

    Optional<CustomerView> findByLeadIdAndCompanyIdAndCustomerTrue(String leadId, String companyId);

    Page<CustomerView> findByCompanyIdAndCustomerTrue(String companyId, Pageable pageable);
}
