package io.rexian.platform.web;

import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The workbench: the first page after sign-in, a tile for everything the user may open. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(Principal principal, Model model) {
        model.addAttribute("displayName", principal == null ? "" : principal.getName());
        return "home";
    }
}
