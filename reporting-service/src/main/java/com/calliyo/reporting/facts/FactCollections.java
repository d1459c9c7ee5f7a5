package com.calliyo.reporting.facts;

/** The collections of the {@code reporting} database; all are rebuildable by replaying the topics. */
public final class FactCollections {

    public static final String LEADS = "lead_facts";
    public static final String ORDERS = "order_facts";
    public static final String CALLS = "call_facts";
    public static final String COMPANY_SETTINGS = "company_settings";
    public static final String COMPANY_PIPELINES = "company_pipelines";
    public static final String USERS = "user_facts";

    private FactCollections() {
    }
}
