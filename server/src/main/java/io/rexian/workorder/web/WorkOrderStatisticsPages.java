package io.rexian.workorder.web;

import io.rexian.identity.CurrentUser;
import io.rexian.identity.Permission;
import io.rexian.platform.web.NavigationEntry;
import io.rexian.workorder.Attachments;
import io.rexian.workorder.WorkOrderLifecycle;
import io.rexian.workorder.WorkOrderQuery;
import io.rexian.workorder.WorkOrderStatistics;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Statistics as a table and an ECharts chart, exportable to Excel; and attachment downloads. */
@Controller
class WorkOrderStatisticsPages {

    static final List<String> GROUPS = List.of("TYPE", "CATEGORY", "TEAM", "STATE", "DAY", "MONTH");

    private final WorkOrderStatistics statistics;
    private final WorkOrderLifecycle lifecycle;
    private final MessageSource messages;
    private final io.rexian.platform.PlatformSettings platform;
    private final io.rexian.workorder.WorkOrderTypes types;

    WorkOrderStatisticsPages(WorkOrderStatistics statistics, WorkOrderLifecycle lifecycle, MessageSource messages,
                             io.rexian.platform.PlatformSettings platform, io.rexian.workorder.WorkOrderTypes types) {
        this.types = types;
        this.statistics = statistics;
        this.lifecycle = lifecycle;
        this.messages = messages;
        this.platform = platform;
    }

    @Bean
    static NavigationEntry statisticsNavigation() {
        return new NavigationEntry(230, "workorder.stats.title", "/work-orders/stats", Permission.WORKORDER_STATS.name());
    }

    @GetMapping("/work-orders/stats")
    String page(@RequestParam(defaultValue = "TYPE") String groupBy, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, CurrentUser user, Model model) {
        model.addAttribute("lines", statistics.byGroup(query(from, to), groupBy, user));
        model.addAttribute("groupBy", groupBy);
        model.addAttribute("groups", GROUPS);
        model.addAttribute("types", types.all());
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "workorder/stats";
    }

    @GetMapping("/work-orders/stats.xlsx")
    ResponseEntity<byte[]> excel(@RequestParam(defaultValue = "TYPE") String groupBy,
                                 @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                 CurrentUser user, Locale locale) {
        List<String> headers = Stream.of("group", "count", "closed", "overdue", "onTime", "toAccept", "toOnSite",
                "toClose", "satisfied", "callbacks")
                .map(k -> messages.getMessage("workorder.stats.col." + k, null, locale)).toList();
        byte[] xlsx = statistics.toExcel(statistics.byGroup(query(from, to), groupBy, user), headers);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("work-orders-" + groupBy + ".xlsx").build().toString())
                .body(xlsx);
    }

    @GetMapping("/work-orders/{id}/attachments/{attachmentId}")
    ResponseEntity<FileSystemResource> attachment(@PathVariable long id, @PathVariable long attachmentId, CurrentUser user) {
        Attachments.StoredFile file = lifecycle.attachment(id, attachmentId, user);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(new FileSystemResource(file.path()));
    }

    private WorkOrderQuery query(String from, String to) {
        return new WorkOrderQuery(null, null, null, day(from, 0), day(to, 1), null, null, null, null, null, null,
                Map.of(), 0, 20);
    }

    private java.time.Instant day(String s, int plus) {
        try {
            return s == null || s.isBlank() ? null : LocalDate.parse(s).plusDays(plus).atStartOfDay(platform.timeZone()).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
