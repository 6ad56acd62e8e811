package org.nomina.app.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.nomina.store.imports.ImportRequest;
import org.nomina.store.imports.ImportResult;
import org.nomina.store.imports.Rejection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports one list (CSV, TSV or .xlsx) as a new version of a source.",
            "A row that names someone is kept even when its age, a date, the sex or the status cannot be read:",
            "that field is left empty and the row's problems say why (a mapping's invalid: reject makes a column strict).",
            "Rows with no name, a broken shape or a repeated id are rejected with their reasons; a bad file changes nothing.",
            "Importing the same file with the same mapping into the same source again is reported, not repeated."})
final class ImportCommand implements Callable<Integer> {
    @ParentCommand
    NominaCommand parent;

    @Parameters(index = "0", paramLabel = "FILE", description = "The list: .csv/.tsv/.txt text in any common encoding, or an .xlsx workbook")
    Path file;

    @Option(names = "--source", required = true, paramLabel = "NAME", description = "The source this file is a version of, e.g. \"Hospital list\"")
    String source;

    @Option(names = "--mapping", paramLabel = "MAP.yaml", description = "Which column is which field (see README); default: recognise common headers")
    Path mapping;

    @Option(names = "--encoding", paramLabel = "E", description = "The file's encoding, e.g. windows-1251 (default: detect)")
    String encoding;

    @Option(names = "--delimiter", paramLabel = "D", description = "Column delimiter: \",\" \";\" \"\\t\" \"|\" (default: detect)")
    String delimiter;

    @Mixin
    ActorOption actor;

    @Option(names = "--incident", paramLabel = "NAME",
            description = "The incident the list's records belong to (created if absent); a mapped incident column overrides it per row")
    String incident;

    @Option(names = "--kind", paramLabel = "KIND",
            description = "The source's kind: list, residents (the people who lived in a place, not victims), testimonies, official, media")
    String kind;

    @Mixin
    ReportOptions report;

    @Override
    public Integer call() {
        Terminal terminal = new Terminal(report.err());
        ImportRequest request = new ImportRequest(file, source, Optional.ofNullable(mapping), Optional.ofNullable(encoding),
                Optional.ofNullable(delimiter), actor.name(), Optional.ofNullable(incident), Optional.ofNullable(kind));
        ImportResult result = parent.register().importList(request, terminal.bar("importing"));
        terminal.done();
        report.report(() -> toJson(result), out -> print(out, result));
        return 0;
    }

    static Map<String, Object> toJson(ImportResult r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("source", r.source());
        out.put("version", r.version());
        out.put("file", r.file());
        out.put("sha256", r.sha256());
        out.put("already_imported", r.alreadyImported());
        out.put("rows_read", r.rowsRead());
        out.put("rows_imported", r.rowsImported());
        out.put("rows_rejected", r.rowsRejected());
        out.put("rejects", r.rejects().stream().map(ImportCommand::reject).toList());
        out.put("rejects_truncated", r.rejectsTruncated());
        out.put("rows_with_problems", r.rowsWithProblems());
        out.put("problems_by_column", r.problemsByColumn());
        out.put("encoding", r.encoding());
        out.put("delimiter", r.delimiter());
        out.put("columns", r.columns());
        out.put("warnings", r.warnings());
        out.put("seconds", Math.round(r.seconds() * 1000) / 1000.0);
        return out;
    }

    private static Map<String, Object> reject(Rejection x) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("row", x.row());
        m.put("line", x.line());
        m.put("column", x.column());
        m.put("value", x.value());
        m.put("reason", x.reason());
        return m;
    }

    private static void print(Output out, ImportResult r) {
        for (String w : r.warnings()) {
            out.note("note: %s", w);
        }
        if (r.alreadyImported()) {
            return;
        }
        out.line("Imported %s into '%s' as version %d: %,d rows read, %,d imported, %,d rejected (%.1f s).",
                r.file(), r.source(), r.version(), r.rowsRead(), r.rowsImported(), r.rowsRejected(), r.seconds());
        out.line("Encoding %s, delimiter %s.", r.encoding(), describeDelimiter(r.delimiter()));
        out.line("Columns:");
        r.columns().forEach((column, field) -> out.line("  %-28s -> %s", "\"" + column + "\"", field));
        if (r.rowsWithProblems() > 0) {
            out.line("Kept with problems: %,d rows (each row's problems are in nomina export records).", r.rowsWithProblems());
            r.problemsByColumn().forEach((column, rows) -> out.line(
                    "  %-28s %,d rows with a value that could not be read, left empty (kept verbatim)", "\"" + column + "\"", rows));
        }
        if (!r.rejects().isEmpty()) {
            out.line("Rejected rows:");
            List<Rejection> shown = r.rejects().subList(0, Math.min(20, r.rejects().size()));
            for (Rejection x : shown) {
                out.line("  %s, row %d (line %d)%s", r.file(), x.row(), x.line(), rejection(x));
            }
            if (r.rejects().size() > shown.size() || r.rejectsTruncated()) {
                out.line("  … and more: see nomina stats, or --json for the full list");
            }
        }
    }

    /** A rejected row's column, value and reason: {@code , column "Age", value "x": reason}. */
    static String rejection(Rejection x) {
        return (x.column().isEmpty() ? "" : ", column \"" + x.column() + "\"") + (x.value().isEmpty() ? "" : ", value \"" + x.value() + "\"")
                + ": " + x.reason();
    }

    private static String describeDelimiter(String d) {
        return switch (d) {
            case "\t" -> "tab";
            case "" -> "none (workbook)";
            default -> "'" + d + "'";
        };
    }
}
