package com.calliyo.lead.user;

import com.calliyo.lead.caller.Role;

/** A partial update of a user, already validated and normalised; null means "leave as is". */
record UserChanges(String name, String email, String password, Role role, String phone, Integer leadCap,
                   String branch, String department, Boolean banned) {
}
