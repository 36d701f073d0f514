package io.rexian.identity.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/**
 * What an administrator sets on a user (everything but the password).
 *
 * @param roleCodes codes of the user's roles, e.g. AGENT
 */
public record UserProfile(
        @NotBlank @Size(max = 100) String displayName,
        @Size(max = 32) @Pattern(regexp = "^$|^[0-9+\\- ]{3,32}$") String mobile,
        @Size(max = 200) @Email String email,
        Long teamId,
        @Size(max = 20) @Pattern(regexp = "^$|^[0-9]{2,20}$") String sipExtension,
        Set<String> roleCodes) {

    public UserProfile {
        roleCodes = roleCodes == null ? Set.of() : Set.copyOf(roleCodes);
    }
}
