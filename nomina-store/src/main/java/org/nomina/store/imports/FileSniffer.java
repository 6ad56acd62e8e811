package org.nomina.store.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.nomina.store.BadInputException;
import org.nomina.store.ledger.Hashes;

/**
 * Reads a file once, streaming, to learn its SHA-256, format, byte-order mark, whether it is valid
 * UTF-8 (and where it stops being so), and byte statistics for telling Windows-1251 from Windows-1252.
 *
 * <p>Written by hand: ICU's CharsetDetector guesses from short samples and often mistakes a list of
 * Cyrillic names in Windows-1251 for KOI8-R or a Western encoding; the two questions we need answered
 * (is it UTF-8? Cyrillic or Western single-byte?) are simple to answer exactly over the whole file.
 */
public final class FileSniffer {

    private FileSniffer() {
    }

    public static FileFacts sniff(Path path) {
        if (!Files.exists(path)) {
            throw new BadInputException(path + ": no such file");
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new BadInputException(path + ": not a readable file");
        }
        MessageDigest sha = Hashes.sha256();
        byte[] buf = new byte[1 << 16];
        long size = 0;
        byte[] head = new byte[8];
        int headLen = 0;
        Utf8Checker utf8 = new Utf8Checker();
        long nul = -1;
        long high = 0;
        long highAdjacent = 0;
        boolean prevHigh = false;
        LineClassifier lines = new LineClassifier();
        int bomLen = -1;
        try (InputStream in = Files.newInputStream(path)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                sha.update(buf, 0, n);
                for (int i = 0; i < n && headLen < head.length; i++) {
                    head[headLen++] = buf[i];
                }
                int start = 0;
                if (bomLen < 0 && headLen >= Math.min(head.length, size + n)) {
                    bomLen = bomLength(head, headLen);
                    start = (int) Math.max(0, bomLen - size);
                }
                for (int i = start; i < n; i++) {
                    int b = buf[i] & 0xff;
                    if (b == 0 && nul < 0) {
                        nul = size + i;
                    }
                    boolean isHigh = b >= 0x80;
                    if (isHigh) {
                        high++;
                        if (prevHigh) {
                            highAdjacent += 2;
                        }
                    }
                    prevHigh = isHigh;
                    utf8.accept(b, size + i);
                    lines.accept(b);
                }
                size += n;
            }
        } catch (IOException e) {
            throw new BadInputException(path + ": cannot be read: " + e.getMessage(), e);
        }
        if (size == 0) {
            throw new BadInputException(path + ": the file is empty");
        }
        utf8.finish();
        lines.endLine();
        Optional<Charset> bom = bomCharset(head, headLen);
        FileFacts.FileFormat format = format(path, head, headLen);
        double score = high == 0 ? 0 : Math.min(1.0, (double) highAdjacent / high);
        if (lines.otherHigh > 0) {
            // Score only the lines that are not UTF-8, so UTF-8 rows pasted into a Western list do not make it look Cyrillic.
            score = Math.min(1.0, (double) lines.otherHighAdjacent / lines.otherHigh);
        }
        return new FileFacts(path, size, Hashes.hex(sha.digest()), format, bom, Math.max(0, bomLen),
                utf8.problem(), nul, high, score, lines.result());
    }

    private static int bomLength(byte[] h, int len) {
        if (len >= 3 && (h[0] & 0xff) == 0xEF && (h[1] & 0xff) == 0xBB && (h[2] & 0xff) == 0xBF) {
            return 3;
        }
        if (len >= 2 && ((h[0] & 0xff) == 0xFF && (h[1] & 0xff) == 0xFE || (h[0] & 0xff) == 0xFE && (h[1] & 0xff) == 0xFF)) {
            return 2;
        }
        return 0;
    }

    private static Optional<Charset> bomCharset(byte[] h, int len) {
        if (len >= 3 && (h[0] & 0xff) == 0xEF && (h[1] & 0xff) == 0xBB && (h[2] & 0xff) == 0xBF) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        if (len >= 2 && (h[0] & 0xff) == 0xFF && (h[1] & 0xff) == 0xFE) {
            return Optional.of(StandardCharsets.UTF_16LE);
        }
        if (len >= 2 && (h[0] & 0xff) == 0xFE && (h[1] & 0xff) == 0xFF) {
            return Optional.of(StandardCharsets.UTF_16BE);
        }
        return Optional.empty();
    }

    private static FileFacts.FileFormat format(Path path, byte[] h, int len) {
        if (len >= 4 && h[0] == 'P' && h[1] == 'K' && h[2] == 3 && h[3] == 4) {
            try (ZipFile zip = new ZipFile(path.toFile())) {
                ZipEntry workbook = zip.getEntry("xl/workbook.xml");
                return workbook != null ? FileFacts.FileFormat.XLSX : FileFacts.FileFormat.ZIP;
            } catch (IOException e) {
                return FileFacts.FileFormat.ZIP;
            }
        }
        if (len >= 8 && (h[0] & 0xff) == 0xD0 && (h[1] & 0xff) == 0xCF && (h[2] & 0xff) == 0x11 && (h[3] & 0xff) == 0xE0) {
            return FileFacts.FileFormat.XLS;
        }
        if (len >= 4 && h[0] == '%' && h[1] == 'P' && h[2] == 'D' && h[3] == 'F') {
            return FileFacts.FileFormat.PDF;
        }
        return FileFacts.FileFormat.TEXT;
    }

    /**
     * Sorts lines with non-ASCII bytes into valid UTF-8 and not: a second UTF-8 validator that starts afresh
     * on every line, and the adjacency statistics of the lines that are not UTF-8.
     */
    private static final class LineClassifier {
        private long line = 1;
        private int pending;
        private boolean valid = true;
        private long lineHigh;
        private long lineHighAdjacent;
        private boolean prevHigh;
        private long utf8Lines;
        private long otherLines;
        private long firstUtf8;
        private long firstOther;
        long otherHigh;
        long otherHighAdjacent;

        void accept(int b) {
            if (b == '\n') {
                endLine();
                line++;
                return;
            }
            boolean high = b >= 0x80;
            if (high) {
                lineHigh++;
                if (prevHigh) {
                    lineHighAdjacent += 2;
                }
            }
            prevHigh = high;
            if (!valid) {
                return;
            }
            if (pending > 0) {
                if ((b & 0xC0) != 0x80) {
                    valid = false;
                } else {
                    pending--;
                }
            } else if (b >= 0xC2 && b <= 0xDF) {
                pending = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                pending = 2;
            } else if (b >= 0xF0 && b <= 0xF4) {
                pending = 3;
            } else if (high) {
                valid = false;
            }
        }

        void endLine() {
            if (lineHigh > 0) {
                if (valid && pending == 0) {
                    utf8Lines++;
                    firstUtf8 = firstUtf8 == 0 ? line : firstUtf8;
                } else {
                    otherLines++;
                    firstOther = firstOther == 0 ? line : firstOther;
                    otherHigh += lineHigh;
                    otherHighAdjacent += lineHighAdjacent;
                }
            }
            pending = 0;
            valid = true;
            lineHigh = 0;
            lineHighAdjacent = 0;
            prevHigh = false;
        }

        FileFacts.LineEncodings result() {
            return new FileFacts.LineEncodings(utf8Lines, otherLines, firstUtf8, firstOther);
        }
    }

    /** A streaming UTF-8 validator that remembers the first bad byte with its line and offset. */
    private static final class Utf8Checker {
        private int pending;
        private int line = 1;
        private Optional<String> problem = Optional.empty();

        void accept(int b, long offset) {
            if (problem.isPresent()) {
                return;
            }
            if (b == '\n') {
                line++;
            }
            if (pending > 0) {
                if ((b & 0xC0) != 0x80) {
                    fail(b, offset);
                    return;
                }
                pending--;
                return;
            }
            if (b < 0x80) {
                return;
            }
            if (b >= 0xC2 && b <= 0xDF) {
                pending = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                pending = 2;
            } else if (b >= 0xF0 && b <= 0xF4) {
                pending = 3;
            } else {
                fail(b, offset);
            }
        }

        private void fail(int b, long offset) {
            problem = Optional.of(String.format("byte 0x%02X at line %d (byte offset %d)", b, line, offset));
        }

        void finish() {
            if (pending > 0 && problem.isEmpty()) {
                problem = Optional.of("the file ends in the middle of a character at line " + line);
            }
        }

        Optional<String> problem() {
            return problem;
        }
    }
}
