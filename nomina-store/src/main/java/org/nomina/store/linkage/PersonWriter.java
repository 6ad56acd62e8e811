package org.nomina.store.linkage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.nomina.engine.domain.Status;

/** Writes a run's persons and memberships, only what changed: a relink of unchanged data writes no row. */
final class PersonWriter {

    /** Person rows inserted and updated. */
    record PersonWrites(int inserted, int updated) {
    }

    /** Memberships (person_record rows) inserted for new records and moved to another person. */
    record MembershipWrites(int inserted, int moved) {
    }

    private PersonWriter() {
    }

    /** Persons not retired, with the values stored on them. */
    static Map<Long, Consensus> activePersons(Handle handle) {
        Map<Long, Consensus> active = new HashMap<>();
        handle.createQuery("""
                SELECT id, display_name, surname, given_name, patronymic, sex, birth_year, place, status, record_count, source_count
                FROM person WHERE retired_at IS NULL""").setFetchSize(10_000)
                .map((rs, ctx) -> {
                    active.put(rs.getLong(1), new Consensus(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            RecordSet.sex(rs.getString(6)), rs.getInt(7), rs.getString(8), RecordSet.status(rs.getString(9)), rs.getInt(10),
                            rs.getInt(11)));
                    return 0;
                })
                .forEach(x -> { });
        return active;
    }

    /**
     * Inserts new persons and updates reused ones whose consensus changed (or that were retired); fills
     * {@code newPerson} with each record's person. A relink of unchanged data writes no person row.
     */
    static PersonWrites writePersons(Connection conn, RecordSet set, PersonAssignment assignment, Map<Long, Consensus> active,
                                     OffsetDateTime now, long[] newPerson) throws SQLException {
        List<int[]> clusters = assignment.clusters();
        long[] personOfCluster = assignment.personOfCluster();
        boolean[] reused = assignment.reused();
        try (Batch insert = new Batch(conn, """
                     INSERT INTO person (id, display_name, sex, birth_year, created_at, surname, given_name, patronymic, place, status,
                         record_count, source_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
             Batch update = new Batch(conn, """
                     UPDATE person SET display_name = ?, sex = ?, birth_year = ?, surname = ?, given_name = ?, patronymic = ?,
                         place = ?, status = ?, record_count = ?, source_count = ?, retired_at = NULL, retired_reason = '' WHERE id = ?""")) {
            int inserted = 0;
            int updated = 0;
            for (int c = 0; c < clusters.size(); c++) {
                long id = personOfCluster[c];
                for (int r : clusters.get(c)) {
                    newPerson[r] = id;
                }
                Consensus v = Consensus.of(set, clusters.get(c));
                Consensus stored = active.get(id);
                if (stored != null && stored.equals(v)) {
                    continue;
                }
                boolean old = reused[c];
                PreparedStatement p = old ? update.statement() : insert.statement();
                int i = 1;
                if (!old) {
                    p.setLong(i++, id);
                }
                p.setString(i++, v.displayName());
                p.setString(i++, v.sex().word());
                setInt(p, i++, v.birthYear());
                if (!old) {
                    p.setObject(i++, now);
                }
                p.setString(i++, v.surname());
                p.setString(i++, v.givenName());
                p.setString(i++, v.patronymic());
                p.setString(i++, v.place());
                p.setString(i++, v.status().map(Status::word).orElse(""));
                p.setInt(i++, v.records());
                p.setInt(i++, v.sources());
                if (old) {
                    p.setLong(i, id);
                }
                (old ? update : insert).add();
                if (old) {
                    updated++;
                } else {
                    inserted++;
                }
            }
            return new PersonWrites(inserted, updated);
        }
    }

    /**
     * Brings person_record to {@code newPerson}: inserts memberships of records new to the register and
     * moves records whose person changed. Rows are never rewritten when unchanged, so a relink of the same
     * data writes none (rewriting every membership took most of a 100,000-record link's write stage).
     */
    static MembershipWrites writeMembership(Connection conn, RecordSet set, long[] oldPerson, long[] newPerson) throws SQLException {
        int inserted = 0;
        int moved = 0;
        try (Batch insert = new Batch(conn, "INSERT INTO person_record (person_id, source_record_id) VALUES (?, ?)");
             Batch move = new Batch(conn, "UPDATE person_record SET person_id = ? WHERE source_record_id = ?")) {
            for (int i = 0; i < set.size(); i++) {
                if (oldPerson[i] == newPerson[i]) {
                    continue;
                }
                Batch batch = oldPerson[i] == 0 ? insert : move;
                if (oldPerson[i] == 0) {
                    inserted++;
                } else {
                    moved++;
                }
                batch.statement().setLong(1, newPerson[i]);
                batch.statement().setLong(2, set.key(i));
                batch.add();
            }
        }
        return new MembershipWrites(inserted, moved);
    }

    /** Retires active persons left without records, with the reason; returns how many. */
    static int retire(Connection conn, Map<Long, Consensus> active, Set<Long> kept, OffsetDateTime now) throws SQLException {
        int retired = 0;
        try (Batch update = new Batch(conn, """
                UPDATE person SET retired_at = ?, retired_reason = 'its records now belong to other persons after relinking',
                    record_count = 0, source_count = 0
                WHERE id = ? AND retired_at IS NULL""")) {
            for (long id : active.keySet()) {
                if (!kept.contains(id)) {
                    update.statement().setObject(1, now);
                    update.statement().setLong(2, id);
                    update.add();
                    retired++;
                }
            }
        }
        return retired;
    }

    private static void setInt(PreparedStatement p, int index, int value) throws SQLException {
        if (value <= 0) {
            p.setNull(index, Types.INTEGER);
        } else {
            p.setInt(index, value);
        }
    }
}
