package io.rexian.platform.web;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

/** 系统管理: one page with every administration page the user may open. */
@Controller
class AdministrationController {

    @GetMapping("/admin")
    String administration(Model model) {
        if (model.getAttribute("administration") instanceof List<?> visible && visible.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return "administration";
    }
}
