package com.calliyo.customer.customers;

class CustomerNotFoundException extends RuntimeException {

    CustomerNotFoundException(String leadId) {
        super("No customer with id " + leadId);
    }
}
