package db.migration;

import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On H2, replaces V11's covering index {@code source_record_facts} by {@code source_record_figures}: the
 * same columns and the household's (number, relation, father's and mother's names), so that figures reads
 * persons and households in one walk of one index, never a whole source_record row (verbatim JSON, notes
 * and extra). On PostgreSQL it changes nothing: PostgreSQL reads the columns it is asked for by a sequential
 * scan, and a B-tree over this many text columns could refuse a record with long names (an index row holds
 * at most about 2.7 kB there), which would lose the record at import. A Java migration because SQL
 * migrations here run unchanged on both databases.
 */
public class V12__figures_index extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        if (!c.getMetaData().getDatabaseProductName().equals("H2")) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("DROP INDEX IF EXISTS source_record_facts");
            s.execute("""
                    CREATE INDEX source_record_figures ON source_record (id, source_id, incident_id, status, status_year, status_month,
                        status_day, incident_year, incident_month, incident_day, sex, sex_inferred, birth_year, birth_month, birth_day,
                        age, place, household, relation, father_name, mother_name)""");
        }
    }
}
