package org.nomina.store.imports;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What one pass over a file's bytes tells before it is parsed.
 *
 * @param bomCharset      the encoding a byte-order mark declares, if there is one
 * @param bomLength       bytes to skip for that mark
 * @param utf8Problem     where the bytes stop being valid UTF-8 (after any BOM), if they do
 * @param nulOffset       byte offset of the first NUL byte, or -1; text tables never contain one
 * @param cyrillicScore   share (0–1) of non-ASCII bytes that stand next to other non-ASCII bytes, over the
 *                        lines that are not UTF-8: high for Windows-1251 Cyrillic words, low for Western
 *                        accents in Windows-1252
 * @param lines           which lines with non-ASCII bytes are valid UTF-8 and which are not
 */
public record FileFacts(Path path, long size, String sha256, FileFormat format, Optional<Charset> bomCharset, int bomLength,
                        Optional<String> utf8Problem, long nulOffset, long highBytes, double cyrillicScore, LineEncodings lines) {

    public enum FileFormat { TEXT, XLSX, XLS, ZIP, PDF }

    /**
     * Lines (counted by line feeds, from 1) holding non-ASCII bytes, by whether they are valid UTF-8.
     * A Windows-1251 list with rows pasted in from a UTF-8 sheet has both kinds; ASCII-only lines count as neither.
     *
     * @param firstUtf8Line  the first line that is valid UTF-8 and not ASCII, or 0
     * @param firstOtherLine the first line that is not valid UTF-8, or 0
     */
    public record LineEncodings(long utf8Lines, long otherLines, long firstUtf8Line, long firstOtherLine) {
        public static final LineEncodings NONE = new LineEncodings(0, 0, 0, 0);

        /** Both kinds of line: the file mixes UTF-8 with a single-byte encoding. */
        public boolean mixed() {
            return utf8Lines > 0 && otherLines > 0;
        }

        /** The first line whose encoding differs from the lines before it. */
        public long changeLine() {
            return Math.max(firstUtf8Line, firstOtherLine);
        }
    }

    public String fileName() {
        return path.getFileName().toString();
    }
}
