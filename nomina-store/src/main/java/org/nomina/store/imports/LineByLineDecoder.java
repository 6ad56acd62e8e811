package org.nomina.store.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a text file whose lines are in two encodings — rows pasted from a UTF-8 sheet into a
 * Windows-1251 list — decoding each line in its own: as UTF-8 when the line is valid UTF-8, otherwise in
 * the file's single-byte encoding. Both decoders are strict, so a line valid in neither stops the import
 * with its line number rather than turning into replacement characters.
 *
 * <p>Written by hand: java.nio and ICU decode a stream in one charset; ICU's CharsetDetector guesses one
 * charset per text. No library we know switches per line. Not thread-safe.
 */
final class LineByLineDecoder extends Reader {

    private final InputStream in;
    private final CharsetDecoder utf8 = strict(StandardCharsets.UTF_8);
    private final CharsetDecoder other;
    private byte[] line = new byte[1024];
    private CharBuffer chars = CharBuffer.allocate(0);
    private long lineNo;
    private boolean eof;

    LineByLineDecoder(InputStream in, Charset other) {
        this.in = in;
        this.other = strict(other);
    }

    private static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (eof || !nextLine()) {
                return -1;
            }
        }
        int n = Math.min(len, chars.remaining());
        chars.get(buf, off, n);
        return n;
    }

    /** Decodes the next line (with its line feed) into {@code chars}; false at the end of the input. */
    private boolean nextLine() throws IOException {
        int length = 0;
        int b;
        while ((b = in.read()) >= 0) {
            if (length == line.length) {
                line = Arrays.copyOf(line, line.length * 2);
            }
            line[length++] = (byte) b;
            if (b == '\n') {
                break;
            }
        }
        if (b < 0) {
            eof = true;
        }
        if (length == 0) {
            return false;
        }
        lineNo++;
        ByteBuffer bytes = ByteBuffer.wrap(line, 0, length);
        try {
            chars = utf8.reset().decode(bytes);
        } catch (CharacterCodingException notUtf8) {
            try {
                chars = other.reset().decode(ByteBuffer.wrap(line, 0, length));
            } catch (CharacterCodingException neither) {
                throw new UndecodableLine("line " + lineNo + " is valid neither as UTF-8 nor as " + other.charset().name(), neither);
            }
        }
        return true;
    }

    /** A line that neither decoder reads; its message names the line. */
    static final class UndecodableLine extends CharacterCodingException {
        private static final long serialVersionUID = 1L;
        private final String message;

        UndecodableLine(String message, CharacterCodingException cause) {
            this.message = message;
            initCause(cause);
        }

        @Override
        public String getMessage() {
            return message;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
