package io.rexian.identity.web;

import io.rexian.identity.CurrentUser;
import io.rexian.identity.Permission;
import io.rexian.identity.TeamView.TeamKind;
import io.rexian.identity.UserView;
import io.rexian.identity.Users;
import io.rexian.identity.account.UserAccount;
import io.rexian.identity.account.UserAccounts;
import io.rexian.identity.org.OrgAdministration;
import io.rexian.identity.org.OrgUnit;
import io.rexian.platform.DomainException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The organisation tree: company, departments and branches, teams (USER_ADMIN). */
@Controller
@RequestMapping("/admin/org")
class OrgController {

    /** A unit with its children, for rendering the tree. */
    record Node(OrgUnit unit, String responsibleName, int members, List<Node> children) {
    }

    private final OrgAdministration org;
    private final Users users;
    private final UserAccounts accounts;
    private final ErrorMessages errors;

    OrgController(OrgAdministration org, Users users, UserAccounts accounts, ErrorMessages errors) {
        this.org = org;
        this.users = users;
        this.accounts = accounts;
        this.errors = errors;
    }

    @GetMapping
    String tree(CurrentUser user, Model model) {
        user.require(Permission.USER_ADMIN);
        List<OrgUnit> all = org.all();
        Map<Long, String> names = accounts.findAll().stream()
                .collect(Collectors.toMap(UserAccount::id, UserAccount::displayName));
        Map<Long, Long> members = accounts.findAll().stream().filter(a -> a.teamId() != null)
                .collect(Collectors.groupingBy(UserAccount::teamId, Collectors.counting()));
        model.addAttribute("roots", children(null, all, names, members));
        model.addAttribute("containers", all.stream().filter(u -> !u.isTeam()).toList());
        model.addAttribute("kinds", TeamKind.values());
        return "identity/org";
    }

    @GetMapping("/{id}")
    String unit(CurrentUser user, @PathVariable long id, Model model) {
        user.require(Permission.USER_ADMIN);
        OrgUnit unit = org.load(id);
        model.addAttribute("unit", unit);
        model.addAttribute("containers", org.all().stream().filter(u -> !u.isTeam() && !u.id().equals(id)).toList());
        model.addAttribute("kinds", TeamKind.values());
        model.addAttribute("people", accounts.findAll(Sort.by("displayName")));
        model.addAttribute("members", unit.isTeam() ? users.ofTeam(id) : List.<UserView>of());
        model.addAttribute("districts", String.join("\n", unit.serviceDistricts()));
        return "identity/org-unit";
    }

    @PostMapping
    String create(CurrentUser user, @RequestParam(required = false) Long parentId, @RequestParam String type,
                  @RequestParam String name, @RequestParam(required = false) TeamKind kind, RedirectAttributes redirect) {
        user.require(Permission.USER_ADMIN);
        try {
            OrgUnit created = switch (type) {
                case "COMPANY" -> org.createCompany(name);
                case "TEAM" -> org.createTeam(requireParent(parentId), name, kind);
                default -> org.createDepartment(requireParent(parentId), name);
            };
            redirect.addFlashAttribute("message", errors.of("common.saved"));
            return "redirect:/admin/org/" + created.id();
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", errors.of(e));
            return "redirect:/admin/org";
        }
    }

    @PostMapping("/{id}")
    String update(CurrentUser user, @PathVariable long id, @RequestParam String name,
                  @RequestParam(required = false) Long parentId, @RequestParam(required = false) TeamKind kind,
                  @RequestParam(required = false) Long responsibleUserId,
                  @RequestParam(defaultValue = "") String districts, RedirectAttributes redirect) {
        user.require(Permission.USER_ADMIN);
        errors.flashOutcome(redirect, () -> {
            OrgUnit unit = org.load(id);
            if (!unit.name().equals(name.trim())) {
                org.rename(id, name);
            }
            if (parentId != null && !parentId.equals(unit.parentId())) {
                org.move(id, parentId);
            }
            if (unit.isTeam()) {
                org.configureTeam(id, kind, responsibleUserId, Arrays.asList(districts.split("[\\n,，、;；]+")));
            }
        });
        return "redirect:/admin/org/" + id;
    }

    @PostMapping("/{id}/delete")
    String delete(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        user.require(Permission.USER_ADMIN);
        try {
            org.delete(id);
            redirect.addFlashAttribute("message", errors.of("common.saved"));
            return "redirect:/admin/org";
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", errors.of(e));
            return "redirect:/admin/org/" + id;
        }
    }

    private static long requireParent(Long parentId) {
        if (parentId == null) {
            throw DomainException.invalid("identity.org.parentRequired");
        }
        return parentId;
    }

    private static List<Node> children(Long parentId, List<OrgUnit> all, Map<Long, String> names, Map<Long, Long> members) {
        List<Node> nodes = new ArrayList<>();
        all.stream().filter(u -> parentId == null ? u.parentId() == null : parentId.equals(u.parentId()))
                .sorted(Comparator.comparing((OrgUnit u) -> u.isTeam()).thenComparing(OrgUnit::name))
                .forEach(u -> nodes.add(new Node(u,
                        u.responsibleUserId() == null ? null : names.get(u.responsibleUserId()),
                        members.getOrDefault(u.id(), 0L).intValue(),
                        children(u.id(), all, names, members))));
        return nodes;
    }
}
