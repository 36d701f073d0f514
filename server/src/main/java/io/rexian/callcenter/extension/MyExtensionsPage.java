package io.rexian.callcenter.extension;

import io.rexian.identity.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 我的分机: the signed-in user's extensions and how to set up a softphone. A page of its own
 * because identity's account page cannot know about extensions without depending on this module.
 */
@Controller
class MyExtensionsPage {

    private final ExtensionAdministration extensions;
    private final SoftphoneSetup softphone;

    MyExtensionsPage(ExtensionAdministration extensions, SoftphoneSetup softphone) {
        this.extensions = extensions;
        this.softphone = softphone;
    }

    @GetMapping("/callcenter/my-extensions")
    String mine(CurrentUser user, HttpServletRequest request, Model model) {
        model.addAttribute("extensions", extensions.ownedBy(user));
        model.addAttribute("setup", softphone.details(request.getServerName()));
        return "callcenter/my-extensions";
    }
}
