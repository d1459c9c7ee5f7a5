package com.calliyo.lead.user;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.calliyo.lead.caller.Caller;
import com.calliyo.lead.caller.Role;
import com.calliyo.lead.config.LeadServiceProperties;
import com.calliyo.lead.shared.InvalidFieldException;
import com.calliyo.lead.shared.PhoneNumbers;
import com.calliyo.lead.web.ApiException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Adds, lists and changes the users of the caller's company; passwords are only ever stored hashed. */
@Service
public class UserService {

    static final int MIN_PASSWORD_LENGTH = 8;
    /** bcrypt reads at most 72 bytes; longer passwords would be silently truncated, so they are refused. */
    static final int MAX_PASSWORD_BYTES = 72;

    private final Users users;
    private final PasswordEncoder passwords;
    private final UserEvents events;
    private final LeadServiceProperties properties;
    private final ApplicationEventPublisher signIns;
    private final Clock clock;

    UserService(Users users, PasswordEncoder passwords, UserEvents events, LeadServiceProperties properties,
                ApplicationEventPublisher signIns, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.events = events;
        this.properties = properties;
        this.signIns = signIns;
        this.clock = clock;
    }

    /** The first admin of a new company; there is no caller yet. */
    public User createFirstAdmin(String companyId, String name, String email, String password) {
        return insert(companyId, null, new NewUser(name, email, password, Role.ADMIN, null, null, null, null),
                "adminPassword");
    }

    User create(Caller caller, NewUser user) {
        requireAdmin(caller);
        return insert(caller.companyId(), caller.userId(), user, "password");
    }

    User update(Caller caller, String userId, UserChanges requested) {
        requireAdmin(caller);
        User current = users.find(caller.companyId(), userId).orElseThrow(() -> new UserNotFoundException(userId));
        if (current.id().equals(caller.userId()) && (Boolean.TRUE.equals(requested.banned())
                || (requested.role() != null && requested.role() != Role.ADMIN))) {
            throw new ApiException(HttpStatus.CONFLICT, "Cannot lock yourself out",
                    "An admin can neither ban themself nor give up their own admin role");
        }
        UserChanges changes = new UserChanges(trimToNull(requested.name()), normaliseEmail(requested.email()),
                null, requested.role(), normalisePhone(requested.phone()), requested.leadCap(),
                trimToNull(requested.branch()), trimToNull(requested.department()), requested.banned());
        String newHash = requested.password() == null ? null : hash(requested.password(), "password");
        Instant now = clock.instant();
        User updated = current.withChanges(changes, newHash, now);
        if (!users.replace(updated, current.version(), events.userChanged(updated, caller.userId(), now))) {
            throw new ApiException(HttpStatus.CONFLICT, "Concurrent change",
                    "User " + userId + " was changed by another request at the same time; try again");
        }
        if (!updated.tokensValidAfter().equals(current.tokensValidAfter())) {
            signIns.publishEvent(new CredentialsChanged(updated.companyId(), updated.id(), now));
        }
        return updated;
    }

    User get(Caller caller, String userId) {
        return users.find(caller.companyId(), userId).orElseThrow(() -> new UserNotFoundException(userId));
    }

    List<User> page(Caller caller, int page, int size) {
        return users.page(caller.companyId(), page, size);
    }

    long count(Caller caller) {
        return users.count(caller.companyId());
    }

    /** {@code actorId} null: the user creates themself (the first admin at sign-up). */
    private User insert(String companyId, String actorId, NewUser user, String passwordField) {
        Instant now = clock.instant();
        User created = new User(UUID.randomUUID().toString(), companyId, user.name().trim(),
                normaliseEmail(user.email()), hash(user.password(), passwordField), user.role(),
                normalisePhone(user.phone()), user.leadCap(), trimToNull(user.branch()),
                trimToNull(user.department()), false, now, now, now, 1);
        users.insert(created, events.userChanged(created, actorId == null ? created.id() : actorId, now));
        return created;
    }

    private String hash(String password, String field) {
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidFieldException(field, "must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new InvalidFieldException(field, "must be at most " + MAX_PASSWORD_BYTES + " bytes long");
        }
        return passwords.encode(password);
    }

    private String normalisePhone(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        return PhoneNumbers.toE164(phone, properties.defaultPhoneRegion())
                .orElseThrow(() -> new InvalidFieldException("phone", "is not a valid phone number"));
    }

    static String normaliseEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    private static String trimToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.is(Role.ADMIN)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Forbidden", "Only an admin can manage users");
        }
    }

    record NewUser(String name, String email, String password, Role role, String phone, Integer leadCap,
                   String branch, String department) {
    }
}
