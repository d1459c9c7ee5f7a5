package com.calliyo.lead.company;

import java.net.URI;

import com.calliyo.lead.caller.CallerResolver;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CompanyController {

    private final CompanyService companies;
    private final CallerResolver callers;

    CompanyController(CompanyService companies, CallerResolver callers) {
        this.companies = companies;
        this.callers = callers;
    }

    /** Public: sign-up of a new company and its first admin. */
    @PostMapping("/api/companies")
    ResponseEntity<CompanyService.SignedUp> signUp(@Valid @RequestBody SignUpRequest request) {
        CompanyService.SignedUp signedUp = companies.signUp(request.companyName(), request.timezone(),
                request.adminName(), request.adminEmail(), request.adminPassword());
        return ResponseEntity.created(URI.create("/api/settings/company")).body(signedUp);
    }

    @GetMapping("/api/settings/company")
    CompanyProfile profile() {
        return companies.profile(callers.current());
    }

    @PutMapping("/api/settings/company")
    CompanyProfile updateProfile(@Valid @RequestBody ProfileRequest request) {
        return companies.updateProfile(callers.current(), new CompanyProfile(request.companyName(), request.phone(),
                request.gstin(), request.address(), request.timezone()));
    }

    record SignUpRequest(@NotBlank @Size(max = 200) String companyName,
                         @NotBlank String timezone,
                         @NotBlank @Size(max = 100) String adminName,
                         @NotBlank @Email @Size(max = 254) String adminEmail,
                         @NotBlank String adminPassword) {
    }

    record ProfileRequest(@NotBlank @Size(max = 200) String companyName,
                          @Size(max = 30) String phone,
                          @Size(max = 20) String gstin,
                          @Size(max = 500) String address,
                          @NotBlank String timezone) {
    }
}
