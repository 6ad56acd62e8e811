package org.nomina.engine.linkage;

import java.util.List;
import java.util.Optional;

/** One part of a blocking rule's key: a derived standard key or an imported column's value. */
public sealed interface BlockingKey {

    /** The name used in configurations, e.g. {@code surname_metaphone} or {@code extra.postcode}. */
    String name();

    /**
     * The compared fields whose agreement this key forces or biases (EM does not estimate their m on that
     * rule's pairs: blocking on the birth year leaves no "different year" level to learn from, and an
     * weight of -19.9 bits for "different birth year" came out of exactly that mistake).
     */
    List<String> impliedFields();

    /** Derived keys of the standard fields. */
    enum Standard implements BlockingKey {
        SURNAME_METAPHONE("surname"), SURNAME_BEIDER_MORSE("surname"), SURNAME_FAMILY("surname"),
        SURNAME_EXACT("surname"), SURNAME_INITIAL("surname"), SURNAME_CONSONANTS("surname"),
        /**
         * The surname's family key and each of its one-letter deletions (symmetric delete, as SymSpell): two
         * keys one edit apart share one of them. A key and a condition: a rule with it pairs only records whose
         * surname families differ by exactly one edit (equal families are the other rules' pairs), the rarer
         * family holding at most a twentieth of the other's records (a typing error is rare), one of which
         * gives neither birth year nor age (with both years the rules on the year find a typed surname), within
         * blocks of at most {@code Blocker.SPARSE_BLOCK_LIMIT} records (beyond, a guess among namesakes).
         */
        SURNAME_ONE_EDIT("surname"),
        GIVEN_METAPHONE("given_name"),
        GIVEN_FAMILY("given_name"), GIVEN_EXACT("given_name"), GIVEN_INITIAL("given_name"),
        PATRONYMIC_FAMILY("patronymic"), NAMES_UNORDERED("surname", "given_name"), BIRTH_YEAR("birth_date"), BIRTH_DATE("birth_date"),
        BIRTH_YEAR_OR_PLACE("birth_date", "place"),
        /**
         * Not a key but a condition on the block's pairs: the two records name the same place, unless one of
         * them gives neither a birth year nor an age, in which case the other keys alone pair them.
         */
        PLACE_UNLESS_NO_BIRTH_YEAR("place"),
        /**
         * Not a key but a condition on the block's pairs: one of the two records names no place (the other keys
         * alone pair it with any record of the block), within blocks of at most {@code Blocker.SPARSE_BLOCK_LIMIT}
         * records, as for {@link #PLACE_UNLESS_NO_BIRTH_YEAR}. Two records that both name a place are left to the
         * rules on the place.
         */
        ONE_WITHOUT_PLACE("place"),
        PLACE("place"), ID_NUMBER("id_number"), SEX("sex");

        private final List<String> impliedFields;

        Standard(String... impliedFields) {
            this.impliedFields = List.of(impliedFields);
        }

        @Override
        public List<String> impliedFields() {
            return impliedFields;
        }

        /** Lower-case configuration name. */
        public String configName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The exact (normalised) value of an imported column. */
    record Extra(String column) implements BlockingKey {
        @Override
        public String name() {
            return "extra." + column;
        }

        @Override
        public List<String> impliedFields() {
            return List.of(name());
        }
    }

    /** Parses a configuration name; empty when unknown. */
    static Optional<BlockingKey> parse(String name) {
        if (name.startsWith("extra.") && name.length() > 6) {
            return Optional.of(new Extra(name.substring(6)));
        }
        for (Standard standard : Standard.values()) {
            if (standard.configName().equals(name)) {
                return Optional.of(standard);
            }
        }
        return Optional.empty();
    }

    /** The configuration name of any key. */
    static String configName(BlockingKey key) {
        return switch (key) {
            case Standard standard -> standard.configName();
            case Extra extra -> extra.name();
        };
    }
}
