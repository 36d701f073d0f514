package io.rexian.workorder.web;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.File;
import java.io.IOException;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Registers a CJK font under the CSS family the print page asks for, embedded as a subset.
 * PDFBox can only embed TrueType outlines: Noto CJK (fonts-noto-cjk) has CFF outlines and is
 * refused, so a glyf-based font such as WenQuanYi Micro Hei (fonts-wqy-microhei) is needed.
 * Collections (.ttc) are opened with FontBox and their first usable face is taken.
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
                    boolean cff = f instanceof OpenTypeFont otf && otf.isPostScript();
                    if (chosen[0] == null && !cff) {
                        chosen[0] = f;
                    }
                });
                if (chosen[0] == null) {
                    return false;
                }
                PDType0Font font = PDType0Font.load(document, chosen[0], true);
                builder.useFont(new PDFontSupplier(font), FAMILY, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
                return true;
            }
            builder.useFont(file, FAMILY);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
