package io.rexian.workorder.web;

import io.rexian.identity.CurrentUser;
import io.rexian.workorder.Incidents;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Incidents and duplicate suggestions over REST. */
@RestController
@Tag(name = "Incidents", description = "Link work orders about one fault and answer them together")
class IncidentApi {

    private final Incidents incidents;

    IncidentApi(Incidents incidents) {
        this.incidents = incidents;
    }

    record Open(@NotBlank @Size(max = 200) String title, Long categoryId, @Size(max = 200) String area, List<Long> workOrderIds) {
    }

    record Link(long workOrderId) {
    }

    record Close(@NotBlank String answer) {
    }

    record Closed(List<String> leftOpen) {
    }

    @GetMapping("/api/v1/work-orders/duplicates")
    @Operation(summary = "Likely duplicates of a work order being registered (same phone, or same category and a similar address)")
    List<Incidents.Suggestion> duplicates(@RequestParam(required = false) Long categoryId,
                                          @RequestParam(required = false) String address,
                                          @RequestParam(required = false) String phone, CurrentUser user) {
        return incidents.likelyDuplicates(categoryId, address, phone, user);
    }

    @PostMapping("/api/v1/incidents")
    @Operation(summary = "Open an incident, linking work orders")
    ResponseEntity<Incidents.Incident> open(@Valid @RequestBody Open body, CurrentUser user) {
        long id = incidents.open(body.title(), body.categoryId(), body.area(),
                body.workOrderIds() == null ? List.of() : body.workOrderIds(), user);
        return ResponseEntity.status(201).body(incidents.view(id, user));
    }

    @GetMapping("/api/v1/incidents/{id}")
    Incidents.Incident get(@PathVariable long id, CurrentUser user) {
        return incidents.view(id, user);
    }

    @PostMapping("/api/v1/incidents/{id}/link")
    @Operation(summary = "Link one more work order")
    Incidents.Incident link(@PathVariable long id, @RequestBody Link body, CurrentUser user) {
        incidents.link(id, body.workOrderId(), user);
        return incidents.view(id, user);
    }

    @PostMapping("/api/v1/incidents/{id}/close")
    @Operation(summary = "Close the incident and answer every open linked work order with the same answer")
    Closed close(@PathVariable long id, @Valid @RequestBody Close body, CurrentUser user) {
        return new Closed(incidents.close(id, body.answer(), user));
    }
}
