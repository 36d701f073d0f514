package io.rexian.identity.web;

import io.rexian.identity.CurrentUser;
import io.rexian.identity.CurrentUsers;
import io.rexian.platform.PlatformSettings;
import java.time.ZoneId;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Lets the layout greet the signed-in user by his display name on every page. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class SignedInUserModel {

    private final ZoneId zone;

    SignedInUserModel(PlatformSettings settings) {
        this.zone = settings.timeZone();
    }

    /** The utility's time zone, for formatting instants: {@code #temporals.format(t.atZone(identityZone), ...)}. */
    @ModelAttribute("identityZone")
    ZoneId zone() {
        return zone;
    }

    @ModelAttribute("signedInName")
    String signedInName() {
        return CurrentUsers.current().map(CurrentUser::displayName).orElse(null);
    }
}
