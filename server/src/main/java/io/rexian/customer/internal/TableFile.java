package io.rexian.customer.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads the rows of an uploaded table: CSV in UTF-8 (with or without BOM) or GBK, which is
 * what Excel on a Chinese Windows writes, or the first sheet of an .xlsx read as a stream
 * of SAX events so a 100,000-row sheet never becomes an object tree in memory.
 */
public final class TableFile {

    /** Receives rows in order; {@code line} is the 1-based line (CSV) or row number (Excel). */
    public interface RowHandler {
        void row(int line, List<String> cells);
    }

    /** The file could not be read at all (not a CSV/xlsx, corrupt). */
    public static class Unreadable extends Exception {
        public Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private TableFile() {
    }

    public static void read(String filename, byte[] content, RowHandler handler) throws Unreadable {
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".xlsx") || isZip(content)) {
                readXlsx(content, handler);
            } else {
                readCsv(content, handler);
            }
        } catch (IOException | RuntimeException e) {
            throw new Unreadable(e.getMessage(), e);
        } catch (Exception e) {
            throw new Unreadable(e.getMessage(), e);
        }
    }

    private static boolean isZip(byte[] b) {
        return b.length > 3 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
    }

    /** UTF-8 when it has a BOM or decodes cleanly as UTF-8, otherwise GBK (read as GB18030, its superset). */
    static Reader decode(byte[] content) {
        if (content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF) {
            return new InputStreamReader(new ByteArrayInputStream(content, 3, content.length - 3), StandardCharsets.UTF_8);
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content));
            return new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            return new InputStreamReader(new ByteArrayInputStream(content), Charset.forName("GB18030"));
        }
    }

    private static void readCsv(byte[] content, RowHandler handler) throws IOException {
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(false).get()
                .parse(decode(content))) {
            for (CSVRecord record : parser) {
                List<String> cells = new ArrayList<>(record.size());
                record.forEach(cells::add);
                handler.row((int) record.getRecordNumber(), cells);
            }
        }
    }

    private static void readXlsx(byte[] content, RowHandler handler) throws Exception {
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(content))) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                return;
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings,
                        new SheetRows(handler), new DataFormatter(Locale.ROOT), false));
                parser.parse(new InputSource(sheet));
            }
        }
    }

    /** Turns POI's cell events into whole rows, filling the gaps of empty cells. */
    private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final RowHandler handler;
        private List<String> cells = new ArrayList<>();

        SheetRows(RowHandler handler) {
            this.handler = handler;
        }

        @Override
        public void startRow(int rowNum) {
            cells = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            handler.row(rowNum + 1, cells);
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(value == null ? "" : value);
        }
    }
}
