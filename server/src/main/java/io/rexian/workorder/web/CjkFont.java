package io.rexian.workorder.web;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.File;
import java.io.IOException;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Registers a CJK font under the CSS family the print page asks for. Debian ships Noto CJK
 * only as a TrueType collection (.ttc), which OpenHTMLtoPDF cannot open by file, so the
 * Simplified Chinese face is taken out of the collection with FontBox and embedded as a subset.
 */
final class CjkFont {

    static final String FAMILY = "Noto Sans CJK SC";

    private CjkFont() {
    }

    static boolean register(PdfRendererBuilder builder, PDDocument document, File file) {
        try {
            if (file.getName().endsWith(".ttc")) {
                TrueTypeCollection collection = new TrueTypeCollection(file);
                TrueTypeFont[] chosen = new TrueTypeFont[1];
                collection.processAllFonts(f -> {
                    if (chosen[0] == null || (f.getName().contains("CJKsc") || f.getName().endsWith("SC-Regular"))) {
                        chosen[0] = f;
                    }
                });
                if (chosen[0] == null) {
                    return false;
                }
                PDType0Font font = PDType0Font.load(document, chosen[0], true);
                builder.useFont(new com.openhtmltopdf.pdfboxout.PDFontSupplier(font), FAMILY, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
                return true;
            }
            builder.useFont(file, FAMILY);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
