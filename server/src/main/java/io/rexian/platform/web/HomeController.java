package io.rexian.platform.web;

import java.security.Principal;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The workbench: the first page after sign-in, the user's figures and everything he may open. */
@Controller
class HomeController {

    private final List<WorkbenchFigures> figureSources;

    HomeController(List<WorkbenchFigures> figureSources) {
        this.figureSources = figureSources;
    }

    @GetMapping("/")
    String home(Principal principal, Model model) {
        model.addAttribute("displayName", principal == null ? "" : principal.getName());
        model.addAttribute("figures", figureSources.stream()
                .flatMap(source -> source.forCurrentUser().stream())
                .sorted(Comparator.comparingInt(WorkbenchFigure::order))
                .toList());
        return "home";
    }
}
