package io.rexian.identity.web;

import io.rexian.identity.account.Role;
import io.rexian.identity.account.UserAccount;
import io.rexian.identity.account.UserProfile;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** The user edit form as the browser posts it. */
public class UserForm {

    @Pattern(regexp = "^[A-Za-z0-9._@-]{2,64}$")
    private String username;
    private String password;
    @NotBlank
    @Size(max = 100)
    private String displayName;
    @Size(max = 32)
    @Pattern(regexp = "^$|^[0-9+\\- ]{3,32}$")
    private String mobile;
    @Size(max = 200)
    @Email
    private String email;
    private Long teamId;
    @Size(max = 20)
    @Pattern(regexp = "^$|^[0-9]{2,20}$")
    private String sipExtension;
    private List<String> roleCodes = new ArrayList<>();
    private long version;

    static UserForm of(UserAccount user) {
        UserForm f = new UserForm();
        f.username = user.username();
        f.displayName = user.displayName();
        f.mobile = user.mobile();
        f.email = user.email();
        f.teamId = user.teamId();
        f.sipExtension = user.sipExtension();
        f.roleCodes = new ArrayList<>(user.roles().stream().map(Role::code).sorted().toList());
        f.version = user.version();
        return f;
    }

    UserProfile profile() {
        return new UserProfile(displayName, mobile, email, teamId, sipExtension,
                new HashSet<>(roleCodes == null ? List.of() : roleCodes));
    }

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username == null ? null : username.trim(); }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getMobile() { return mobile; }
    public void setMobile(String mobile) { this.mobile = mobile; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public Long getTeamId() { return teamId; }
    public void setTeamId(Long teamId) { this.teamId = teamId; }
    public String getSipExtension() { return sipExtension; }
    public void setSipExtension(String sipExtension) { this.sipExtension = sipExtension; }
    public List<String> getRoleCodes() { return roleCodes; }
    public void setRoleCodes(List<String> roleCodes) { this.roleCodes = roleCodes; }
    public long getVersion() { return version; }
    public void setVersion(long version) { this.version = version; }
}
