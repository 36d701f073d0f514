package io.rexian.customer.internal;

import io.rexian.identity.CurrentUser;
import io.rexian.identity.Permission;
import io.rexian.identity.TeamView;
import io.rexian.identity.Teams;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Which customers a user may see at all: everyone with CUSTOMER_VIEW_ALL, otherwise only
 * customers in the service districts of his team (none when he has no team). Every query
 * of customers takes this scope into its SQL.
 */
@Component
public class CustomerScope {

    private final Teams teams;

    CustomerScope(Teams teams) {
        this.teams = teams;
    }

    public Visible of(CurrentUser user) {
        user.require(Permission.CUSTOMER_VIEW);
        if (user.can(Permission.CUSTOMER_VIEW_ALL)) {
            return Visible.ALL;
        }
        List<String> districts = user.teamId() == null ? List.of()
                : teams.find(user.teamId()).map(TeamView::serviceDistricts).orElse(List.of());
        return new Visible(false, districts);
    }

    /** @param districts the districts visible when not {@code all} */
    public record Visible(boolean all, List<String> districts) {
        static final Visible ALL = new Visible(true, List.of());

        public Visible {
            districts = List.copyOf(districts);
        }

        public boolean includes(Customer c) {
            return all || (c.district() != null && districts.contains(c.district()));
        }
    }
}
