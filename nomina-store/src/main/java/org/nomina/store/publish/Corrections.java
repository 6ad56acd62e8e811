package org.nomina.store.publish;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nomina.store.BadInputException;
import org.nomina.store.Database;

/**
 * Corrections families send from the public memorial: stored for an editor to read, never applied or
 * published by themselves. The sender's name and contact are as protected as any contact detail: they
 * are shown to editors only.
 */
public final class Corrections {
    static final int MAX_MESSAGE = 4000;
    static final int MAX_FIELD = 300;

    /** One submission as an editor reads it. */
    public record Submission(long id, long personId, String senderName, String senderContact, String message, String language,
                             OffsetDateTime submittedAt, String status) {
        /** As the command line's and the API's JSON write it (snake_case keys, the time as ISO-8601). */
        public Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("person_id", personId);
            m.put("sender_name", senderName);
            m.put("sender_contact", senderContact);
            m.put("message", message);
            m.put("language", language);
            m.put("submitted_at", submittedAt.toString());
            m.put("status", status);
            return m;
        }
    }

    private final Database db;

    public Corrections(Database db) {
        this.db = db;
    }

    /**
     * Stores a family's correction of a person's public entry.
     *
     * @throws BadInputException naming the field when the message is empty or a field is too long
     */
    public long submit(long personId, String senderName, String senderContact, String message, String language, String remote) {
        String text = message == null ? "" : message.strip();
        if (text.isEmpty()) {
            throw new BadInputException("message: the correction is empty; write what is wrong and what is right");
        }
        if (text.length() > MAX_MESSAGE) {
            throw new BadInputException("message: " + text.length() + " characters, more than the " + MAX_MESSAGE + " a correction may hold");
        }
        String name = limit("name", senderName);
        String contact = limit("contact", senderContact);
        return db.jdbi().withHandle(h -> h.createUpdate("""
                        INSERT INTO correction_submission (person_id, sender_name, sender_contact, message, language, remote, submitted_at)
                        VALUES (:p, :n, :c, :m, :l, :r, :t)""")
                .bind("p", personId).bind("n", name).bind("c", contact).bind("m", text)
                .bind("l", language == null ? "" : language.substring(0, Math.min(10, language.length())))
                .bind("r", remote == null ? "" : remote.substring(0, Math.min(100, remote.length())))
                .bind("t", OffsetDateTime.now(ZoneOffset.UTC))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    private static String limit(String field, String value) {
        String v = value == null ? "" : value.strip();
        if (v.length() > MAX_FIELD) {
            throw new BadInputException(field + ": " + v.length() + " characters, more than the " + MAX_FIELD + " allowed");
        }
        return v;
    }

    /** The newest submissions first. */
    public List<Submission> list(int limit) {
        return db.jdbi().withHandle(h -> h.createQuery("""
                        SELECT id, person_id, sender_name, sender_contact, message, language, submitted_at, status
                        FROM correction_submission ORDER BY submitted_at DESC, id DESC""")
                .setMaxRows(limit)
                .map((rs, ctx) -> new Submission(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getObject(7, OffsetDateTime.class), rs.getString(8)))
                .list());
    }
}
