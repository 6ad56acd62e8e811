package org.nomina.store.export;

import org.nomina.store.StagedImports;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jdbi.v3.core.Jdbi;
import org.nomina.engine.domain.PartialDate;
import org.nomina.store.imports.StoredRecord;
import org.nomina.store.verify.Verifier;

/**
 * Writes every source record with its source, verbatim values and parsed fields, streaming from the
 * database. The first two CSV columns are {@code source,record_id} (the command-line contract).
 */
public final class RecordExporter {

    public enum Format { CSV, JSON }

    public static final List<String> COLUMNS = List.of("source", "record_id", "version", "row", "full_name", "surname",
            "given_name", "patronymic", "sex", "sex_inferred", "birth_date", "age", "place", "address", "id_number",
            "incident_date", "status", "notes", "extra", "problems", "verbatim");

    private RecordExporter() {
    }

    /** Writes all records to {@code out}; returns how many. */
    public static long export(Jdbi jdbi, Format format, Writer out) {
        return jdbi.inTransaction(handle -> {
            long[] n = {0};
            try {
                Sink sink = format == Format.CSV ? new CsvSink(out) : new JsonSink(out);
                handle.createQuery("""
                        SELECT s.name AS source_name, v.version_no, r.* FROM source_record r
                        JOIN source_version v ON v.id = r.source_version_id JOIN source s ON s.id = r.source_id
                        WHERE\s""" + StagedImports.VERSION_COMPLETE + " ORDER BY s.name, v.version_no, r.row_no")
                        .setFetchSize(1000)
                        .map((rs, ctx) -> new Row(rs.getString("source_name"), rs.getInt("version_no"), Verifier.mapRecord(rs)))
                        .forEach(row -> {
                            sink.write(row);
                            n[0]++;
                        });
                sink.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return n[0];
        });
    }

    private record Row(String source, int version, StoredRecord r) {
        String birth() {
            return date(r.birthYear(), r.birthMonth(), r.birthDay(), r.birthApprox());
        }

        String incident() {
            return date(r.incidentYear(), r.incidentMonth(), r.incidentDay(), false);
        }

        private static String date(Integer y, Integer m, Integer d, boolean approx) {
            if (y == null) {
                return "";
            }
            return new PartialDate(y, m == null ? 0 : m, d == null ? 0 : d, approx).toString();
        }
    }

    private interface Sink {
        void write(Row row);

        void close() throws IOException;
    }

    private static final class CsvSink implements Sink {
        private final CSVPrinter printer;

        CsvSink(Writer out) throws IOException {
            printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get());
            printer.printRecord(COLUMNS);
        }

        @Override
        public void write(Row row) {
            StoredRecord r = row.r();
            try {
                printer.printRecord(Stream.of(row.source(), r.recordId(), row.version(), r.rowNo(), r.fullName(), r.surname(), r.givenName(),
                        r.patronymic(), r.sex(), r.sexInferred(), row.birth(), age(r), r.place(), r.address(),
                        r.idNumber(), row.incident(), r.status(), r.notes(), r.extra(), r.problems(), r.verbatim())
                        .map(SpreadsheetCells::neutralise).toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            printer.flush();
        }
    }

    private static final class JsonSink implements Sink {
        private final JsonGenerator g;

        JsonSink(Writer out) throws IOException {
            g = new JsonFactory().createGenerator(out);
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartArray();
        }

        @Override
        public void write(Row row) {
            StoredRecord r = row.r();
            try {
                g.writeStartObject();
                g.writeStringField("source", row.source());
                g.writeStringField("record_id", r.recordId());
                g.writeNumberField("version", row.version());
                g.writeNumberField("row", r.rowNo());
                g.writeStringField("full_name", r.fullName());
                g.writeStringField("surname", r.surname());
                g.writeStringField("given_name", r.givenName());
                g.writeStringField("patronymic", r.patronymic());
                g.writeStringField("sex", r.sex());
                g.writeBooleanField("sex_inferred", r.sexInferred());
                g.writeStringField("birth_date", row.birth());
                if (r.age() == null) {
                    g.writeNullField("age");
                } else {
                    g.writeNumberField("age", r.age());
                }
                if (r.ageHigh() == null) {
                    g.writeNullField("age_high");
                } else {
                    g.writeNumberField("age_high", r.ageHigh());
                }
                g.writeStringField("place", r.place());
                g.writeStringField("address", r.address());
                g.writeStringField("id_number", r.idNumber());
                g.writeStringField("incident_date", row.incident());
                g.writeStringField("status", r.status());
                g.writeStringField("notes", r.notes());
                g.writeFieldName("extra");
                g.writeRawValue(r.extra());
                g.writeFieldName("problems");
                g.writeRawValue(r.problems());
                g.writeFieldName("verbatim");
                g.writeRawValue(r.verbatim());
                g.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            g.writeEndArray();
            g.writeRaw('\n');
            g.flush();
        }
    }

    /** The age as the CSV export shows it: "40", a range as "30-40", "" when unknown. */
    private static String age(StoredRecord r) {
        if (r.age() == null) {
            return "";
        }
        return r.ageHigh() == null ? String.valueOf(r.age()) : r.age() + "-" + r.ageHigh();
    }
}
