package io.rexian.workorder.web;

import io.rexian.customer.CustomerLookup;
import io.rexian.identity.CurrentUser;
import io.rexian.identity.Permission;
import io.rexian.identity.Teams;
import io.rexian.platform.DomainException;
import io.rexian.platform.PlatformSettings;
import io.rexian.platform.web.NavigationEntry;
import io.rexian.workorder.Attachments;
import io.rexian.workorder.Callbacks;
import io.rexian.workorder.Incidents;
import io.rexian.workorder.ProgressStep;
import io.rexian.workorder.WorkOrderCommands;
import io.rexian.workorder.WorkOrderLifecycle;
import io.rexian.workorder.WorkOrderQuery;
import io.rexian.workorder.WorkOrderSearch;
import io.rexian.workorder.WorkOrderTypes;
import io.rexian.workorder.WorkOrderView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Work-order pages: the desktop list and registration for agents, the detail page with every
 * action the user may take, and mobile-first pages ({@code /m/...}) for repair leads and field
 * workers. Refusals come back as an alert in the user's language.
 */
@Controller
class WorkOrderPages {

    private final WorkOrderLifecycle lifecycle;
    private final WorkOrderSearch search;
    private final WorkOrderTypes types;
    private final Teams teams;
    private final Callbacks callbacks;
    private final Incidents incidents;
    private final MessageSource messages;
    private final PlatformSettings platform;
    private final CustomerLookup customerLookup;

    WorkOrderPages(CustomerLookup customerLookup, WorkOrderLifecycle lifecycle, WorkOrderSearch search, WorkOrderTypes types, Teams teams,
                   Callbacks callbacks, Incidents incidents, MessageSource messages, PlatformSettings platform) {
        this.customerLookup = customerLookup;
        this.lifecycle = lifecycle;
        this.search = search;
        this.types = types;
        this.teams = teams;
        this.callbacks = callbacks;
        this.incidents = incidents;
        this.messages = messages;
        this.platform = platform;
    }

    @Bean
    static NavigationEntry workOrdersNavigation() {
        return new NavigationEntry(200, "workorder.nav.list", "/work-orders", Permission.WORKORDER_VIEW_ALL.name());
    }

    @Bean
    static NavigationEntry myWorkOrdersNavigation() {
        return new NavigationEntry(210, "workorder.nav.mine", "/m/work-orders", Permission.WORKORDER_HANDLE.name());
    }

    @Bean
    static NavigationEntry callbacksNavigation() {
        return new NavigationEntry(220, "workorder.nav.callbacks", "/work-orders/callbacks", Permission.WORKORDER_CALLBACK.name());
    }

    /** cf.&lt;key&gt;=value request parameters as custom-field filters. */
    static Map<String, String> customFilters(Map<String, String> all) {
        Map<String, String> custom = new LinkedHashMap<>();
        all.forEach((k, v) -> {
            if (k.startsWith("cf.") && v != null && !v.isBlank()) {
                custom.put(k.substring(3), v);
            }
        });
        return custom;
    }

    @GetMapping("/work-orders")
    String list(@RequestParam Map<String, String> p, CurrentUser user, Model model) {
        WorkOrderQuery q = new WorkOrderQuery(blank(p.get("type")), blank(p.get("customerClass")),
                number(p.get("categoryId")), day(p.get("from"), 0), day(p.get("to"), 1), blank(p.get("state")),
                number(p.get("teamId")), "true".equals(p.get("overdue")) ? Boolean.TRUE : null,
                blank(p.get("callbackResult")), blank(p.get("callbackStatus")), blank(p.get("q")), customFilters(p),
                (int) (number(p.get("page")) == null ? 0 : number(p.get("page"))), 20);
        model.addAttribute("result", search.search(q, user));
        model.addAttribute("p", p);
        common(model);
        return "workorder/list";
    }

    @GetMapping("/work-orders/new")
    String registration(CurrentUser user, Model model) {
        user.require(Permission.WORKORDER_CREATE);
        common(model);
        return "workorder/new";
    }

    @PostMapping("/work-orders")
    String register(@RequestParam Map<String, String> p,
                    @RequestParam(name = "files", required = false) List<MultipartFile> files, CurrentUser user,
                    Model model, Locale locale, RedirectAttributes flash) {
        try {
            Map<String, Object> custom = new LinkedHashMap<>(customFilters(p));
            WorkOrderView w = lifecycle.register(new WorkOrderCommands.Register(p.get("typeCode"),
                    p.getOrDefault("priority", "NORMAL"), p.getOrDefault("channel", "PHONE"), number(p.get("customerId")),
                    blank(p.get("customerName")), blank(p.get("customerClass")), p.get("contactPhone"),
                    blank(p.get("address")), number(p.get("categoryId")), p.get("description"), blank(p.get("callRef")),
                    custom, number(p.get("teamId")), blank(p.get("reason"))), uploads(files), user);
            flash.addFlashAttribute("ok", messages.getMessage("workorder.registered", new Object[] {w.number()}, locale));
            return "redirect:/work-orders/" + w.id();
        } catch (DomainException e) {
            model.addAttribute("error", message(e, locale));
            model.addAttribute("p", p);
            common(model);
            return "workorder/new";
        }
    }

    /**
     * The customer picker: the customer with the typed account number, or else those having the
     * typed phone number, each with a button that fills the form.
     */
    @GetMapping("/work-orders/customers")
    String customers(@RequestParam(required = false) String contactPhone,
                     @RequestParam(required = false) String accountNo, CurrentUser user, Model model) {
        user.require(Permission.WORKORDER_CREATE);
        boolean byAccount = accountNo != null && !accountNo.isBlank();
        model.addAttribute("customers", byAccount
                ? customerLookup.byAccountNo(accountNo).stream().toList()
                : customerLookup.byPhone(contactPhone));
        model.addAttribute("phone", byAccount ? accountNo : contactPhone);
        model.addAttribute("byAccount", byAccount);
        return "workorder/duplicates :: customers";
    }

