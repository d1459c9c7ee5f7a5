package com.calliyo.reporting.facts;

/** The collections of the {@code reporting} database; all are rebuildable by replaying the topics. */
public final class FactCollections {

    public static final String LEADS = "lead_facts";
    public static final String ORDERS = "order_facts";
    public static final String CALLS = "call_facts";
    public static final String COMPANY_SETTINGS = "company_settings";
    /** Every daily call target a company has had, one document per settingsVersion, with its effective time. */
    public static final String COMPANY_CALL_TARGETS = "company_call_targets";
    public static final String COMPANY_PIPELINES = "company_pipelines";
    public static final String USERS = "user_facts";
    /** Per company, how many fact writes began and ended ({@link FactGenerations}). */
    public static final String GENERATIONS = "fact_generations";

    private FactCollections() {
    }
}
