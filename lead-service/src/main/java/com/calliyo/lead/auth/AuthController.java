package com.calliyo.lead.auth;

import com.calliyo.lead.caller.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AuthController {

    private final LoginService logins;

    AuthController(LoginService logins) {
        this.logins = logins;
    }

    @PostMapping("/api/auth/login")
    LoginResponse login(@Valid @RequestBody LoginRequest request) {
        LoginService.SignedIn signedIn = logins.login(request.companyId(), request.email(), request.password());
        var user = signedIn.user();
        return new LoginResponse(signedIn.token().value(), "Bearer", signedIn.token().expiresInSeconds(),
                new LoginResponse.SignedInUser(user.id(), user.name(), user.role(), user.companyId()));
    }

    record LoginRequest(@Size(max = 64) String companyId,
                        @NotBlank @Size(max = 254) String email,
                        @NotBlank @Size(max = 200) String password) {
    }

    record LoginResponse(String accessToken, String tokenType, long expiresIn, SignedInUser user) {

        record SignedInUser(String id, String name, Role role, String companyId) {
        }
    }
}
