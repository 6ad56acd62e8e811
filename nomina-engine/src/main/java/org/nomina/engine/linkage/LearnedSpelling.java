package org.nomina.engine.linkage;

/**
 * Two spellings of a name that the data taught are the same name: pairs of records agreeing strongly on
 * everything else wrote them so. Shown in {@code link --json} under the model, stored with it, and
 * reviewable: copy a line into the name table to keep it for good.
 *
 * @param field  surname, given_name or patronymic
 * @param left   one spelling (normalised form), alphabetically first
 * @param right  the other spelling
 * @param pairs  how many such pairs taught it
 */
public record LearnedSpelling(String field, String left, String right, int pairs) {
}
