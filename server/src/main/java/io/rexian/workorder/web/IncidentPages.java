package io.rexian.workorder.web;

import io.rexian.identity.CurrentUser;
import io.rexian.identity.Permission;
import io.rexian.platform.DomainException;
import io.rexian.platform.PlatformSettings;
import io.rexian.platform.web.NavigationEntry;
import io.rexian.workorder.Incidents;
import io.rexian.workorder.WorkOrderTypes;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Incidents: several work orders about one fault, opened, linked and closed with one answer. */
@Controller
class IncidentPages {

    private final Incidents incidents;
    private final WorkOrderTypes types;
    private final MessageSource messages;
    private final PlatformSettings platform;

    IncidentPages(Incidents incidents, WorkOrderTypes types, MessageSource messages, PlatformSettings platform) {
        this.incidents = incidents;
        this.types = types;
        this.messages = messages;
        this.platform = platform;
    }

    @Bean
    static NavigationEntry incidentsNavigation() {
        return new NavigationEntry(225, "workorder.incident.list", "/work-orders/incidents", Permission.WORKORDER_INCIDENT.name());
    }

    @GetMapping("/work-orders/incidents")
    String list(CurrentUser user, Model model) {
        user.require(Permission.WORKORDER_INCIDENT);
        model.addAttribute("incidents", incidents.recent(user));
        model.addAttribute("categories", types.categories());
        model.addAttribute("zone", platform.timeZone());
        return "workorder/incidents";
    }

    @PostMapping("/work-orders/incidents")
    String open(@RequestParam String title, @RequestParam(required = false) Long categoryId,
                @RequestParam(required = false) String area, @RequestParam(defaultValue = "") String numbers,
                CurrentUser user, Locale locale, RedirectAttributes flash) {
        try {
            long id = incidents.open(title, categoryId, area, List.of(), user);
            for (String number : Arrays.stream(numbers.split("[,\\s]+")).filter(s -> !s.isBlank()).toList()) {
                incidents.linkByNumber(id, number, user);
            }
            return "redirect:/work-orders/incidents/" + id;
        } catch (DomainException e) {
            flash.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
            return "redirect:/work-orders/incidents";
        }
    }

    @GetMapping("/work-orders/incidents/{id}")
    String detail(@PathVariable long id, CurrentUser user, Model model) {
        user.require(Permission.WORKORDER_INCIDENT);
        model.addAttribute("incident", incidents.view(id, user));
        model.addAttribute("zone", platform.timeZone());
        return "workorder/incident";
    }

    @PostMapping("/work-orders/incidents/{id}/{action}")
    String act(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) String number,
               @RequestParam(required = false) String answer, CurrentUser user, Locale locale, RedirectAttributes flash) {
        try {
            if ("link".equals(action)) {
                incidents.linkByNumber(id, number, user);
                flash.addFlashAttribute("ok", messages.getMessage("workorder.incident.linked", new Object[] {number}, locale));
            } else if ("close".equals(action)) {
                List<String> leftOpen = incidents.close(id, answer, user);
                flash.addFlashAttribute("ok", messages.getMessage("workorder.incident.closedOk",
                        new Object[] {leftOpen.isEmpty() ? "-" : String.join(", ", leftOpen)}, locale));
            } else {
                throw DomainException.notFound("workorder.error.unknownAction", action);
            }
        } catch (DomainException e) {
            flash.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
        }
        return "redirect:/work-orders/incidents/" + id;
    }
}