    @GetMapping("/work-orders/duplicates")
    String duplicates(@RequestParam(required = false) Long categoryId, @RequestParam(required = false) String address,
                      @RequestParam(required = false) String contactPhone, CurrentUser user, Model model) {
        model.addAttribute("suggestions", incidents.likelyDuplicates(categoryId, address, contactPhone, user));
        return "workorder/duplicates :: list";
    }

    @GetMapping({"/work-orders/{id}", "/m/work-orders/{id}"})
    String detail(@PathVariable long id, CurrentUser user, Model model, jakarta.servlet.http.HttpServletRequest request) {
        model.addAttribute("w", lifecycle.view(id, user));
        common(model);
        return request.getRequestURI().startsWith(request.getContextPath() + "/m/") ? "workorder/mobile-detail" : "workorder/detail";
    }

    @GetMapping("/work-orders/{id}/print")
    String print(@PathVariable long id, CurrentUser user, Model model) {
        model.addAttribute("w", lifecycle.view(id, user));
        common(model);
        return "workorder/print";
    }

    @GetMapping("/m/work-orders")
    String mine(CurrentUser user, Model model, @RequestParam(defaultValue = "open") String show) {
        user.require(Permission.WORKORDER_VIEW);
        WorkOrderQuery q = new WorkOrderQuery(null, null, null, null, null, null, user.teamId(), null, null, null,
                null, Map.of(), 0, 50);
        WorkOrderSearch.Page page = search.search(q, user);
        model.addAttribute("rows", page.rows().stream()
                .filter(r -> !"open".equals(show) || !"CLOSED".equals(r.state())).toList());
        model.addAttribute("show", show);
        common(model);
        return "workorder/mobile-list";
    }

    @PostMapping({"/work-orders/{id}/{action}", "/m/work-orders/{id}/{action}"})
    String act(@PathVariable long id, @PathVariable String action, @RequestParam Map<String, String> p,
               @RequestParam(name = "photos", required = false) List<MultipartFile> photos, CurrentUser user,
               Locale locale, RedirectAttributes flash, jakarta.servlet.http.HttpServletRequest request) {
        Long version = number(p.get("version"));
        String note = p.get("note");
        String back = (request.getRequestURI().startsWith(request.getContextPath() + "/m/") ? "/m" : "") + "/work-orders/" + id;
        Supplier<WorkOrderView> run = switch (action) {
            case "transfer" -> () -> lifecycle.transfer(id, version, required(number(p.get("teamId"))), note, user);
            case "retransfer" -> () -> lifecycle.retransfer(id, version, required(number(p.get("teamId"))), note, user);
            case "accept" -> () -> lifecycle.accept(id, version, user);
            case "progress" -> () -> lifecycle.progress(id, version, step(p.get("step")), note, uploads(photos), user);
            case "reply" -> () -> lifecycle.reply(id, version, note, user);
            case "answer" -> () -> lifecycle.answerAndClose(id, version, note, user);
            case "reopen" -> () -> lifecycle.reopen(id, version, note, user);
            case "urge" -> () -> lifecycle.urge(id, version, note, user);
            case "wait" -> () -> lifecycle.waitForResident(id, version, note, user);
            case "resume" -> () -> lifecycle.resume(id, version, user);
            case "callback" -> () -> callbacks.record(id, version, p.get("result"), note, "true".equals(p.get("reopen")), user);
            default -> throw DomainException.notFound("workorder.error.unknownAction", action);
        };
        try {
            run.get();
            flash.addFlashAttribute("ok", messages.getMessage("workorder.done." + action, null, locale));
        } catch (DomainException e) {
            flash.addFlashAttribute("error", message(e, locale));
        }
        return "redirect:" + back;
    }

    @GetMapping("/work-orders/callbacks")
    String callbackList(CurrentUser user, Model model) {
        model.addAttribute("tasks", callbacks.pending(user));
        common(model);
        return "workorder/callbacks";
    }

    private void common(Model model) {
        model.addAttribute("types", types.all());
        model.addAttribute("categories", types.categories());
        model.addAttribute("teams", teams.repairTeams());
        model.addAttribute("steps", ProgressStep.values());
        model.addAttribute("callbackResults", Callbacks.RESULTS);
        model.addAttribute("zone", platform.timeZone());
    }

    private String message(DomainException e, Locale locale) {
        return messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale);
    }

    private static List<Attachments.Upload> uploads(List<MultipartFile> files) {
        List<Attachments.Upload> result = new ArrayList<>();
        if (files == null) {
            return result;
        }
        for (MultipartFile f : files) {
            if (f.isEmpty()) {
                continue;
            }
            try {
                result.add(new Attachments.Upload(f.getOriginalFilename(), String.valueOf(f.getContentType()), f.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return result;
    }

    private static ProgressStep step(String s) {
        try {
            return s == null || s.isBlank() ? null : ProgressStep.valueOf(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static long required(Long teamId) {
        if (teamId == null) {
            throw DomainException.invalid("workorder.error.teamMissing");
        }
        return teamId;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Long number(String s) {
        try {
            return s == null || s.isBlank() ? null : Long.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private java.time.Instant day(String s, int plusDays) {
        try {
            return s == null || s.isBlank() ? null
                    : LocalDate.parse(s).plusDays(plusDays).atStartOfDay(platform.timeZone()).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
