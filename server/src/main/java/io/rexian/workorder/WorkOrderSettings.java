package io.rexian.workorder;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code rexian.workorder.*}.
 *
 * @param scanInterval          how often the deadline scanner runs
 * @param escalateToManagerAfter business time after a missed deadline before the managers are told
 * @param duplicateWindow       how far back registration looks for likely duplicates
 * @param attachmentMaxSize     largest accepted attachment
 * @param attachmentTypes       accepted content types of attachments
 * @param pdfFont               a TrueType font (.ttf or .ttc) with Chinese glyphs for PDFs; null: look in the usual places
 */
@ConfigurationProperties("rexian.workorder")
public record WorkOrderSettings(
        @DefaultValue("1m") Duration scanInterval,
        @DefaultValue("2h") Duration escalateToManagerAfter,
        @DefaultValue("72h") Duration duplicateWindow,
        @DefaultValue("10MB") DataSize attachmentMaxSize,
        @DefaultValue({"image/jpeg", "image/png", "image/webp", "image/heic", "application/pdf"}) List<String> attachmentTypes,
        java.nio.file.Path pdfFont) {
}
