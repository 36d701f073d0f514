package io.rexian.workorder.web;

/** Lets tests skip the text check of PDFs on machines without an embeddable CJK font. */
public final class PdfFonts {

    private PdfFonts() {
    }

    public static boolean anyInstalled() {
        return WorkOrderDocuments.FONT_CANDIDATES.stream().anyMatch(f -> new java.io.File(f).canRead());
    }
}
