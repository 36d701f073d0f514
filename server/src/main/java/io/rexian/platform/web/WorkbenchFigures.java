package io.rexian.platform.web;

import java.util.List;

/**
 * Modules implement this to put their figures for the signed-in user on the workbench.
 * Called on the request thread with the security context set; must be fast (one or two
 * indexed queries) and return an empty list for users it has nothing for.
 */
public interface WorkbenchFigures {

    List<WorkbenchFigure> forCurrentUser();
}
