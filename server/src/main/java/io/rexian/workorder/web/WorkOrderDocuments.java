package io.rexian.workorder.web;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.rexian.identity.CurrentUser;
import io.rexian.platform.PlatformSettings;
import io.rexian.workorder.WorkOrderLifecycle;
import io.rexian.workorder.WorkOrderSettings;
import io.rexian.workorder.WorkOrderView;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * A work order as PDF: the printable page rendered by OpenHTMLtoPDF with a CJK font embedded.
 * The font is {@code rexian.workorder.pdf-font} when set, else the first of {@link #FONT_CANDIDATES}
 * that PDFBox can embed (TrueType outlines: fonts-wqy-microhei, fonts-wqy-zenhei, fonts-arphic-uming;
 * fonts-noto-cjk has CFF outlines PDFBox cannot embed). Without one, Chinese characters come
 * out blank and a warning is logged.
 */
@Controller
class WorkOrderDocuments {

    private static final Logger log = LoggerFactory.getLogger(WorkOrderDocuments.class);

    static final List<String> FONT_CANDIDATES = List.of(
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/truetype/arphic/uming.ttc");

    private final WorkOrderLifecycle lifecycle;
    private final TemplateEngine templates;
    private final PlatformSettings platform;
    private final List<String> fonts;

    WorkOrderDocuments(WorkOrderLifecycle lifecycle, TemplateEngine templates, PlatformSettings platform,
                       WorkOrderSettings settings) {
        this.lifecycle = lifecycle;
        this.templates = templates;
        this.platform = platform;
        this.fonts = settings.pdfFont() == null ? FONT_CANDIDATES
                : java.util.stream.Stream.concat(java.util.stream.Stream.of(settings.pdfFont().toString()), FONT_CANDIDATES.stream()).toList();
    }

    @GetMapping("/work-orders/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, CurrentUser user, Locale locale) {
        WorkOrderView w = lifecycle.view(id, user);
        String html = templates.process("workorder/print", new Context(locale, Map.of("w", w, "zone", platform.timeZone())));
        byte[] pdf = render(html, fonts);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(w.number() + ".pdf").build().toString())
                .body(pdf);
    }

    static byte[] render(String html, List<String> fonts) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(); PDDocument document = new PDDocument()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePDDocument(document);
            boolean font = false;
            for (String candidate : fonts) {
                File f = new File(candidate);
                if (f.canRead()) {
                    font = CjkFont.register(builder, document, f);
                    if (font) {
                        break;
                    }
                }
            }
            if (!font) {
                log.warn("No embeddable CJK font in {}; install fonts-wqy-microhei or set rexian.workorder.pdf-font", fonts);
            }
            builder.withHtmlContent(xhtml(html), null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** OpenHTMLtoPDF parses XHTML; the printable template is well-formed apart from the doctype. */
    private static String xhtml(String html) {
        return html.replaceFirst("(?i)<!DOCTYPE html>", "");
    }
}
