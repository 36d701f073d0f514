package io.rexian.identity;

import java.util.List;

/**
 * A team as other modules see it.
 *
 * @param id                 team id
 * @param name               team name
 * @param kind               what the team does
 * @param responsibleUserId  the person work orders are bound to (repair teams), or null
 * @param responsibleName    his name, or null
 * @param responsibleMobile  his mobile number, or null
 * @param serviceDistricts   districts the team serves; field staff see customers only there
 */
public record TeamView(long id, String name, TeamKind kind, Long responsibleUserId,
                       String responsibleName, String responsibleMobile, List<String> serviceDistricts) {

    public enum TeamKind { HOTLINE, REPAIR, MANAGEMENT, OTHER }
}
