package com.calliyo.lead.user;

import java.time.Instant;

import com.calliyo.lead.caller.Role;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person who signs in. Emails are unique within a company (stored lower-cased). A ban keeps the user and their
 * leads but stops sign-in and, through {@code tokensValidAfter}, every token issued before it; a role or password
 * change moves {@code tokensValidAfter} too.
 */
@Document(Users.COLLECTION)
public record User(@Id String id, String companyId, String name, String email, String passwordHash, Role role,
                   String phone, Integer leadCap, String branch, String department, boolean banned,
                   Instant tokensValidAfter, Instant createdAt, Instant updatedAt, long version) {

    User withChanges(UserChanges changes, String newPasswordHash, Instant now) {
        boolean banning = changes.banned() != null && changes.banned() && !banned;
        // A token's role claim must not outlive the role: a new role voids earlier tokens, like a ban does.
        boolean newRole = changes.role() != null && changes.role() != role;
        return new User(id, companyId,
                changes.name() != null ? changes.name() : name,
                changes.email() != null ? changes.email() : email,
                newPasswordHash != null ? newPasswordHash : passwordHash,
                changes.role() != null ? changes.role() : role,
                changes.phone() != null ? changes.phone() : phone,
                changes.leadCap() != null ? changes.leadCap() : leadCap,
                changes.branch() != null ? changes.branch() : branch,
                changes.department() != null ? changes.department() : department,
                changes.banned() != null ? changes.banned() : banned,
                banning || newRole || newPasswordHash != null ? now : tokensValidAfter,
                createdAt, now, version + 1);
    }
}
