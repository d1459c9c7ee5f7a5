package com.calliyo.lead.user;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import com.calliyo.lead.caller.CallerResolver;
import com.calliyo.lead.caller.Role;
import com.calliyo.lead.web.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/users")
class UserController {

    private final UserService users;
    private final CallerResolver callers;

    UserController(UserService users, CallerResolver callers) {
        this.users = users;
        this.callers = callers;
    }

    @GetMapping
    Page<UserResponse> list(@RequestParam(defaultValue = "0") @Min(0) int page,
                            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        var caller = callers.current();
        List<UserResponse> items = users.page(caller, page, size).stream().map(UserResponse::of).toList();
        return new Page<>(items, page, size, users.count(caller));
    }

    @GetMapping("/{id}")
    UserResponse get(@PathVariable String id) {
        return UserResponse.of(users.get(callers.current(), id));
    }

    @PostMapping
    ResponseEntity<UserResponse> create(@Valid @RequestBody CreateUserRequest request) {
        User created = users.create(callers.current(), new UserService.NewUser(request.name(), request.email(),
                request.password(), request.role(), request.phone(), request.leadCap(), request.branch(),
                request.department()));
        return ResponseEntity.created(URI.create("/api/users/" + created.id())).body(UserResponse.of(created));
    }

    @PatchMapping("/{id}")
    UserResponse change(@PathVariable String id, @Valid @RequestBody ChangeUserRequest request) {
        return UserResponse.of(users.update(callers.current(), id, new UserChanges(request.name(), request.email(),
                request.password(), request.role(), request.phone(), request.leadCap(), request.branch(),
                request.department(), request.banned())));
    }

    record CreateUserRequest(@NotBlank @Size(max = 100) String name,
                             @NotBlank @Email @Size(max = 254) String email,
                             @NotBlank String password,
                             @NotNull Role role,
                             @Size(max = 30) String phone,
                             @Min(0) @Max(100_000) Integer leadCap,
                             @Size(max = 100) String branch,
                             @Size(max = 100) String department) {
    }

    record ChangeUserRequest(@Size(min = 1, max = 100) String name,
                             @Email @Size(min = 3, max = 254) String email,
                             String password,
                             Role role,
                             @Size(max = 30) String phone,
                             @Min(0) @Max(100_000) Integer leadCap,
                             @Size(max = 100) String branch,
                             @Size(max = 100) String department,
                             Boolean banned) {
    }

    record UserResponse(String id, String companyId, String name, String email, Role role, String phone,
                        Integer leadCap, String branch, String department, boolean banned, Instant createdAt,
                        Instant updatedAt) {

        static UserResponse of(User user) {
            return new UserResponse(user.id(), user.companyId(), user.name(), user.email(), user.role(), user.phone(),
                    user.leadCap(), user.branch(), user.department(), user.banned(), user.createdAt(),
                    user.updatedAt());
        }
    }
}
