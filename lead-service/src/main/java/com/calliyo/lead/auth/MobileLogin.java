package com.calliyo.lead.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.calliyo.lead.company.Companies;
import com.calliyo.lead.company.Company;
import com.calliyo.lead.config.LeadServiceProperties;
import com.calliyo.lead.shared.PhoneNumbers;
import com.calliyo.lead.user.User;
import com.calliyo.lead.user.Users;
import com.calliyo.lead.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Sign-in with a mobile number and an mPIN, for phone clients; it starts a {@link Session#MOBILE} session with the
 * same access and refresh tokens as the web sign-in. A number held by users of several companies: the client may
 * name the company ({@code companyCode}, its id); without it the mPIN decides, and when it fits more than one
 * account the answer is 409 listing those companies (only after a right mPIN, so the list reveals nothing to a
 * guesser). Five wrong mPINs in a row lock an account for 15 minutes.
 */
@Service
class MobileLogin {

    private final Users users;
    private final Mpins mpins;
    private final Companies companies;
    private final PasswordEncoder hasher;
    private final SignInSessions sessions;
    private final LeadServiceProperties properties;
    private final Clock clock;
    /** Compared against when the number is unknown, so that an unknown number costs as long as a wrong mPIN. */
    private final String decoyHash;

    MobileLogin(Users users, Mpins mpins, Companies companies, PasswordEncoder hasher, SignInSessions sessions,
                LeadServiceProperties properties, Clock clock) {
        this.users = users;
        this.mpins = mpins;
        this.companies = companies;
        this.hasher = hasher;
        this.sessions = sessions;
        this.properties = properties;
        this.clock = clock;
        this.decoyHash = hasher.encode("000000");
    }

    SignInSessions.Grant login(String companyCode, String mobile, String mpin, String deviceId) {
        if (!MpinRules.mobileShaped(mobile)) {
            throw MpinRules.refused(HttpStatus.BAD_REQUEST, "mobile", MpinRules.INVALID_MOBILE);
        }
        String phone = PhoneNumbers.toE164(mobile, properties.defaultPhoneRegion()).orElseThrow(
                () -> MpinRules.refused(HttpStatus.BAD_REQUEST, "mobile", MpinRules.INVALID_MOBILE));
        if (!MpinRules.mpinShaped(mpin)) {
            throw MpinRules.refused(HttpStatus.BAD_REQUEST, "mpin", MpinRules.INVALID_MPIN);
        }
        List<User> holders = users.findByPhone(phone).stream()
                .filter(user -> companyCode == null || companyCode.isBlank() || user.companyId().equals(companyCode))
                .toList();
        if (holders.isEmpty()) {
            hasher.matches(mpin, decoyHash);
            throw MpinRules.refused(HttpStatus.UNAUTHORIZED, "mobile", MpinRules.INVALID_MOBILE);
        }
        Instant now = clock.instant();
        List<User> matching = new ArrayList<>();
        List<Instant> locks = new ArrayList<>();
        for (User holder : holders) {
            Optional<Mpins.Mpin> stored = mpins.find(holder.id()).filter(found -> found.companyId()
                    .equals(holder.companyId()));
            if (stored.isEmpty()) {
                hasher.matches(mpin, decoyHash);
            } else if (stored.get().lockedAt(now)) {
                locks.add(stored.get().lockedUntil());
            } else if (hasher.matches(mpin, stored.get().hash())) {
                matching.add(holder);
            } else {
                mpins.wrongGuess(holder.id(), MpinRules.WRONG_GUESSES_BEFORE_LOCK, MpinRules.LOCK, now)
                        .ifPresent(locks::add);
            }
        }
        if (matching.isEmpty()) {
            if (!locks.isEmpty()) {
                throw new MpinLockedException(locks.stream().max(Comparator.naturalOrder()).orElseThrow());
            }
            throw MpinRules.refused(HttpStatus.UNAUTHORIZED, "mpin", MpinRules.INVALID_MPIN);
        }
        matching.forEach(user -> mpins.rightGuess(user.id()));
        if (matching.size() > 1) {
            throw chooseCompany(matching);
        }
        User user = matching.get(0);
        if (user.banned()) {
            throw MpinRules.refused(HttpStatus.UNAUTHORIZED, "mobile", MpinRules.BANNED);
        }
        return sessions.start(user, deviceId, Session.MOBILE);
    }

    private ApiException chooseCompany(List<User> matching) {
        List<Map<String, String>> choices = matching.stream().map(user -> Map.of("companyCode", user.companyId(),
                "companyName", companies.find(user.companyId()).map(Company::name).orElse(user.companyId())))
                .distinct().toList();
        return new ApiException(HttpStatus.CONFLICT, "Choose a company",
                "This mobile number and M-PIN open accounts in several companies; send companyCode with one of "
                        + "the choices", null, Map.of("choices", choices));
    }
}
