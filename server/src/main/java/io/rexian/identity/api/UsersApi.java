package io.rexian.identity.api;

import io.rexian.identity.CurrentUser;
import io.rexian.identity.Permission;
import io.rexian.identity.account.Role;
import io.rexian.identity.account.UserAccount;
import io.rexian.identity.account.UserAccounts;
import io.rexian.identity.account.UserAdministration;
import io.rexian.identity.account.UserProfile;
import io.rexian.platform.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@SecurityRequirement(name = ApiSecuritySchemes.BEARER)
@SecurityRequirement(name = ApiSecuritySchemes.API_KEY)
@RequestMapping("/api/v1/users")
@Tag(name = "users", description = "Staff accounts (permission USER_ADMIN)")
class UsersApi {

    /** A user as the API shows him; never a password hash. */
    record UserResource(long id, String username, String displayName, String mobile, String email, Long teamId,
                        boolean enabled, String sipExtension, List<String> roles, boolean mustChangePassword) {

        static UserResource of(UserAccount u) {
            return new UserResource(u.id(), u.username(), u.displayName(), u.mobile(), u.email(), u.teamId(),
                    u.enabled(), u.sipExtension(), u.roles().stream().map(Role::code).sorted().toList(),
                    u.mustChangePassword());
        }
    }

    record CreateUser(
            @NotBlank @Pattern(regexp = "^[A-Za-z0-9._@-]{2,64}$") String username,
            @NotBlank @Size(min = 10, max = 200) String password,
            @NotBlank @Size(max = 100) String displayName,
            @Size(max = 32) @Pattern(regexp = "^$|^[0-9+\\- ]{3,32}$") String mobile,
            @Size(max = 200) @Email String email,
            Long teamId,
            @Size(max = 20) @Pattern(regexp = "^$|^[0-9]{2,20}$") String sipExtension,
            @NotEmpty Set<String> roles) {
    }

    record UpdateUser(
            @NotBlank @Size(max = 100) String displayName,
            @Size(max = 32) @Pattern(regexp = "^$|^[0-9+\\- ]{3,32}$") String mobile,
            @Size(max = 200) @Email String email,
            Long teamId,
            @Size(max = 20) @Pattern(regexp = "^$|^[0-9]{2,20}$") String sipExtension,
            @NotEmpty Set<String> roles,
            @NotNull Boolean enabled) {
    }

    private final UserAccounts accounts;
    private final UserAdministration administration;

    UsersApi(UserAccounts accounts, UserAdministration administration) {
        this.accounts = accounts;
        this.administration = administration;
    }

    @GetMapping
    @Transactional(readOnly = true)
    @Operation(summary = "All users, ordered by username")
    List<UserResource> list(CurrentUser user) {
        user.require(Permission.USER_ADMIN);
        return accounts.findAll(Sort.by("username")).stream().map(UserResource::of).toList();
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    @Operation(summary = "One user")
    UserResource get(CurrentUser user, @PathVariable long id) {
        user.require(Permission.USER_ADMIN);
        return accounts.findById(id).map(UserResource::of)
                .orElseThrow(() -> DomainException.notFound("identity.user.notFound", id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    @Operation(summary = "Create a user", description = "The password is temporary: the user must change it at first sign-in.")
    UserResource create(CurrentUser user, @Valid @RequestBody CreateUser body) {
        user.require(Permission.USER_ADMIN);
        return UserResource.of(administration.create(body.username(), body.password(), true,
                new UserProfile(body.displayName(), body.mobile(), body.email(), body.teamId(), body.sipExtension(),
                        body.roles())));
    }

    @PutMapping("/{id}")
    @Transactional
    @Operation(summary = "Change a user's profile, roles and enabled flag")
    UserResource update(CurrentUser user, @PathVariable long id, @Valid @RequestBody UpdateUser body) {
        user.require(Permission.USER_ADMIN);
        UserAccount account = administration.update(id, new UserProfile(body.displayName(), body.mobile(), body.email(),
                body.teamId(), body.sipExtension(), body.roles()));
        administration.setEnabled(id, body.enabled());
        return UserResource.of(account);
    }
}
