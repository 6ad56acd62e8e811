package org.nomina.store.imports;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.nomina.store.BadInputException;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Streams the first (or a named) sheet of an .xlsx workbook with POI's SAX event API, so a large
 * workbook never sits in memory whole. Date cells come out as ISO dates whatever the cell's display
 * format, so that 3/12/51 in an American-formatted cell is not misread as the 3rd of December.
 */
final class XlsxTableReader {

    private XlsxTableReader() {
    }

    static void read(FileFacts facts, Optional<String> sheetName, TableHandler handler) {
        try (OPCPackage pkg = OPCPackage.open(facts.path().toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            List<String> names = new ArrayList<>();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    String name = sheets.getSheetName();
                    names.add(name);
                    if (sheetName.isEmpty() || sheetName.get().equals(name)) {
                        parse(facts, sheet, strings, styles, handler);
                        return;
                    }
                }
            }
            throw new BadInputException(facts.path() + ": the workbook has no sheet named '" + sheetName.orElse("")
                    + "'; its sheets are: " + String.join(", ", names));
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
            if (e instanceof BadInputException bad) {
                throw bad;
            }
            throw new BadInputException(facts.path() + ": not a readable .xlsx workbook: " + e.getMessage(), e);
        }
    }

    private static void parse(FileFacts facts, InputStream sheet, ReadOnlySharedStringsTable strings, StylesTable styles,
                              TableHandler handler) throws IOException, SAXException, ParserConfigurationException {
        RowCollector collector = new RowCollector(handler);
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, collector, new IsoDateFormatter(), false));
        xml.parse(new InputSource(sheet));
        if (!collector.sawHeader) {
            throw new BadInputException(facts.path() + ": the sheet is empty, not even a header row");
        }
    }

    /** Shows date-formatted numbers as ISO dates; everything else as Excel would. */
    private static final class IsoDateFormatter extends DataFormatter {
        IsoDateFormatter() {
            super(java.util.Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime dt = DateUtil.getLocalDateTime(value, use1904Windowing);
                return dt.toLocalDate().toString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
        }
    }

    /** Collects one row's cells by column index (empty cells are absent from the XML) and hands rows on. */
    private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final TableHandler handler;
        private final List<String> cells = new ArrayList<>();
        private boolean sawHeader;

        RowCollector(TableHandler handler) {
            this.handler = handler;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            boolean blank = cells.stream().allMatch(c -> c.isBlank());
            if (blank) {
                return;
            }
            if (!sawHeader) {
                sawHeader = true;
                handler.header(List.copyOf(cells));
            } else {
                handler.row(rowNum + 1, rowNum + 1, new ArrayList<>(cells));
            }
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            int col = new CellReference(cellReference).getCol();
            while (cells.size() < col) {
                cells.add("");
            }
            cells.add(formattedValue == null ? "" : formattedValue);
        }
    }
}
