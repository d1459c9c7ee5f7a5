package com.calliyo.lead.company;

import com.calliyo.lead.caller.Caller;
import com.calliyo.lead.user.Users;
import com.calliyo.lead.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Settings → Configurations asks the admin to type their password again before a change is applied
 * ({@code X-Confirm-Password}); a stolen token alone cannot change them. Missing or wrong → 403.
 */
@Component
class PasswordConfirmation {

    static final String HEADER = "X-Confirm-Password";

    private final Users users;
    private final PasswordEncoder passwords;

    PasswordConfirmation(Users users, PasswordEncoder passwords) {
        this.users = users;
        this.passwords = passwords;
    }

    void require(Caller caller, String password) {
        if (password == null || password.isEmpty()) {
            throw refused("Confirm the change with your password in the " + HEADER + " header");
        }
        boolean matches = users.find(caller.companyId(), caller.userId())
                .map(user -> passwords.matches(password, user.passwordHash()))
                .orElse(false);
        if (!matches) {
            throw refused("The password in " + HEADER + " is not your password");
        }
    }

    private static ApiException refused(String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, "Password confirmation required", detail);
    }
}
