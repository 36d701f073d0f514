package io.rexian.workorder.web;

import io.rexian.identity.CurrentUser;
import io.rexian.identity.Permission;
import io.rexian.platform.DomainException;
import io.rexian.platform.web.NavigationEntry;
import io.rexian.workorder.DeadlinePhase;
import io.rexian.workorder.WorkOrderConfiguration;
import io.rexian.workorder.WorkOrderTypes;
import io.rexian.workorder.Workflows;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Work-order configuration for administrators: workflow definitions (JSON, validated on save,
 * each save a new version), custom fields, the category tree, deadline rules and the calendar.
 */
@Controller
class WorkOrderAdminPages {

    private final WorkOrderConfiguration configuration;
    private final WorkOrderTypes types;
    private final Workflows workflows;
    private final MessageSource messages;

    WorkOrderAdminPages(WorkOrderConfiguration configuration, WorkOrderTypes types, Workflows workflows,
                        MessageSource messages) {
        this.configuration = configuration;
        this.types = types;
        this.workflows = workflows;
        this.messages = messages;
    }

    @Bean
    static NavigationEntry workOrderAdminNavigation() {
        return new NavigationEntry(240, "workorder.admin.title", "/work-orders/admin", Permission.WORKORDER_CONFIGURE.name());
    }

    @GetMapping("/work-orders/admin")
    String page(@RequestParam(defaultValue = "REPAIR") String type, CurrentUser user, Model model) {
        user.require(Permission.WORKORDER_CONFIGURE);
        types.require(type);
        Workflows.Version current = workflows.current(type);
        model.addAttribute("type", type);
        model.addAttribute("types", types.all());
        model.addAttribute("versions", workflows.versions(type));
        if (!model.containsAttribute("workflowJson")) {
            model.addAttribute("workflowJson", workflows.toJson(workflows.definition(current.id())));
        }
        if (!model.containsAttribute("fieldsJson")) {
            model.addAttribute("fieldsJson", types.customFieldsJson(type));
        }
        model.addAttribute("categories", types.categories());
        model.addAttribute("rules", configuration.rules());
        model.addAttribute("phases", DeadlinePhase.values());
        model.addAttribute("calendar", configuration.calendar());
        return "workorder/admin";
    }

    @PostMapping("/work-orders/admin/workflow")
    String workflow(@RequestParam String type, @RequestParam String json, CurrentUser user, Locale locale,
                    RedirectAttributes flash) {
        flash.addFlashAttribute("workflowJson", json);
        return run(() -> configuration.saveWorkflow(type, json, user).version(), type, locale, flash);
    }

    @PostMapping("/work-orders/admin/fields")
    String fields(@RequestParam String type, @RequestParam String json, CurrentUser user, Locale locale,
                  RedirectAttributes flash) {
        flash.addFlashAttribute("fieldsJson", json);
        return run(() -> {
            configuration.saveCustomFields(type, json, user);
            return null;
        }, type, locale, flash);
    }

    @PostMapping("/work-orders/admin/categories")
    String category(@RequestParam String type, @RequestParam(required = false) Long parentId, @RequestParam String name,
                    CurrentUser user, Locale locale, RedirectAttributes flash) {
        return run(() -> configuration.addCategory(parentId, name, user), type, locale, flash);
    }

    @PostMapping("/work-orders/admin/rules")
    String rule(@RequestParam String type, @RequestParam String ruleType, @RequestParam String priority,
                @RequestParam DeadlinePhase phase, @RequestParam int minutes, @RequestParam(defaultValue = "0") int remindBefore,
                CurrentUser user, Locale locale, RedirectAttributes flash) {
        return run(() -> {
            configuration.saveRule(new WorkOrderConfiguration.Rule(ruleType, priority, phase, minutes, remindBefore), user);
            return null;
        }, type, locale, flash);
    }

    @PostMapping("/work-orders/admin/calendar")
    String calendar(@RequestParam String type, @RequestParam String workStart, @RequestParam String workEnd,
                    @RequestParam String workDays, @RequestParam(defaultValue = "") String seasons,
                    @RequestParam(defaultValue = "") String holidays, @RequestParam(defaultValue = "") String extraWorkdays,
                    CurrentUser user, Locale locale, RedirectAttributes flash) {
        return run(() -> {
            configuration.saveCalendar(workStart, workEnd, workDays, seasons, holidays, extraWorkdays, user);
            return null;
        }, type, locale, flash);
    }

    private String run(Supplier<Object> change, String type, Locale locale, RedirectAttributes flash) {
        try {
            Object result = change.get();
            flash.addFlashAttribute("ok", messages.getMessage("workorder.admin.saved", new Object[] {result == null ? "" : result}, locale));
        } catch (DomainException e) {
            flash.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
        }
        return "redirect:/work-orders/admin?type=" + type;
    }
}
