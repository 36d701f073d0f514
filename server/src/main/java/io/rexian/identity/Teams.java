package io.rexian.identity;

import java.util.List;
import java.util.Optional;

/** Read access to teams for other modules. Thread-safe; results are snapshots. */
public interface Teams {

    Optional<TeamView> find(long teamId);

    /** Teams of kind REPAIR, ordered by name. */
    List<TeamView> repairTeams();

    List<TeamView> all();
}
