package org.nomina.engine.linkage;

import java.util.List;

/**
 * One compared field and its levels.
 *
 * @param field         {@code surname}, {@code given_name}, {@code patronymic}, {@code sex},
 *                      {@code birth_date}, {@code place}, {@code address}, {@code id_number}, or
 *                      {@code extra.COLUMN} for an imported column
 * @param method        how the field is compared; fixed for the standard fields, {@code EXACT} or
 *                      {@code JARO_WINKLER} for extra columns
 * @param thresholds    Jaro–Winkler thresholds of the similarity levels, descending (names: 0.92, 0.88,
 *                      0.70; places and addresses: 0.92, 0.80); empty for methods without thresholds
 * @param termFrequency adjust the exact level by the value's frequency (a rare surname weighs more)
 */
public record ComparisonSpec(String field, Method method, List<Double> thresholds, boolean termFrequency) {

    /** How a field is compared. */
    public enum Method { NAME, DATE, SEX, TEXT, ID_NUMBER, EXACT, JARO_WINKLER }

    public ComparisonSpec {
        thresholds = List.copyOf(thresholds);
    }

    public static ComparisonSpec of(String field, Method method, List<Double> thresholds, boolean termFrequency) {
        return new ComparisonSpec(field, method, thresholds, termFrequency);
    }
}
