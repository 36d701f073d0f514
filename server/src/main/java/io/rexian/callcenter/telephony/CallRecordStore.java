package io.rexian.callcenter.telephony;

import io.rexian.telephony.CallDetailRecord;
import io.rexian.telephony.CallRecords;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Persists every finished call with its legs (tables {@code callcenter_call_record}, {@code callcenter_call_leg}). */
@Component
class CallRecordStore implements CallRecords {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    CallRecordStore(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void save(CallDetailRecord call) {
        tx.executeWithoutResult(status -> {
            long id = jdbc.sql("""
                            insert into callcenter_call_record (call_id, caller, callee, direction, started_at, answered_at,
                                ended_at, disposition, cause, talk_seconds, total_seconds, recording_files)
                            values (:callId, :caller, :callee, :direction, :started, :answered, :ended, :disposition, :cause,
                                :talk, :total, :files)
                            on conflict (call_id) do nothing
                            returning id""")
                    .param("callId", call.callId()).param("caller", call.caller()).param("callee", call.callee())
                    .param("direction", call.direction().name()).param("started", ts(call.startedAt()))
                    .param("answered", ts(call.answeredAt())).param("ended", ts(call.endedAt()))
                    .param("disposition", call.disposition().name()).param("cause", call.cause())
                    .param("talk", call.talkDuration().toMillis() / 1000.0)
                    .param("total", call.totalDuration().toMillis() / 1000.0)
                    .param("files", String.join("\n", call.recordingFiles()))
                    .query(Long.class).optional().orElse(-1L);
            if (id < 0) {
                return;
            }
            int position = 0;
            for (CallDetailRecord.LegRecord leg : call.legs()) {
                jdbc.sql("""
                                insert into callcenter_call_leg (call_record_id, position, party, role, started_at, answered_at, ended_at)
                                values (:id, :position, :party, :role, :started, :answered, :ended)""")
                        .param("id", id).param("position", position++).param("party", leg.party())
                        .param("role", leg.role()).param("started", ts(leg.startedAt()))
                        .param("answered", ts(leg.answeredAt())).param("ended", ts(leg.endedAt()))
                        .update();
            }
        });
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
