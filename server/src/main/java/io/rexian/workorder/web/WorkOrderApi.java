package io.rexian.workorder.web;

import io.rexian.identity.CurrentUser;
import io.rexian.workorder.Callbacks;
import io.rexian.workorder.WorkOrderCommands;
import io.rexian.workorder.WorkOrderLifecycle;
import io.rexian.workorder.WorkOrderQuery;
import io.rexian.workorder.WorkOrderSearch;
import io.rexian.workorder.WorkOrderView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The work-order REST API. Every action takes the version the caller last saw; a newer
 * version answers 409 naming who changed the work order and when. Errors are problem details.
 */
@RestController
@RequestMapping("/api/v1/work-orders")
@Tag(name = "Work orders", description = "Register, transfer, handle, answer, reopen and search work orders")
class WorkOrderApi {

    private final WorkOrderLifecycle lifecycle;
    private final WorkOrderSearch search;
    private final Callbacks callbacks;

    WorkOrderApi(WorkOrderLifecycle lifecycle, WorkOrderSearch search, Callbacks callbacks) {
        this.lifecycle = lifecycle;
        this.search = search;
        this.callbacks = callbacks;
    }

    @PostMapping
    @Operation(summary = "Register a work order (optionally transferring it right away)")
    ResponseEntity<WorkOrderView> create(@Valid @RequestBody WorkOrderCommands.Register body, CurrentUser user) {
        WorkOrderView created = lifecycle.register(body, user);
        return ResponseEntity.created(URI.create("/api/v1/work-orders/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A work order with its history, deadlines, attachments and the caller's allowed actions")
    WorkOrderView get(@PathVariable long id, CurrentUser user) {
        return lifecycle.view(id, user);
    }

    @GetMapping
    @Operation(summary = "Search work orders; field staff see only their team's")
    WorkOrderSearch.Page list(@RequestParam(required = false) String type,
                              @RequestParam(required = false) String customerClass,
                              @RequestParam(required = false) Long categoryId,
                              @RequestParam(required = false) Instant receivedFrom,
                              @RequestParam(required = false) Instant receivedTo,
                              @RequestParam(required = false) String state,
                              @RequestParam(required = false) Long teamId,
                              @RequestParam(required = false) Boolean overdue,
                              @RequestParam(required = false) String callbackResult,
                              @RequestParam(required = false) String callbackStatus,
                              @RequestParam(required = false) String q,
                              @Parameter(description = "custom fields as cf.<key>=<value>")
                              @RequestParam Map<String, String> all,
                              @RequestParam(defaultValue = "0") int page,
                              @RequestParam(defaultValue = "20") int size,
                              CurrentUser user) {
        return search.search(new WorkOrderQuery(type, customerClass, categoryId, receivedFrom, receivedTo, state,
                teamId, overdue, callbackResult, callbackStatus, q, WorkOrderPages.customFilters(all), page, size), user);
    }

    @PostMapping("/{id}/transfer")
    @Operation(summary = "Transfer (转办) to a repair team")
    WorkOrderView transfer(@PathVariable long id, @Valid @RequestBody WorkOrderCommands.Transfer body, CurrentUser user) {
        return lifecycle.transfer(id, body.version(), body.teamId(), body.reason(), user);
    }

    @PostMapping("/{id}/retransfer")
    @Operation(summary = "Re-transfer (二次转办) to another team, with a reason; by the holding team")
    WorkOrderView retransfer(@PathVariable long id, @Valid @RequestBody WorkOrderCommands.Transfer body, CurrentUser user) {
        return lifecycle.retransfer(id, body.version(), body.teamId(), body.reason(), user);
    }

    @PostMapping("/{id}/accept")
    @Operation(summary = "Accept as the holding team")
    WorkOrderView accept(@PathVariable long id, @RequestBody(required = false) WorkOrderCommands.Accept body,
                         CurrentUser user) {
        return lifecycle.accept(id, body == null ? null : body.version(), user);
    }

    @PostMapping("/{id}/progress")
    @Operation(summary = "Record progress (departed, on site, repaired) with a note")
    WorkOrderView progress(@PathVariable long id, @Valid @RequestBody WorkOrderCommands.Progress body, CurrentUser user) {
        return lifecycle.progress(id, body.version(), body.step(), body.note(), List.of(), user);
    }

    @PostMapping("/{id}/reply")
    @Operation(summary = "Reply to the hotline as the holding team")
    WorkOrderView reply(@PathVariable long id, @Valid @RequestBody WorkOrderCommands.Note body, CurrentUser user) {
        return lifecycle.reply(id, body.version(), body.note(), user);
    }

    @PostMapping("/{id}/answer")
    @Operation(summary = "Write the final answer and close (终结)")
    WorkOrderView answer(@PathVariable long id, @Valid @RequestBody WorkOrderCommands.Note body, CurrentUser user) {
        return lifecycle.answerAndClose(id, body.version(), body.note(), user);
    }

    @PostMapping("/{id}/reopen")
    @Operation(summary = "Reopen a closed work order, with a reason")
    WorkOrderView reopen(@PathVariable long id, @Valid @RequestBody WorkOrderCommands.Note body, CurrentUser user) {
        return lifecycle.reopen(id, body.version(), body.note(), user);
    }

    @PostMapping("/{id}/urge")
    @Operation(summary = "Urge (催办) the holding team; recorded on the history")
    WorkOrderView urge(@PathVariable long id, @Valid @RequestBody WorkOrderCommands.Note body, CurrentUser user) {
        return lifecycle.urge(id, body.version(), body.note(), user);
    }

    @PostMapping("/{id}/callback")
    @Operation(summary = "Record the callback visit (回访); UNSATISFIED with reopen=true reopens the work order")
    WorkOrderView callback(@PathVariable long id, @Valid @RequestBody WorkOrderCommands.Callback body, CurrentUser user) {
        return callbacks.record(id, body.version(), body.result(), body.note(), body.reopen(), user);
    }
}
