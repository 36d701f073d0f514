package io.rexian.workorder.web;

import io.rexian.identity.CurrentUser;
import io.rexian.identity.Permission;
import io.rexian.platform.DomainException;
import io.rexian.platform.web.NavigationEntry;
import io.rexian.workorder.CustomField;
import io.rexian.workorder.DeadlinePhase;
import io.rexian.workorder.WorkOrderConfiguration;
import io.rexian.workorder.WorkOrderTypes;
import io.rexian.workorder.WorkflowAction;
import io.rexian.workorder.WorkflowDefinition;
import io.rexian.workorder.Workflows;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Work-order configuration for administrators: workflow definitions (form editor, or JSON for
 * power users; validated on save, each save a new version), custom fields (form or JSON), the
 * category tree, deadline rules and the calendar.
 */
@Controller
class WorkOrderAdminPages {

    private final WorkOrderConfiguration configuration;
    private final WorkOrderTypes types;
    private final Workflows workflows;
    private final MessageSource messages;
    private final JsonMapper json;

    WorkOrderAdminPages(WorkOrderConfiguration configuration, WorkOrderTypes types, Workflows workflows,
                        MessageSource messages, JsonMapper json) {
        this.configuration = configuration;
        this.types = types;
        this.workflows = workflows;
        this.messages = messages;
        this.json = json;
    }

    @Bean
    static NavigationEntry workOrderAdminNavigation() {
        return NavigationEntry.administration(240, "workorder.admin.title", "/work-orders/admin", Permission.WORKORDER_CONFIGURE.name());
    }

    @GetMapping("/work-orders/admin")
    String page(@RequestParam(defaultValue = "REPAIR") String type, CurrentUser user, Model model) {
        user.require(Permission.WORKORDER_CONFIGURE);
        return show(type, model);
    }

    /** Fills what the page needs; forms and JSON already in the model (the admin's rejected input) are kept. */
    private String show(String type, Model model) {
        types.require(type);
        WorkflowDefinition current = workflows.definition(workflows.current(type).id());
        model.addAttribute("type", type);
        model.addAttribute("types", types.all());
        model.addAttribute("versions", workflows.versions(type));
        if (!model.containsAttribute("workflowJson")) {
            model.addAttribute("workflowJson", workflows.toJson(current));
        }
        if (!model.containsAttribute("workflowForm")) {
            model.addAttribute("workflowForm", WorkflowForm.of(current));
        }
        if (!model.containsAttribute("fieldsJson")) {
            model.addAttribute("fieldsJson", types.customFieldsJson(type));
        }
        if (!model.containsAttribute("fieldsForm")) {
            model.addAttribute("fieldsForm", CustomFieldsForm.of(types.require(type).customFields()));
        }
        model.addAttribute("actions", WorkflowAction.values());
        WorkflowForm form = (WorkflowForm) model.getAttribute("workflowForm");
        model.addAttribute("permissions", Arrays.stream(Permission.values())
                .filter(p -> p.name().startsWith("WORKORDER_") || form.permissionsUsed().contains(p)).toList());
        model.addAttribute("knownFields", WorkflowDefinition.KNOWN_FIELDS.stream().sorted().toList());
        model.addAttribute("kinds", CustomField.Kind.values());
        model.addAttribute("categories", types.categories());
        model.addAttribute("rules", configuration.rules());
        model.addAttribute("phases", DeadlinePhase.values());
        model.addAttribute("calendar", configuration.calendar());
        return "workorder/admin";
    }

    /**
     * The form editor saves through the same service call as the JSON textarea (parse, validate,
     * new version, audit), so both paths accept and refuse exactly the same definitions. A refusal
     * shows the page again with the admin's rows as typed.
     */
    @PostMapping("/work-orders/admin/workflow/form")
    String workflowForm(@RequestParam String type, @ModelAttribute("workflowForm") WorkflowForm form, BindingResult binding,
                        CurrentUser user, Locale locale, Model model, HttpServletResponse response, RedirectAttributes flash) {
        user.require(Permission.WORKORDER_CONFIGURE);
        try {
            int version = configuration.saveWorkflow(type, workflows.toJson(form.toDefinition()), user).version();
            flash.addFlashAttribute("ok", messages.getMessage("workorder.admin.saved", new Object[] {version}, locale));
            return "redirect:/work-orders/admin?type=" + type;
        } catch (DomainException e) {
            return refusedForm(e, "workflowError", type, locale, model, response);
        }
    }

    @PostMapping("/work-orders/admin/fields/form")
    String fieldsForm(@RequestParam String type, @ModelAttribute("fieldsForm") CustomFieldsForm form, BindingResult binding,
                      CurrentUser user, Locale locale, Model model, HttpServletResponse response, RedirectAttributes flash) {
        user.require(Permission.WORKORDER_CONFIGURE);
        try {
            configuration.saveCustomFields(type, json.writeValueAsString(form.toFields()), user);
            flash.addFlashAttribute("ok", messages.getMessage("workorder.admin.saved", new Object[] {""}, locale));
            return "redirect:/work-orders/admin?type=" + type;
        } catch (DomainException e) {
            return refusedForm(e, "fieldsError", type, locale, model, response);
        }
    }

    private String refusedForm(DomainException e, String errorAttribute, String type, Locale locale, Model model,
                               HttpServletResponse response) {
        if (e.kind() != DomainException.Kind.INVALID) {
            throw e;
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute(errorAttribute, describe(e, locale));
        return show(type, model);
    }

    /** The refusal in the admin's language, with workflow actions named as the admin sees them in the selects. */
    private String describe(DomainException e, Locale locale) {
        Object[] args = e.args() == null ? null : Arrays.stream(e.args())
                .map(a -> a instanceof WorkflowAction action
                        ? messages.getMessage("workorder.action." + action.name(), null, action.name(), locale) : a)
                .toArray();
        return messages.getMessage(e.messageKey(), args, e.messageKey(), locale);
    }

    @PostMapping("/work-orders/admin/workflow")
    String workflow(@RequestParam String type, @RequestParam String json, CurrentUser user, Locale locale,
                    RedirectAttributes flash) {
        flash.addFlashAttribute("workflowJson", json);
        flash.addFlashAttribute("workflowJsonOpen", true);
        return run(() -> configuration.saveWorkflow(type, json, user).version(), type, locale, flash);
    }

    @PostMapping("/work-orders/admin/fields")
    String fields(@RequestParam String type, @RequestParam String json, CurrentUser user, Locale locale,
                  RedirectAttributes flash) {
        flash.addFlashAttribute("fieldsJson", json);
        flash.addFlashAttribute("fieldsJsonOpen", true);
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
            flash.addFlashAttribute("error", describe(e, locale));
        }
        return "redirect:/work-orders/admin?type=" + type;
    }
}
