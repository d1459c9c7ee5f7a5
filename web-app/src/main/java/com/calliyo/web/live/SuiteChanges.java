package com.calliyo.web.live;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import com.calliyo.lead.events.CompanyEvent;
import com.calliyo.lead.events.CompanyStatusesChanged;
import com.calliyo.lead.events.LeadAssigned;
import com.calliyo.lead.events.LeadConverted;
import com.calliyo.lead.events.LeadEvent;
import com.calliyo.lead.events.LeadUnassigned;
import com.calliyo.lead.events.LeadUnconverted;
import com.calliyo.order.events.OrderEvent;
import com.calliyo.web.live.SuiteChange.CustomerChange;

/**
 * Reads the suite's events as changes open pages care about. Which agents notice a lead's change: whoever holds the
 * lead, had it until this change, made the change, or is credited with it as a customer, the same people lead- and
 * customer-service let read it.
 */
final class SuiteChanges {

    private SuiteChanges() {
    }

    static SuiteChange of(LeadEvent event) {
        Set<LiveArea> areas = EnumSet.of(LiveArea.LEADS, LiveArea.REPORTS);
        CustomerChange customer = null;
        if (event instanceof LeadConverted) {
            customer = new CustomerChange(event.leadId(), true);
        } else if (event instanceof LeadUnconverted) {
            customer = new CustomerChange(event.leadId(), false);
        } else if (event.lead() != null && event.lead().convertedAt() != null) {
            areas.add(LiveArea.CUSTOMERS); // a customer's name or phone changed: the list shows them
        }
        if (customer != null) {
            areas.add(LiveArea.CUSTOMERS);
        }
        return new SuiteChange(event.companyId(), agents(event), areas, customer);
    }

    /** Orders change the revenue on the dashboard; the Customers list shows no orders. */
    static SuiteChange of(OrderEvent event) {
        Set<String> agents = people(event.actorId(), event.order() == null ? null : event.order().createdBy());
        return new SuiteChange(event.companyId(), agents, EnumSet.of(LiveArea.REPORTS), null);
    }

    /** Renamed or reordered statuses show on every list; other company events change nothing on these pages. */
    static Optional<SuiteChange> of(CompanyEvent event) {
        if (event instanceof CompanyStatusesChanged) {
            return Optional.of(new SuiteChange(event.companyId(), null,
                    EnumSet.of(LiveArea.LEADS, LiveArea.CUSTOMERS, LiveArea.REPORTS), null));
        }
        return Optional.empty();
    }

    private static Set<String> agents(LeadEvent event) {
        String before = null;
        if (event instanceof LeadAssigned assigned) {
            before = assigned.fromAgentId();
        } else if (event instanceof LeadUnassigned unassigned) {
            before = unassigned.fromAgentId();
        }
        var lead = event.lead();
        return people(event.actorId(), before, lead == null ? null : lead.assignedTo(),
                lead == null ? null : lead.convertedBy());
    }

    private static Set<String> people(String... ids) {
        Set<String> people = new HashSet<>();
        Stream.of(ids).filter(Objects::nonNull).forEach(people::add);
        return people;
    }
}
