package com.calliyo.customer.customer;

class CustomerNotFoundException extends RuntimeException {

    CustomerNotFoundException(String leadId) {
        super("No customer with id " + leadId);
    }
}
