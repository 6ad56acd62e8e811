package org.nomina.app.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nomina.app.register.Statements;

/**
 * Writes a statement as a report: HTML from the {@code report.jte} template (the same figure table and
 * charts as the dashboard, standing alone), or that HTML as PDF through openhtmltopdf (PDFBox), the
 * charts' SVG drawn by Batik. The PDF embeds DejaVu Sans, which has Cyrillic, Azerbaijani Latin and
 * Armenian; it is found in {@code NOMINA_REPORT_FONTS} or the usual system folders (Debian's
 * fonts-dejavu-core), and its absence is said plainly rather than printing empty boxes.
 */
public final class ReportRenderer {
    /** The fonts a PDF embeds: file name, family, weight. */
    static final List<String[]> FONTS = List.of(new String[] {"DejaVuSans.ttf", "DejaVu Sans", "400"},
            new String[] {"DejaVuSans-Bold.ttf", "DejaVu Sans", "700"}, new String[] {"DejaVuSansMono.ttf", "DejaVu Sans Mono", "400"});
    static final List<String> FONT_FOLDERS = List.of("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF",
            "/usr/share/fonts/dejavu-sans-fonts", "/usr/local/share/fonts", "/Library/Fonts", System.getProperty("user.home") + "/.fonts");

    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

    public String html(Statements.Statement statement) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("statement", statement);
        params.put("generatedAt", statement.made().truncatedTo(ChronoUnit.SECONDS).toString());
        StringOutput out = new StringOutput();
        templates.render("report.jte", params, out);
        return out.toString();
    }

    /**
     * The report as PDF.
     *
     * @throws MissingFontException when DejaVu Sans is in none of the folders searched
     */
    public byte[] pdf(Statements.Statement statement) {
        Map<String, Path> fonts = fonts();
        // openhtmltopdf logs every stage at INFO on stderr; a report's reader needs none of it.
        com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
        org.jsoup.nodes.Document parsed = org.jsoup.Jsoup.parse(html(statement));
        org.w3c.dom.Document dom = new org.jsoup.helper.W3CDom().fromJsoup(parsed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        for (String[] f : FONTS) {
            Path file = fonts.get(f[0]);
            if (file != null) {
                builder.useFont(file.toFile(), f[1], Integer.valueOf(f[2]), BaseRendererBuilder.FontStyle.NORMAL, true,
                        EnumSet.of(BaseRendererBuilder.FSFontUseCase.DOCUMENT, BaseRendererBuilder.FSFontUseCase.SVG,
                                BaseRendererBuilder.FSFontUseCase.FALLBACK_PRE));
            }
        }
        builder.useSVGDrawer(new BatikSVGDrawer());
        builder.withW3cDocument(dom, "file:///");
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("the PDF could not be written: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** When no folder holds DejaVu Sans. */
    public static final class MissingFontException extends RuntimeException {
        MissingFontException(String message) {
            super(message);
        }
    }

    /** The font files found, by file name; DejaVu Sans itself is required. */
    static Map<String, Path> fonts() {
        List<String> folders = new ArrayList<>();
        Optional.ofNullable(System.getenv("NOMINA_REPORT_FONTS")).filter(s -> !s.isBlank()).ifPresent(folders::add);
        folders.addAll(FONT_FOLDERS);
        Map<String, Path> found = new LinkedHashMap<>();
        for (String[] f : FONTS) {
            for (String folder : folders) {
                Path p = Path.of(folder, f[0]);
                if (Files.isReadable(p)) {
                    found.put(f[0], p);
                    break;
                }
            }
        }
        if (!found.containsKey(FONTS.get(0)[0])) {
            throw new MissingFontException("the PDF report needs the font DejaVu Sans (it has Cyrillic, Azerbaijani and Armenian letters) and "
                    + "found DejaVuSans.ttf in none of " + String.join(", ", folders) + "; install it (Debian/Ubuntu: apt-get install "
                    + "fonts-dejavu-core) or set NOMINA_REPORT_FONTS to a folder holding it. --format html needs no font.");
        }
        return found;
    }
}
