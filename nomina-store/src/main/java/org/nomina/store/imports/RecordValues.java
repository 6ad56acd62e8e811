package org.nomina.store.imports;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import org.postgresql.PGConnection;

/**
 * Where the importer puts a record's values, one after another in the order of {@link #COLUMNS}: a batched
 * INSERT (H2), or rows of PostgreSQL's COPY text format sent through pgjdbc's {@code CopyManager}, which spares
 * the server parsing, planning and executing one INSERT per record. {@link #execute} stores what was added since
 * the last call; a value the database refuses fails it, with the database's message.
 */
abstract sealed class RecordValues {

    /** The source_record columns an import writes, in the order the values are added. */
    static final String COLUMNS = """
            source_version_id, source_id, record_id, row_no, verbatim, full_name, surname,
                given_name, patronymic, sex, sex_inferred, birth_year, birth_month, birth_day, birth_approx, age,
                age_approx, age_high, place, address, id_number, incident_year, incident_month, incident_day, status,
                notes, extra, problems, status_year, status_month, status_day, household, relation, father_name, mother_name,
                incident_id""";

    abstract void text(String value) throws SQLException;

    abstract void integer(Integer value) throws SQLException;

    abstract void bool(boolean value) throws SQLException;

    /** An id; 0 stores NULL (ids start at 1). */
    abstract void id(long value) throws SQLException;

    /** Ends one record. */
    abstract void end() throws SQLException;

    /** Stores the records ended since the last call. */
    abstract void execute() throws SQLException;

    abstract void close() throws SQLException;

    /** A batched INSERT; {@code returnIds}: the ids the database gives can be read from {@link #statement()} after {@link #execute}. */
    static final class Batch extends RecordValues {
        private final PreparedStatement p;
        private int at = 1;

        Batch(Connection c, boolean returnIds) throws SQLException {
            String sql = "INSERT INTO source_record (" + COLUMNS + ") VALUES (" + "?, ".repeat(35) + "?)";
            p = returnIds ? c.prepareStatement(sql, new String[] {"id"}) : c.prepareStatement(sql);
        }

        PreparedStatement statement() {
            return p;
        }

        @Override
        void text(String value) throws SQLException {
            p.setString(at++, value);
        }

        @Override
        void integer(Integer value) throws SQLException {
            if (value == null) {
                p.setNull(at++, Types.INTEGER);
            } else {
                p.setInt(at++, value);
            }
        }

        @Override
        void bool(boolean value) throws SQLException {
            p.setBoolean(at++, value);
        }

        @Override
        void id(long value) throws SQLException {
            if (value == 0) {
                p.setNull(at++, Types.BIGINT);
            } else {
                p.setLong(at++, value);
            }
        }

        @Override
        void end() throws SQLException {
            p.addBatch();
            at = 1;
        }

        @Override
        void execute() throws SQLException {
            p.executeBatch();
        }

        @Override
        void close() throws SQLException {
            p.close();
        }
    }

    /**
     * PostgreSQL's COPY … FROM STDIN in its text format: values separated by tabs, a record a line, NULL as
     * {@code \N}, and backslash, tab, line feed and carriage return escaped with a backslash.
     */
    static final class Copy extends RecordValues {
        private final Connection c;
        private final StringBuilder rows = new StringBuilder(1 << 20);
        private boolean first = true;

        Copy(Connection c) {
            this.c = c;
        }

        private StringBuilder next() {
            if (!first) {
                rows.append('\t');
            }
            first = false;
            return rows;
        }

        @Override
        void text(String value) {
            StringBuilder out = next();
            for (int i = 0, n = value.length(); i < n; i++) {
                char ch = value.charAt(i);
                switch (ch) {
                    case '\\' -> out.append("\\\\");
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    default -> out.append(ch);
                }
            }
        }

        @Override
        void integer(Integer value) {
            if (value == null) {
                next().append("\\N");
            } else {
                next().append(value.intValue());
            }
        }

        @Override
        void bool(boolean value) {
            next().append(value ? 't' : 'f');
        }

        @Override
        void id(long value) {
            if (value == 0) {
                next().append("\\N");
            } else {
                next().append(value);
            }
        }

        @Override
        void end() {
            rows.append('\n');
            first = true;
        }

        @Override
        void execute() throws SQLException {
            if (rows.isEmpty()) {
                return;
            }
            byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
            rows.setLength(0);
            try {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY source_record (" + COLUMNS + ") FROM STDIN",
                        new java.io.ByteArrayInputStream(bytes));
            } catch (java.io.IOException e) {
                throw new SQLException("cannot send the records to PostgreSQL: " + e.getMessage(), e);
            }
        }

        @Override
        void close() {
            rows.setLength(0);
        }
    }
}
