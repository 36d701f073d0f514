package io.rexian.identity.org;

import io.rexian.identity.TeamView;
import io.rexian.identity.TeamView.TeamKind;
import io.rexian.identity.Teams;
import io.rexian.identity.UserView;
import io.rexian.identity.Users;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
@Transactional(readOnly = true)
class JpaTeams implements Teams {

    private final OrgUnits units;
    private final Users users;

    JpaTeams(OrgUnits units, Users users) {
        this.units = units;
        this.users = users;
    }

    @Override
    public Optional<TeamView> find(long teamId) {
        return units.findById(teamId).filter(OrgUnit::isTeam).map(this::view);
    }

    @Override
    public List<TeamView> repairTeams() {
        return units.findByTypeAndTeamKindOrderByName(OrgUnit.Type.TEAM, TeamKind.REPAIR).stream().map(this::view).toList();
    }

    @Override
    public List<TeamView> all() {
        return units.findByTypeOrderByName(OrgUnit.Type.TEAM).stream().map(this::view).toList();
    }

    private TeamView view(OrgUnit team) {
        Optional<UserView> responsible = team.responsibleUserId() == null
                ? Optional.empty() : users.find(team.responsibleUserId());
        return new TeamView(team.id(), team.name(), team.teamKind(),
                responsible.map(UserView::id).orElse(null),
                responsible.map(UserView::displayName).orElse(null),
                responsible.map(UserView::mobile).orElse(null),
                team.serviceDistricts());
    }
}
