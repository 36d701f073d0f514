package io.rexian.callcenter.extension;

import io.rexian.callcenter.SipSettings;
import io.rexian.identity.CurrentUser;
import io.rexian.identity.Permission;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 线路: the carrier trunks from {@code rexian.sip.trunks[N].*}, read-only (they change with the
 * settings and a restart). Passwords are never put into the model.
 */
@Controller
class SipTrunksPage {

    /**
     * @param registration null when the trunk does not register; else whether the engine is
     *                     registered at the carrier now (null: engine not running)
     */
    record TrunkRow(String name, String host, int port, String outboundPrefix, Map<String, String> dids,
                    String username, boolean registers, Boolean registration) {
    }

    private final SipSettings sip;
    private final EngineStatus engine;

    SipTrunksPage(SipSettings sip, EngineStatus engine) {
        this.sip = sip;
        this.engine = engine;
    }

    @GetMapping("/callcenter/trunks")
    String trunks(CurrentUser user, Model model) {
        user.require(Permission.CALLCENTER_CONFIGURE);
        List<TrunkRow> rows = sip.trunks().stream().map(t -> {
            // The engine knows a trunk by this name (TelephonyConfig.trunks).
            String name = t.name() == null ? t.host() : t.name();
            return new TrunkRow(name, t.host(), t.port(), t.outboundPrefix(), new TreeMap<>(t.dids()), t.username(),
                    t.register(), t.register() ? engine.registeredAtTrunk(name) : null);
        }).toList();
        model.addAttribute("trunks", rows);
        model.addAttribute("engineRunning", engine.running());
        return "callcenter/trunks";
    }
}
