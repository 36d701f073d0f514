package io.rexian.callcenter.telephony;

import io.rexian.telephony.ExtensionFeatures;
import io.rexian.telephony.ExtensionFeatures.Forward;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The engine's extension features (DND, forwards, call waiting, pickup group) in table
 * {@code callcenter_extension_feature}, one row per extension. Called by the engine on the thread
 * that changed a feature; a failed write propagates to that caller (the memory copy already changed).
 */
@Component
class ExtensionFeatureStore implements ExtensionFeatures.Store {

    private final JdbcClient jdbc;
    private final Clock clock;

    ExtensionFeatureStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Map<String, ExtensionFeatures.Settings> loadAll() {
        Map<String, ExtensionFeatures.Settings> all = new HashMap<>();
        jdbc.sql("""
                        select extension, do_not_disturb, call_waiting, forward_always, forward_busy,
                               forward_no_answer, pickup_group from callcenter_extension_feature""")
                .query((ResultSet rs) -> {
                    all.put(rs.getString("extension"), settings(rs));
                });
        return all;
    }

    private static ExtensionFeatures.Settings settings(ResultSet rs) throws SQLException {
        Map<Forward, String> forwards = new EnumMap<>(Forward.class);
        put(forwards, Forward.ALWAYS, rs.getString("forward_always"));
        put(forwards, Forward.BUSY, rs.getString("forward_busy"));
        put(forwards, Forward.NO_ANSWER, rs.getString("forward_no_answer"));
        return new ExtensionFeatures.Settings(rs.getBoolean("do_not_disturb"), rs.getBoolean("call_waiting"),
                forwards, rs.getString("pickup_group"));
    }

    private static void put(Map<Forward, String> forwards, Forward when, String target) {
        if (target != null) {
            forwards.put(when, target);
        }
    }

    @Override
    public void save(String extension, ExtensionFeatures.Settings s) {
        jdbc.sql("""
                        insert into callcenter_extension_feature (extension, do_not_disturb, call_waiting, forward_always,
                            forward_busy, forward_no_answer, pickup_group, updated_at)
                        values (:extension, :dnd, :waiting, :always, :busy, :noAnswer, :group, :now)
                        on conflict (extension) do update set do_not_disturb = excluded.do_not_disturb,
                            call_waiting = excluded.call_waiting, forward_always = excluded.forward_always,
                            forward_busy = excluded.forward_busy, forward_no_answer = excluded.forward_no_answer,
                            pickup_group = excluded.pickup_group, updated_at = excluded.updated_at""")
                .param("extension", extension).param("dnd", s.doNotDisturb()).param("waiting", s.callWaiting())
                .param("always", s.forwards().get(Forward.ALWAYS)).param("busy", s.forwards().get(Forward.BUSY))
                .param("noAnswer", s.forwards().get(Forward.NO_ANSWER)).param("group", s.pickupGroup())
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .update();
    }
}
