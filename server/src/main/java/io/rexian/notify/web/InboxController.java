package io.rexian.notify.web;

import io.rexian.identity.CurrentUser;
import io.rexian.notify.InAppInbox;
import io.rexian.platform.PlatformSettings;
import io.rexian.platform.web.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** The in-app inbox: reminders, escalations and transfers addressed to the signed-in user. */
@Controller
class InboxController {

    private final InAppInbox inbox;
    private final PlatformSettings settings;

    InboxController(InAppInbox inbox, PlatformSettings settings) {
        this.inbox = inbox;
        this.settings = settings;
    }

    @Bean
    static NavigationEntry inboxNavigation() {
        return new NavigationEntry(900, "notify.inbox.title", "/inbox", null);
    }

    @GetMapping("/inbox")
    String inbox(CurrentUser user, Model model) {
        model.addAttribute("messages", inbox.of(user.id(), 200));
        model.addAttribute("zone", settings.timeZone());
        return "notify/inbox";
    }

    @PostMapping("/inbox/read")
    String read(CurrentUser user) {
        inbox.markAllRead(user.id());
        return "redirect:/inbox";
    }
}
