package org.nomina.store.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.nomina.store.figures.FamilyQueries;
import org.jdbi.v3.core.Jdbi;

/**
 * Exports what linkage made of the register: {@code clusters} (which record is which person, the
 * contract's {@code source,record_id,person_id}) and {@code persons} (consensus values, every name
 * variant and the sources of each person). Streams from the database.
 */
public final class RegisterExporter {

    public static final List<String> CLUSTER_COLUMNS = List.of("source", "record_id", "person_id");
    public static final List<String> PERSON_COLUMNS = List.of("person_id", "display_name", "surname", "given_name", "patronymic",
            "sex", "birth_year", "place", "status", "records", "sources", "name_variants");

    public static final List<String> FAMILY_COLUMNS = List.of("family_id", "person_id", "link", "other_person_id", "source", "record_id",
            "rule", "proposed");

    private RegisterExporter() {
    }

    /**
     * Families and their links: one {@code member} row per person in a household, then one row per link
     * (parent_of, spouse_of, sibling_of) with the source record behind it and its rule; links proposed
     * from patronymics (for review, never counted) have {@code proposed} true and no record.
     */
    public static long families(Jdbi jdbi, RecordExporter.Format format, Writer out) {
        return jdbi.inTransaction(h -> {
            Table table = Table.open(format, out, FAMILY_COLUMNS);
            FamilyQueries.Export families = FamilyQueries.export(h);
            for (FamilyQueries.Row row : families.rows()) {
                table.row(List.of(row.familyId(), row.personId(), row.link(), row.otherPersonId() == 0 ? "" : row.otherPersonId(),
                        row.source(), row.recordId(), row.rule(), String.valueOf(row.proposed())));
            }
            table.close();
            return (long) families.families();
        });
    }

    public static long clusters(Jdbi jdbi, RecordExporter.Format format, Writer out) {
        return jdbi.inTransaction(h -> {
            Table table = Table.open(format, out, CLUSTER_COLUMNS);
            long[] n = {0};
            h.createQuery("""
                    SELECT s.name, r.record_id, pr.person_id FROM person_record pr
                    JOIN source_record r ON r.id = pr.source_record_id JOIN source s ON s.id = r.source_id
                    ORDER BY s.name, r.id""")
                    .setFetchSize(10_000)
                    .map((rs, ctx) -> List.<Object>of(rs.getString(1), rs.getString(2), rs.getLong(3)))
                    .forEach(row -> {
                        table.row(row);
                        n[0]++;
                    });
            table.close();
            return n[0];
        });
    }

    public static long persons(Jdbi jdbi, RecordExporter.Format format, Writer out) {
        return jdbi.inTransaction(h -> {
            Table table = Table.open(format, out, PERSON_COLUMNS);
            long[] n = {0};
            Object[] current = {null};
            Set<String> sources = new LinkedHashSet<>();
            Set<String> variants = new LinkedHashSet<>();
            h.createQuery("""
                    SELECT p.id, p.display_name, p.surname, p.given_name, p.patronymic, p.sex, p.birth_year, p.place, p.status,
                           p.record_count, s.name AS source_name, r.full_name
                    FROM person p JOIN person_record pr ON pr.person_id = p.id
                    JOIN source_record r ON r.id = pr.source_record_id JOIN source s ON s.id = r.source_id
                    WHERE p.retired_at IS NULL ORDER BY p.id, r.id""")
                    .setFetchSize(10_000)
                    .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getObject(7) == null ? "" : rs.getInt(7), rs.getString(8), rs.getString(9), rs.getInt(10),
                        rs.getString(11), rs.getString(12)})
                    .forEach(row -> {
                        if (current[0] != null && !((Object[]) current[0])[0].equals(row[0])) {
                            emit(table, (Object[]) current[0], sources, variants);
                            n[0]++;
                        }
                        current[0] = row;
                        sources.add((String) row[10]);
                        variants.add((String) row[11]);
                    });
            if (current[0] != null) {
                emit(table, (Object[]) current[0], sources, variants);
                n[0]++;
            }
            table.close();
            return n[0];
        });
    }

    private static void emit(Table table, Object[] p, Set<String> sources, Set<String> variants) {
        List<Object> row = new ArrayList<>(List.of(p).subList(0, 10));
        row.add(new ArrayList<>(sources));
        row.add(new ArrayList<>(variants));
        table.row(row);
        sources.clear();
        variants.clear();
    }

    /** A CSV or JSON table writer; lists become "a; b" in CSV and arrays in JSON. */
    private interface Table {
        void row(List<Object> values);

        void close();

        static Table open(RecordExporter.Format format, Writer out, List<String> columns) {
            try {
                return format == RecordExporter.Format.CSV ? new Csv(out, columns) : new Json(out, columns);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final class Csv implements Table {
        private final CSVPrinter printer;

        Csv(Writer out, List<String> columns) throws IOException {
            printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get());
            printer.printRecord(columns);
        }

        @Override
        public void row(List<Object> values) {
            try {
                printer.printRecord(values.stream().map(v -> v instanceof List<?> l ? String.join("; ", l.stream().map(String::valueOf).toList()) : v)
                        .map(SpreadsheetCells::neutralise).toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                printer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final class Json implements Table {
        private final JsonGenerator g;
        private final List<String> columns;

        Json(Writer out, List<String> columns) throws IOException {
            this.columns = columns;
            g = new JsonFactory().createGenerator(out);
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartArray();
        }

        @Override
        public void row(List<Object> values) {
            try {
                g.writeStartObject();
                for (int i = 0; i < columns.size(); i++) {
                    g.writeFieldName(columns.get(i));
                    write(values.get(i));
                }
                g.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void write(Object v) throws IOException {
            if (v instanceof List<?> list) {
                g.writeStartArray();
                for (Object o : list) {
                    g.writeString(String.valueOf(o));
                }
                g.writeEndArray();
            } else if (v instanceof Number num) {
                g.writeNumber(num.longValue());
            } else if (v instanceof String s && s.isEmpty()) {
                g.writeString("");
            } else {
                g.writeString(String.valueOf(v));
            }
        }

        @Override
        public void close() {
            try {
                g.writeEndArray();
                g.writeRaw('\n');
                g.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
