package org.nomina.store.claims;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipFile;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.nomina.store.BadInputException;
import org.nomina.store.imports.FileFacts;
import org.nomina.store.imports.FileSniffer;

/**
 * Reads the text of a statement: plain text in any encoding the importer detects (through
 * {@link FileSniffer}: UTF-8 with or without BOM, UTF-16 with BOM, Windows-1251, Windows-1252), Word
 * {@code .docx} (Apache POI), HTML (jsoup, one paragraph per block element) and the text layer of a PDF
 * (PDFBox). A file that holds no text — empty, binary, a spreadsheet, a scanned PDF — is refused with a
 * message saying what it is and what to do.
 */
public final class ClaimDocuments {

    /** Longer texts do not fit the {@code source_text} column; no statement comes near it. */
    static final int MAX_CHARS = 1_000_000;

    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td",
            "th", "table", "blockquote", "pre", "section", "article", "header", "footer", "dd", "dt", "title");

    private ClaimDocuments() {
    }

    public static ClaimDocument read(Path path, java.util.Optional<String> encoding) {
        FileFacts facts = FileSniffer.sniff(path);
        String name = facts.fileName();
        String lower = name.toLowerCase(Locale.ROOT);
        return switch (facts.format()) {
            case PDF -> pdf(facts);
            case ZIP -> {
                if (!isDocx(path)) {
                    throw new BadInputException(path + ": is a zip archive, not a .docx document; unpack it and give the statement inside");
                }
                yield docx(facts);
            }
            case XLS -> throw new BadInputException(lower.endsWith(".doc")
                    ? path + ": old Word .doc files cannot be read; save it as .docx or .txt"
                    : path + ": is an old Office file (.xls or .doc); claims reads statements (.txt, .docx, .html, .pdf)");
            case XLSX -> throw new BadInputException(path + ": is a spreadsheet; lists go to nomina import, claims reads statements "
                    + "(.txt, .docx, .html, .pdf)");
            case TEXT -> {
                Charset charset = encoding.map(e -> charset(path, e)).orElseGet(() -> detect(facts));
                if (facts.nulOffset() >= 0 && !charset.name().startsWith("UTF-16")) {
                    throw new BadInputException(path + ": is binary, not text (a NUL byte at byte offset " + facts.nulOffset()
                            + "); claims reads .txt, .docx, .html and .pdf");
                }
                String text = decode(path, facts, charset);
                boolean html = lower.endsWith(".html") || lower.endsWith(".htm")
                        || text.stripLeading().toLowerCase(Locale.ROOT).startsWith("<!doctype html") || text.stripLeading().toLowerCase(Locale.ROOT).startsWith("<html");
                yield html ? checked(facts, "html", charset.name(), html(text)) : checked(facts, "txt", charset.name(), text);
            }
        };
    }

    private static ClaimDocument checked(FileFacts facts, String format, String encoding, String text) {
        if (text.isBlank()) {
            throw new BadInputException(facts.path() + ": holds no text");
        }
        if (text.length() > MAX_CHARS) {
            throw new BadInputException(facts.path() + ": holds " + text.length() + " characters; claims reads texts of up to "
                    + MAX_CHARS + " (split the file)");
        }
        return new ClaimDocument(facts.fileName(), format, encoding, facts.sha256(), facts.size(), text);
    }

    /** The importer's rule: a byte-order mark, else UTF-8 when every byte is valid UTF-8, else Cyrillic or Western single-byte. */
    private static Charset detect(FileFacts facts) {
        if (facts.bomCharset().isPresent()) {
            return facts.bomCharset().get();
        }
        if (facts.utf8Problem().isEmpty()) {
            return StandardCharsets.UTF_8;
        }
        return Charset.forName(facts.cyrillicScore() >= 0.5 ? "windows-1251" : "windows-1252");
    }

    private static Charset charset(Path path, String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(path + ": unknown encoding '" + name + "' (try utf-8, windows-1251, windows-1252)");
        }
    }

    private static String decode(Path path, FileFacts facts, Charset charset) {
        try {
            byte[] bytes = Files.readAllBytes(path);
            int skip = facts.bomCharset().filter(charset::equals).isPresent() ? facts.bomLength() : 0;
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip)).toString();
        } catch (CharacterCodingException e) {
            throw new BadInputException(path + ": is not valid " + charset.name() + (facts.utf8Problem().map(p -> " (" + p + ")").orElse(""))
                    + "; name the encoding with --encoding", e);
        } catch (IOException e) {
            throw new BadInputException(path + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static boolean isDocx(Path path) {
        try (ZipFile zip = new ZipFile(path.toFile())) {
            return zip.getEntry("word/document.xml") != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static ClaimDocument docx(FileFacts facts) {
        try (InputStream in = Files.newInputStream(facts.path()); XWPFDocument document = new XWPFDocument(in);
             XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            return checked(facts, "docx", "UTF-8", extractor.getText().replace("\n", "\n\n"));
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(facts.path() + ": is not a readable .docx document: " + e.getMessage(), e);
        }
    }

    private static ClaimDocument pdf(FileFacts facts) {
        String text;
        try (PDDocument document = Loader.loadPDF(facts.path().toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setParagraphEnd("\n\n");
            text = stripper.getText(document);
        } catch (InvalidPasswordException e) {
            throw new BadInputException(facts.path() + ": the PDF is locked with a password; give an unlocked copy", e);
        } catch (IOException e) {
            throw new BadInputException(facts.path() + ": is not a readable PDF: " + e.getMessage(), e);
        }
        if (text.isBlank()) {
            throw new BadInputException(facts.path() + ": the PDF has no text layer (a scanned image?); run it through OCR, "
                    + "or give the statement as .txt or .docx");
        }
        return checked(facts, "pdf", "PDF", text);
    }

    /** The text of an HTML page, a blank line after each block element so that headings end sentences. */
    static String html(String source) {
        Document document = Jsoup.parse(source);
        document.select("script, style, noscript, template").remove();
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    out.append(t.getWholeText().replaceAll("\\s+", " "));
                } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    out.append("\n\n");
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    out.append("\n\n");
                }
            }
        }, document.body());
        return out.toString().replaceAll("[ \\t]*\\n[ \\t]*", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }
}
