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
 * @param cyrillicScore   share (0–1) of non-ASCII bytes that stand next to other non-ASCII bytes:
 *                        high for Windows-1251 Cyrillic words, low for Western accents in Windows-1252
 */
public record FileFacts(Path path, long size, String sha256, FileFormat format, Optional<Charset> bomCharset, int bomLength,
                        Optional<String> utf8Problem, long nulOffset, long highBytes, double cyrillicScore) {

    public enum FileFormat { TEXT, XLSX, XLS, ZIP, PDF }

    public String fileName() {
        return path.getFileName().toString();
    }
}
