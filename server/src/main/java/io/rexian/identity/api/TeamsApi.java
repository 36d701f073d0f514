package io.rexian.identity.api;

import io.rexian.identity.CurrentUser;
import io.rexian.identity.Permission;
import io.rexian.identity.TeamView;
import io.rexian.identity.TeamView.TeamKind;
import io.rexian.identity.Teams;
import io.rexian.identity.org.OrgAdministration;
import io.rexian.identity.org.OrgUnit;
import io.rexian.platform.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@SecurityRequirement(name = ApiSecuritySchemes.BEARER)
@SecurityRequirement(name = ApiSecuritySchemes.API_KEY)
@RequestMapping("/api/v1/teams")
@Tag(name = "teams", description = "Teams of the organisation tree (permission USER_ADMIN)")
class TeamsApi {

    record TeamResource(long id, Long parentId, String name, TeamKind kind, Long responsibleUserId,
                        String responsibleName, String responsibleMobile, List<String> serviceDistricts) {
    }

    record TeamRequest(
            @NotNull Long parentId,
            @NotBlank @Size(max = 100) String name,
            @NotNull TeamKind kind,
            Long responsibleUserId,
            List<@NotBlank @Size(max = 100) String> serviceDistricts) {
    }

    private final Teams teams;
    private final OrgAdministration org;

    TeamsApi(Teams teams, OrgAdministration org) {
        this.teams = teams;
        this.org = org;
    }

    @GetMapping
    @Operation(summary = "All teams, ordered by name")
    List<TeamResource> list(CurrentUser user) {
        user.require(Permission.USER_ADMIN);
        return teams.all().stream().map(this::resource).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One team")
    TeamResource get(CurrentUser user, @PathVariable long id) {
        user.require(Permission.USER_ADMIN);
        return teams.find(id).map(this::resource).orElseThrow(() -> DomainException.notFound("identity.org.notFound", id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    @Operation(summary = "Create a team below a company or department")
    TeamResource create(CurrentUser user, @Valid @RequestBody TeamRequest body) {
        user.require(Permission.USER_ADMIN);
        OrgUnit team = org.createTeam(body.parentId(), body.name(), body.kind());
        org.configureTeam(team.id(), body.kind(), body.responsibleUserId(), body.serviceDistricts());
        return get(user, team.id());
    }

    @PutMapping("/{id}")
    @Transactional
    @Operation(summary = "Rename, move or reconfigure a team")
    TeamResource update(CurrentUser user, @PathVariable long id, @Valid @RequestBody TeamRequest body) {
        user.require(Permission.USER_ADMIN);
        OrgUnit team = org.load(id);
        if (!team.isTeam()) {
            throw DomainException.notFound("identity.org.notFound", id);
        }
        if (!team.name().equals(body.name().trim())) {
            org.rename(id, body.name());
        }
        if (!body.parentId().equals(team.parentId())) {
            org.move(id, body.parentId());
        }
        org.configureTeam(id, body.kind(), body.responsibleUserId(), body.serviceDistricts());
        return get(user, id);
    }

    private TeamResource resource(TeamView t) {
        Long parentId = org.find(t.id()).map(OrgUnit::parentId).orElse(null);
        return new TeamResource(t.id(), parentId, t.name(), t.kind(), t.responsibleUserId(), t.responsibleName(),
                t.responsibleMobile(), t.serviceDistricts());
    }
}
