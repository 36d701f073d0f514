package io.rexian.identity.audit;

import io.rexian.identity.CurrentUser;
import io.rexian.identity.Permission;
import io.rexian.platform.PlatformSettings;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log page (AUDIT_VIEW). Times are entered and shown in the utility's time zone. */
@Controller
class AuditController {

    private final AuditSearch search;
    private final ZoneId zone;

    AuditController(AuditSearch search, PlatformSettings settings) {
        this.search = search;
        this.zone = settings.timeZone();
    }

    @GetMapping("/admin/audit")
    String audit(CurrentUser user,
                 @RequestParam(defaultValue = "") String actor,
                 @RequestParam(defaultValue = "") String entityType,
                 @RequestParam(defaultValue = "") String entityId,
                 @RequestParam(defaultValue = "") String action,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime from,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime to,
                 @RequestParam(defaultValue = "1") int page, Model model) {
        user.require(Permission.AUDIT_VIEW);
        AuditSearch.Criteria criteria = new AuditSearch.Criteria(actor, entityType, entityId, action,
                instant(from), instant(to));
        model.addAttribute("criteria", criteria);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("result", search.search(criteria, page));
        model.addAttribute("entityTypes", search.entityTypes());
        return "identity/audit";
    }

    private Instant instant(LocalDateTime local) {
        return local == null ? null : local.atZone(zone).toInstant();
    }
}
