package io.rexian.callcenter.telephony;

import io.rexian.callcenter.SipSettings;
import io.rexian.identity.UserView;
import io.rexian.identity.Users;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo mode: extensions 8001..8010 with password {@code rexian-demo}, owned by identity's demo
 * agents agent1..agent10 when those exist. Existing extensions are left alone (idempotent).
 */
@Component
@ConditionalOnBooleanProperty("rexian.demo")
@Order(400)
class DemoExtensions implements ApplicationRunner {

    static final String PASSWORD = "rexian-demo";
    private static final Logger log = LoggerFactory.getLogger(DemoExtensions.class);

    private final ExtensionDirectory extensions;
    private final ObjectProvider<Users> users;
    private final SipSettings sip;

    DemoExtensions(ExtensionDirectory extensions, ObjectProvider<Users> users, SipSettings sip) {
        this.extensions = extensions;
        this.users = users;
        this.sip = sip;
    }

    @Override
    public void run(ApplicationArguments args) {
        int created = 0;
        for (int i = 1; i <= 10; i++) {
            String extension = String.valueOf(8000 + i);
            if (extensions.exists(extension)) {
                continue;
            }
            Users directory = users.getIfAvailable();
            Long owner = directory == null ? null
                    : directory.findByUsername("agent" + i).map(UserView::id).orElse(null);
            extensions.save(extension, owner, sip.realm(), PASSWORD);
            created++;
        }
        if (created > 0) {
            log.info("demo extensions 8001-8010 ready (password {})", PASSWORD);
        }
    }
}
