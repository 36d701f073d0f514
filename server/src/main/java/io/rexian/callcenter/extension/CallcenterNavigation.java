package io.rexian.callcenter.extension;

import io.rexian.identity.Permission;
import io.rexian.platform.web.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The call center's pages: extensions and trunks under 系统管理, one's own extension in daily work. */
@Configuration(proxyBeanMethods = false)
class CallcenterNavigation {

    @Bean
    NavigationEntry extensionsNavigation() {
        return NavigationEntry.administration(600, "callcenter.nav.extensions", "/callcenter/extensions",
                Permission.CALLCENTER_CONFIGURE.name());
    }

    @Bean
    NavigationEntry trunksNavigation() {
        return NavigationEntry.administration(610, "callcenter.nav.trunks", "/callcenter/trunks",
                Permission.CALLCENTER_CONFIGURE.name());
    }

    /** Shown to call staff; anyone signed in may open the page and sees only his own extensions. */
    @Bean
    NavigationEntry myExtensionsNavigation() {
        return new NavigationEntry(800, "callcenter.nav.myExtensions", "/callcenter/my-extensions",
                Permission.CALL_HANDLE.name());
    }
}
