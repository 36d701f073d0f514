package io.rexian.workorder;

import io.rexian.identity.CurrentUser;
import io.rexian.platform.DomainException;
import io.rexian.platform.PlatformSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Photos and documents of work orders, stored under the storage root; type and size limited. */
@Component
public class Attachments {

    private final JdbcClient jdbc;
    private final PlatformSettings platform;
    private final WorkOrderSettings settings;
    private final Clock clock;

    Attachments(JdbcClient jdbc, PlatformSettings platform, WorkOrderSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.platform = platform;
        this.settings = settings;
        this.clock = clock;
    }

    /** One uploaded file, held in memory (attachments are size-limited). */
    public record Upload(String fileName, String contentType, byte[] bytes) {
    }

    /** A stored file ready to stream. */
    public record StoredFile(String fileName, String contentType, Path path) {
    }

    void store(WorkOrder w, List<Upload> uploads, Integer eventSeq, CurrentUser by) {
        if (uploads == null) {
            return;
        }
        for (Upload u : uploads) {
            if (u.bytes().length == 0) {
                continue;
            }
            if (!settings.attachmentTypes().contains(u.contentType())) {
                throw DomainException.invalid("workorder.attachment.type", u.fileName(), u.contentType());
            }
            if (u.bytes().length > settings.attachmentMaxSize().toBytes()) {
                throw DomainException.invalid("workorder.attachment.size", u.fileName(),
                        settings.attachmentMaxSize().toMegabytes());
            }
            Path relative = Path.of("workorder", String.valueOf(w.id()), UUID.randomUUID().toString());
            Path target = platform.storageRoot().resolve(relative);
            try {
                Files.createDirectories(target.getParent());
                Files.write(target, u.bytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String name = u.fileName() == null || u.fileName().isBlank() ? "photo" : u.fileName();
            jdbc.sql("""
                            insert into work_order_attachment (work_order_id, event_seq, file_name, content_type,
                              size_bytes, storage_path, uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(w.id(), eventSeq, name.length() > 200 ? name.substring(0, 200) : name, u.contentType(),
                            u.bytes().length, relative.toString(), by.username(), Timestamp.from(clock.instant()))
                    .update();
        }
    }

    /** The file of an attachment; the caller has checked the user may see the work order. */
    StoredFile file(long workOrderId, long attachmentId) {
        return jdbc.sql("select file_name, content_type, storage_path from work_order_attachment where id = ? and work_order_id = ?")
                .params(attachmentId, workOrderId)
                .query((rs, i) -> new StoredFile(rs.getString(1), rs.getString(2),
                        platform.storageRoot().resolve(rs.getString(3))))
                .optional()
                .orElseThrow(() -> DomainException.notFound("workorder.error.noAttachment", attachmentId));
    }
}
