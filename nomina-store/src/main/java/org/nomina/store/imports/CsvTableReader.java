package org.nomina.store.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.nomina.store.BadInputException;

/**
 * Streams a delimited text file (CSV, TSV, semicolon- or pipe-separated) through commons-csv with a
 * strict decoder: a byte sequence that is not valid in the encoding stops the import with its line,
 * rather than turning into replacement characters in someone's name.
 */
final class CsvTableReader {

    private CsvTableReader() {
    }

    static Reader open(FileFacts facts, Charset charset) throws IOException {
        return open(facts, charset, new AtomicLong());
    }

    static Reader open(FileFacts facts, Charset charset, AtomicLong bytesRead) throws IOException {
        InputStream in = new CountingInputStream(Files.newInputStream(facts.path()), bytesRead);
        long skip = facts.bomCharset().filter(charset::equals).isPresent() ? facts.bomLength() : 0;
        in.skipNBytes(skip);
        if (readsLineByLine(facts, charset)) {
            return new BufferedReader(new LineByLineDecoder(new java.io.BufferedInputStream(in, 1 << 16), charset), 1 << 16);
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
    }

    /**
     * True when the file is read line by line, each line in its own encoding: it has no byte-order mark, it
     * mixes lines of valid UTF-8 with lines that are not, and it is read in a single-byte encoding.
     */
    static boolean readsLineByLine(FileFacts facts, Charset charset) {
        return facts.bomCharset().isEmpty() && facts.lines().mixed() && charset.newEncoder().maxBytesPerChar() == 1.0f;
    }

    /** Reads the first lines (up to {@code maxChars}) for delimiter detection. */
    static String sample(FileFacts facts, Charset charset, int maxChars) {
        try (Reader r = open(facts, charset)) {
            char[] buf = new char[maxChars];
            int total = 0;
            int n;
            while (total < maxChars && (n = r.read(buf, total, maxChars - total)) > 0) {
                total += n;
            }
            return new String(buf, 0, Math.max(total, 0));
        } catch (CharacterCodingException e) {
            throw undecodable(facts, charset, e);
        } catch (IOException e) {
            throw new BadInputException(facts.path() + ": cannot be read: " + e.getMessage(), e);
        }
    }

    static void read(FileFacts facts, Charset charset, char delimiter, AtomicLong bytesRead, TableHandler handler) {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setQuote('"')
                .setIgnoreEmptyLines(true)
                .setTrim(false)
                .get();
        long lastLine = 1;
        try (Reader reader = open(facts, charset, bytesRead); CSVParser parser = CSVParser.parse(reader, format)) {
            boolean header = true;
            int rowNo = 1;
            for (CSVRecord rec : parser) {
                List<String> cells = new ArrayList<>(rec.size());
                rec.forEach(cells::add);
                if (header) {
                    handler.header(cells);
                    header = false;
                } else {
                    rowNo++;
                    handler.row(rowNo, lastLine, cells);
                }
                lastLine = parser.getCurrentLineNumber() + 1;
            }
            if (header) {
                throw new BadInputException(facts.path() + ": the file has no rows, not even a header");
            }
        } catch (UncheckedIOException e) {
            throw translate(facts, charset, e.getCause(), lastLine);
        } catch (IOException e) {
            throw translate(facts, charset, e, lastLine);
        }
    }

    private static BadInputException translate(FileFacts facts, Charset charset, IOException e, long line) {
        if (e instanceof CharacterCodingException cce) {
            return undecodable(facts, charset, cce);
        }
        String msg = String.valueOf(e.getMessage());
        if (msg.contains("EOF reached before encapsulated token finished")) {
            return new BadInputException(facts.path() + ": a quoted value that starts at line " + line
                    + " is never closed (unterminated quote \"); the rest of the file would be swallowed into one cell");
        }
        if (msg.contains("invalid char between encapsulated token and delimiter")) {
            return new BadInputException(facts.path() + ", line " + line + ": text after a closing quote \" (a stray quote inside a value?)");
        }
        return new BadInputException(facts.path() + ", line " + line + ": cannot be read as a table: " + msg, e);
    }

    static BadInputException undecodable(FileFacts facts, Charset charset, CharacterCodingException e) {
        String where = facts.utf8Problem().filter(p -> charset.name().equals("UTF-8")).map(p -> " (" + p + ")")
                .orElse(e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
        String hint = charset.name().equals("UTF-8") ? "; if it was saved by Excel in Russian or Azerbaijani, try --encoding windows-1251" : "";
        return new BadInputException(facts.path() + ": the bytes are not valid " + charset.name() + where + hint, e);
    }

    /** Counts bytes as they are read, for the progress bar. */
    private static final class CountingInputStream extends java.io.FilterInputStream {
        private final AtomicLong count;

        CountingInputStream(InputStream in, AtomicLong count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }
    }
}
