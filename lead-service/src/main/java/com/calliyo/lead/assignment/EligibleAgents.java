package com.calliyo.lead.assignment;

import java.util.List;

import com.calliyo.lead.user.User;
import com.calliyo.lead.user.Users;
import org.springframework.stereotype.Component;

/**
 * Who the jobs may give leads to (spec A7, A13, §3.9 U3): users of the company with the AGENT role who are not banned
 * and have a lead cap above zero (a user without a cap is not part of the distribution).
 */
@Component
class EligibleAgents {

    private final Users users;

    EligibleAgents(Users users) {
        this.users = users;
    }

    List<User> of(String companyId) {
        return users.agents(companyId).stream()
                .filter(user -> !user.banned() && user.leadCap() != null && user.leadCap() > 0)
                .toList();
    }
}
