package com.calliyo.lead.auth;

import java.util.List;
import java.util.Locale;

import com.calliyo.lead.user.User;
import com.calliyo.lead.user.Users;
import com.calliyo.lead.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Checks an email and password and starts a session; every failure looks the same to the client. */
@Service
class LoginService {

    /** Compared against when no account matches, so that a missing email costs as long as a wrong password. */
    private final String decoyHash;
    private final Users users;
    private final PasswordEncoder passwords;
    private final SignInSessions sessions;

    LoginService(Users users, PasswordEncoder passwords, SignInSessions sessions) {
        this.users = users;
        this.passwords = passwords;
        this.sessions = sessions;
        this.decoyHash = passwords.encode("decoy-password-for-timing");
    }

    SignInSessions.Grant login(String companyId, String email, String password, String deviceId) {
        List<User> candidates = users.findByEmail(email.trim().toLowerCase(Locale.ROOT)).stream()
                .filter(user -> companyId == null || companyId.isBlank() || user.companyId().equals(companyId))
                .toList();
        if (candidates.isEmpty()) {
            passwords.matches(password, decoyHash);
            throw badCredentials();
        }
        // Without a company id the same email may exist in several companies: the password decides.
        List<User> matching = candidates.stream().filter(user -> passwords.matches(password, user.passwordHash()))
                .toList();
        if (matching.size() != 1) {
            throw badCredentials();
        }
        User user = matching.get(0);
        if (user.banned()) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "Unauthorized", "User is banned / inactive");
        }
        return sessions.start(user, deviceId);
    }

    private static ApiException badCredentials() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "Unauthorized", "Wrong email or password");
    }
}
