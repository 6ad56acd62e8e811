package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** What the H2-only migrations share (not a migration itself: Flyway runs only classes named V…). */
final class H2Constraints {
    private H2Constraints() {
    }

    /**
     * On H2, drops the constraints {@code query} names, as rows of (table, constraint): H2 generates the names of
     * foreign keys, so they are found in INFORMATION_SCHEMA first, then dropped. On any other database (PostgreSQL)
     * nothing is done.
     */
    static void dropOnH2(Connection c, String query) throws SQLException {
        if (!c.getMetaData().getDatabaseProductName().equals("H2")) {
            return;
        }
        List<String[]> drops = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(query); ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                drops.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        try (Statement s = c.createStatement()) {
            for (String[] d : drops) {
                s.execute("ALTER TABLE \"" + d[0] + "\" DROP CONSTRAINT \"" + d[1] + "\"");
            }
        }
    }
}
