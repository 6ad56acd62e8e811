package org.nomina.store.persons;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.nomina.engine.domain.Status;
import org.nomina.store.BadInputException;
import org.nomina.store.ledger.Ledger;
import org.nomina.store.ledger.LedgerEntry;

/**
 * Corrections of a person's consensus values by an editor: each is a new version of one field, with the
 * value before and after, a reason, who and when, written in one transaction with its ledger entry
 * ({@code person-correct}). The person row holds the newest version; {@link #reapply} makes a relink,
 * which recomputes consensus values from the records, keep the editors' corrections.
 */
public final class PersonCorrections {

    /** The consensus fields an editor may correct, by the name pages and messages use. */
    public static final List<String> FIELDS = List.of("display_name", "surname", "given_name", "patronymic", "sex", "birth_year", "place",
            "status");

    /** One correction as stored. */
    public record Correction(long id, long personId, String field, String oldValue, String newValue, String reason, String correctedBy,
                             Instant correctedAt, long ledgerSeq) {
    }

    private PersonCorrections() {
    }

    /**
     * Sets {@code field} of person {@code personId} to {@code value}, keeping the old value, the reason
     * and the actor, and ledgers it. Nothing changes when anything is wrong.
     *
     * @throws BadInputException naming the field or value: an unknown or retired person, an unknown field,
     *                           an empty reason, a value the field cannot hold, or a value equal to the current one
     */
    public static Correction correct(Jdbi jdbi, long personId, String field, String value, String reason, String actor) {
        String f = field == null ? "" : field.strip();
        if (!FIELDS.contains(f)) {
            throw new BadInputException("'" + f + "' is not a field that can be corrected; the fields are " + String.join(", ", FIELDS));
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new BadInputException("a correction of " + f + " needs a reason (what source or finding shows the new value)");
        }
        if (why.length() > 4000) {
            throw new BadInputException("the reason is " + why.length() + " characters long; 4,000 at most");
        }
        String v = normalise(f, value == null ? "" : value.strip());
        return jdbi.inTransaction(h -> {
            Map<String, Object> row = h.createQuery("SELECT display_name, surname, given_name, patronymic, sex, birth_year, place, status, "
                            + "retired_at FROM person WHERE id = :id FOR UPDATE")
                    .bind("id", personId).mapToMap().findFirst()
                    .orElseThrow(() -> new BadInputException("there is no person " + personId + " in the register"));
            if (row.get("retired_at") != null) {
                throw new BadInputException("person " + personId + " is retired (its records belong to other persons); correct those instead");
            }
            Object current = row.get(f);
            String old = current == null ? "" : String.valueOf(current);
            if (old.equals(v)) {
                throw new BadInputException("the " + f + " of person " + personId + " is already '" + v + "'");
            }
            set(h, personId, f, v);
            Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("person_id", personId);
            payload.put("field", f);
            payload.put("old_value", old);
            payload.put("new_value", v);
            payload.put("reason", why);
            LedgerEntry entry = Ledger.append(h, actor, "person-correct", payload);
            long id = h.createUpdate("""
                            INSERT INTO person_correction (person_id, field, old_value, new_value, reason, corrected_by, corrected_at, ledger_seq)
                            VALUES (:person, :field, :old, :new, :reason, :by, :at, :seq)""")
                    .bind("person", personId).bind("field", f).bind("old", old).bind("new", v).bind("reason", why).bind("by", actor)
                    .bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).bind("seq", entry.seq())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            return new Correction(id, personId, f, old, v, why, actor, at, entry.seq());
        });
    }

    /** The value as the person row stores it, or a message naming the field and value. */
    private static String normalise(String field, String value) {
        if (value.length() > 1000) {
            throw new BadInputException("the new " + field + " is " + value.length() + " characters long; 1,000 at most");
        }
        return switch (field) {
            case "display_name" -> {
                if (value.isEmpty()) {
                    throw new BadInputException("a person's display name cannot be empty");
                }
                yield value;
            }
            case "sex" -> {
                if (!List.of("male", "female", "unknown").contains(value)) {
                    throw new BadInputException("sex must be male, female or unknown, not '" + value + "'");
                }
                yield value;
            }
            case "birth_year" -> {
                if (!value.isEmpty() && (!value.matches("\\d{4}") || Integer.parseInt(value) < 1800
                        || Integer.parseInt(value) > Year.now(ZoneOffset.UTC).getValue())) {
                    throw new BadInputException("the year of birth must be a year from 1800 to this year, or empty, not '" + value + "'");
                }
                yield value;
            }
            case "status" -> {
                if (!value.isEmpty() && Status.fromWord(value).isEmpty()) {
                    throw new BadInputException("the fate must be one of " + Status.words() + ", not '" + value + "'");
                }
                yield value.isEmpty() ? "" : Status.fromWord(value).orElseThrow().word();
            }
            default -> value;
        };
    }

    private static void set(Handle h, long personId, String field, String value) {
        // The column name comes from FIELDS, never from the request.
        String column = FIELDS.get(FIELDS.indexOf(field));
        var update = h.createUpdate("UPDATE person SET " + column + " = :v WHERE id = :id").bind("id", personId);
        if (column.equals("birth_year")) {
            update.bind("v", value.isEmpty() ? null : Integer.valueOf(value));
        } else {
            update.bind("v", value);
        }
        update.execute();
    }

    private static final String COLUMNS = "c.id, c.person_id, c.field, c.old_value, c.new_value, c.reason, c.corrected_by, c.corrected_at, "
            + "c.ledger_seq FROM person_correction c ";

    private static final RowMapper<Correction> ROW = (rs, ctx) -> new Correction(rs.getLong(1), rs.getLong(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class).toInstant(),
            rs.getLong(9));

    /** A person's corrections, newest first. */
    public static List<Correction> list(Jdbi jdbi, long personId) {
        return jdbi.withHandle(h -> list(h, personId));
    }

    /** A person's corrections, newest first, read on {@code h} (in its transaction, if one is open). */
    public static List<Correction> list(Handle h, long personId) {
        return h.createQuery("SELECT " + COLUMNS + "WHERE c.person_id = :id ORDER BY c.id DESC").bind("id", personId).map(ROW).list();
    }

    /**
     * Applies the newest correction of every corrected field again, in {@code handle}'s transaction: the
     * linker calls it after writing consensus values, so that a relink keeps what editors corrected.
     * Returns the number of fields set.
     */
    public static int reapply(Handle handle) {
        List<Correction> newest = handle.createQuery("SELECT " + COLUMNS + """
                        JOIN person p ON p.id = c.person_id
                        WHERE p.retired_at IS NULL
                          AND c.id = (SELECT MAX(c2.id) FROM person_correction c2 WHERE c2.person_id = c.person_id AND c2.field = c.field)""")
                .map(ROW).list();
        for (Correction c : newest) {
            set(handle, c.personId(), c.field(), c.newValue());
        }
        return newest.size();
    }
}
