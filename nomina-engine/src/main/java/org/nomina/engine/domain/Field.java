package org.nomina.engine.domain;

import java.util.Optional;

/** The fields an imported column can be mapped onto (docs/DESIGN.md, "Import mapping"). */
public enum Field {
    RECORD_ID("record_id"),
    FULL_NAME("full_name"),
    SURNAME("surname"),
    GIVEN_NAME("given_name"),
    PATRONYMIC("patronymic"),
    SEX("sex"),
    BIRTH_DATE("birth_date"),
    BIRTH_YEAR("birth_year"),
    AGE("age"),
    PLACE("place"),
    ADDRESS("address"),
    ID_NUMBER("id_number"),
    INCIDENT_DATE("incident_date"),
    STATUS("status"),
    NOTES("notes"),
    /** The date of the record's status (taken hostage on, released on, found on); partial dates allowed. */
    STATUS_DATE("status_date"),
    /** A household or family number within the source. */
    HOUSEHOLD("household"),
    /** The relation to the household's head (head, wife, son …). */
    RELATION("relation"),
    FATHER_NAME("father_name"),
    MOTHER_NAME("mother_name"),
    /** The incident the row belongs to, overriding the import's {@code --incident}. */
    INCIDENT("incident");

    private final String key;

    Field(String key) {
        this.key = key;
    }

    /** The snake_case name used in mapping files and JSON output. */
    public String key() {
        return key;
    }

    public static Optional<Field> fromKey(String key) {
        for (Field f : values()) {
            if (f.key.equals(key)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
