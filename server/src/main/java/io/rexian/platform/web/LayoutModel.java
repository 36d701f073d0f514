package io.rexian.platform.web;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the navigation the current user may see into every page's model: {@code navigation}
 * (daily work, the top bar) and {@code administration} (the 系统管理 page, reached from one
 * top-bar link so that administrators' bars stay short).
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class LayoutModel {

    private final List<NavigationEntry> entries;

    LayoutModel(List<NavigationEntry> entries) {
        this.entries = entries.stream().sorted(Comparator.comparingInt(NavigationEntry::order)).toList();
    }

    @ModelAttribute("navigation")
    List<NavigationEntry> navigation() {
        return visible(NavigationEntry.Section.WORK);
    }

    @ModelAttribute("administration")
    List<NavigationEntry> administration() {
        return visible(NavigationEntry.Section.ADMINISTRATION);
    }

    private List<NavigationEntry> visible(NavigationEntry.Section section) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            return List.of();
        }
        Set<String> held = auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        return entries.stream()
                .filter(e -> e.section() == section)
                .filter(e -> e.authority() == null || held.contains(e.authority()))
                .toList();
    }
}
