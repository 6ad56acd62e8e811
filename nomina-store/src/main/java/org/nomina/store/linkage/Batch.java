package org.nomina.store.linkage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** A prepared statement run in batches of BATCH rows; closing runs what is left. */
final class Batch implements AutoCloseable {
/** Rows per executed batch. */
private static final int BATCH = 5000;

    private final PreparedStatement statement;
    private int pending;

    Batch(Connection conn, String sql) throws SQLException {
        this.statement = conn.prepareStatement(sql);
    }

    PreparedStatement statement() {
        return statement;
    }

    void add() throws SQLException {
        statement.addBatch();
        if (++pending >= BATCH) {
            statement.executeBatch();
            pending = 0;
        }
    }

    @Override
    public void close() throws SQLException {
        try (statement) {
            if (pending > 0) {
                statement.executeBatch();
            }
        }
    }
}
