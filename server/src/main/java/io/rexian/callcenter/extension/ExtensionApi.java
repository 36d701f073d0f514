package io.rexian.callcenter.extension;

import io.rexian.identity.CurrentUser;
import io.rexian.identity.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** SIP extensions over HTTP: the same rules, permission (CALLCENTER_CONFIGURE) and audit as the pages. */
@RestController
@RequestMapping("/api/v1/extensions")
@Tag(name = "Extensions", description = "SIP extensions: phones and softphones that register with the telephone engine")
class ExtensionApi {

    private final ExtensionAdministration extensions;

    ExtensionApi(ExtensionAdministration extensions) {
        this.extensions = extensions;
    }

    record NewExtension(
            @Schema(description = "3 to 10 digits; not a park slot (701-720) or an existing extension", example = "8101")
            String number,
            @Schema(description = "login name of the user who owns it; omit for none", example = "agent1")
            String owner,
            @Schema(description = "at least 10 characters, not containing the number; omit to have a strong one generated")
            String password) {
    }

    record PasswordChange(
            @Schema(description = "version you read; 409 when the extension changed since. Omit to skip the check")
            Long version,
            @Schema(description = "new password; omit to have one generated") String password) {
    }

    record EnabledChange(Long version, boolean enabled) {
    }

    record OwnerChange(Long version,
                       @Schema(description = "login name of the new owner; omit or blank for none") String owner) {
    }

    /** The password appears only when Rexian generated it, in this one answer. */
    record SavedExtension(ExtensionView extension, String generatedPassword) {
        static SavedExtension of(ExtensionAdministration.Saved saved) {
            return new SavedExtension(saved.extension(), saved.generatedPassword());
        }
    }

    @GetMapping
    @Operation(summary = "List extensions", description = "q matches part of the number or of the owner's login or name. "
            + "registered is null when the telephone engine is not running.")
    List<ExtensionView> list(@Parameter(hidden = true) CurrentUser user, @RequestParam(required = false) String q) {
        return extensions.search(user, q);
    }

    @GetMapping("/{number}")
    @Operation(summary = "One extension")
    ExtensionView get(@Parameter(hidden = true) CurrentUser user, @PathVariable String number) {
        return extensions.get(user, number);
    }

    @PostMapping
    @Operation(summary = "Create an extension", description = "Answers 201 with the generated password when none was "
            + "sent; it is not stored and cannot be read again.")
    ResponseEntity<SavedExtension> create(@Parameter(hidden = true) CurrentUser user, @RequestBody NewExtension body) {
        ExtensionAdministration.Saved saved = extensions.create(user, body.number(), body.owner(), body.password());
        return ResponseEntity.created(URI.create("/api/v1/extensions/" + saved.extension().number()))
                .body(SavedExtension.of(saved));
    }

    @PostMapping("/{number}/password")
    @Operation(summary = "Set a new password", description = "Phones registered with the old password fail at their "
            + "next re-registration.")
    SavedExtension resetPassword(@Parameter(hidden = true) CurrentUser user, @PathVariable String number,
                                 @RequestBody PasswordChange body) {
        return SavedExtension.of(extensions.resetPassword(user, number, body.version(), body.password()));
    }

    @PostMapping("/{number}/enabled")
    @Operation(summary = "Enable or disable", description = "A disabled extension cannot call at once; its next "
            + "REGISTER is refused (403). Calls to it still reach a phone registered before, until that registration expires.")
    ExtensionView setEnabled(@Parameter(hidden = true) CurrentUser user, @PathVariable String number,
                             @RequestBody EnabledChange body) {
        return extensions.setEnabled(user, number, body.version(), body.enabled());
    }

    @PostMapping("/{number}/owner")
    @Operation(summary = "Hand the extension to another user", description = "The password stays the same.")
    ExtensionView changeOwner(@Parameter(hidden = true) CurrentUser user, @PathVariable String number,
                              @RequestBody OwnerChange body) {
        return extensions.changeOwner(user, number, body.version(), body.owner());
    }

    @DeleteMapping("/{number}")
    @Operation(summary = "Delete an extension")
    ResponseEntity<Void> delete(@Parameter(hidden = true) CurrentUser user, @PathVariable String number,
                                @RequestParam(required = false) Long version) {
        extensions.delete(user, number, version);
        return ResponseEntity.noContent().build();
    }
}
