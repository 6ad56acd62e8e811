package org.nomina.engine.linkage;

import java.util.List;

/**
 * One compared field, its levels, and what else the linker does with it: whether two records that
 * contradict on it may share a person ({@link Veto}) and how far training may let a disagreement on it
 * count for a match.
 *
 * @param field             {@code surname}, {@code given_name}, {@code patronymic}, {@code sex},
 *                          {@code birth_date}, {@code place}, {@code address}, {@code id_number}, {@code status},
 *                          or {@code extra.COLUMN} for an imported column
 * @param method            how the field is compared; fixed for the standard fields, {@code EXACT} or
 *                          {@code JARO_WINKLER} for extra columns
 * @param thresholds        Jaro–Winkler thresholds of the similarity levels, descending (names: 0.92, 0.88,
 *                          0.70; places and addresses: 0.92, 0.80); empty for methods without thresholds
 * @param termFrequency     adjust the exact level by the value's frequency (a rare surname weighs more)
 * @param veto              what keeps two records contradicting on this field out of one person when
 *                          clusters merge; {@link Veto#NONE} for no veto
 * @param disagreementCap   training's m of the "different" level is at most this (1: no cap), the agreeing
 *                          levels renormalised; for a birth date also m of "full_dates_differ" ≤ min(this, u)
 * @param disagreementFloor training's m of the "different" level is at least this (0: no floor): a
 *                          disagreement may count against a pair, never rule it out
 * @param sameList          what a disagreement on the field means between two records of one list when there are
 *                          several lists: {@link SameList#DISTINCT}, two people (clustering never joins them);
 *                          {@link SameList#ANY}, only what its weight says
 */
public record ComparisonSpec(String field, Method method, List<Double> thresholds, boolean termFrequency, Veto veto,
                             double disagreementCap, double disagreementFloor, SameList sameList) {

    /** How a field is compared. */
    public enum Method { NAME, DATE, SEX, TEXT, ID_NUMBER, EXACT, JARO_WINKLER }

    /**
     * A clustering veto: two clusters do not merge while any pair across them contradicts on the field,
     * unless that pair's own link reaches {@code overrideBits}. Names contradict when both are known, of
     * different spelling families and below {@code similarity} (Jaro–Winkler; for given names and fathers'
     * names on the romanised forms and not one typo apart, for surnames on the folded forms; surname and given
     * name not when the two are swapped); places and addresses when both are known and below {@code similarity}
     * word by word; birth dates when their years are more than 2 apart (more than
     * {@value Clusterer#LOOSE_YEAR_GAP} when either is approximate or implied by an age), barring a typed-wrong
     * year of an otherwise equal date, or when two full dates differ beyond a typo ({@code similarity} unused).
     *
     * @param similarity   values below this similarity contradict (names, places); 0 for birth dates
     * @param overrideBits a direct link this strong (match weight in bits) stands despite the contradiction;
     *                     0 only for {@link #NONE}
     */
    public record Veto(double similarity, double overrideBits) {
        /** No veto: contradictions on the field only weigh against a pair through its score. */
        public static final Veto NONE = new Veto(0, 0);

        /** Whether this vetoes anything. */
        public boolean active() {
            return overrideBits > 0;
        }
    }

    /**
     * What two records of one list that both give the field, and not the same value, are: {@code DISTINCT}, two
     * people (a list's duplicate row repeats what the list says of its person), whatever their link; {@code ANY},
     * a disagreement weighed by the score like any other. Only fields compared as values can say so (status, sex,
     * id_number, extra columns); names, dates and places are typed differently within one list, and veto instead.
     */
    public enum SameList {
        ANY, DISTINCT;

        /** The name in the configuration: {@code any} or {@code distinct}. */
        public String configName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public ComparisonSpec {
        thresholds = List.copyOf(thresholds);
    }

    /** The same comparison with another {@code same_list} rule. */
    public ComparisonSpec withSameList(SameList rule) {
        return new ComparisonSpec(field, method, thresholds, termFrequency, veto, disagreementCap, disagreementFloor, rule);
    }

    /** A comparison with its field's default veto and limits on disagreement ({@link #standardVeto} …). */
    public static ComparisonSpec of(String field, Method method, List<Double> thresholds, boolean termFrequency) {
        return new ComparisonSpec(field, method, thresholds, termFrequency, standardVeto(field), standardDisagreementCap(field),
                standardDisagreementFloor(field), standardSameList(field));
    }

    /**
     * The default veto of a field. Names and birth dates need 20 bits to override: FEBRL replaces whole birth
     * dates, and its true pairs agreeing on name, address, postcode and street number score above 20 bits
     * (FEBRL4 F1 0.975 without the override, 0.996 with it); the demo's namesakes, agreeing on every name and the
     * village, stay below 13. Scores alone did not keep namesakes apart on the demo's district (30 surnames, 6
     * villages): a strong link on name and village outweighed a birth year 20 years off, and average linkage let
     * sisters Aynur and Nuranə Məmməd qızı share a cluster through a third record. Surnames below 0.80, not lower,
     * because a shared ending alone lifts two surnames to 0.75 (raimov/turalov); given names and fathers' names
     * below 0.88, since short given names often reach 0.70 (Lamiyə/Məleykə, Vüsal/Musa) and a sister shares
     * surname, father and village. Places below 0.80 need only 12 bits: one person's records may name the place
     * of residence and the place of death; name, father's name and birth year agreeing reach 12 bits, name and
     * birth year alone (a namesake in another village) do not (generated 100k with 4% of testimonies naming
     * another village: F1 0.962 with places as hard as names, 0.964 without the veto; the million: 0.953
     * without it). Other fields veto nothing.
     */
    public static Veto standardVeto(String field) {
        return switch (field) {
            case "surname" -> new Veto(0.80, 20);
            case "given_name", "patronymic" -> new Veto(0.88, 20);
            case "birth_date" -> new Veto(0, 20);
            case "place" -> new Veto(0.80, 12);
            default -> Veto.NONE;
        };
    }

    /**
     * The default cap on m of a field's "different" level: a true match whose records give birth years more than
     * two years apart, different fathers' names, different places or different surnames is a recording error, and
     * lists make few of those. Unsupervised EM alone does not know this: where a few names are very common (the
     * demo's district, or any Azerbaijani village), the class it calls "match" fills with namesakes; on the demo
     * it learnt m(different) ≈ 0.4 for birth dates (weight −0.9), so namesakes born decades apart chained into one
     * person (precision 0.31). Given names keep what EM learnt, since spelling really does vary; surnames vary too,
     * but on the generated five lists EM learnt m(different) = 0.56 for them (weight −0.3), so they are capped at
     * 0.10 (generated 100k F1 0.567 → 0.573, demo and FEBRL unchanged). Measured by bench/linkage.sh.
     */
    public static double standardDisagreementCap(String field) {
        return switch (field) {
            case "birth_date" -> 0.05;
            case "patronymic", "surname" -> 0.10;
            case "place" -> 0.20;
            default -> 1.0;
        };
    }

    /**
     * The default floor on m of a field's "different" level: for the status 0.05 (weight about −3.5 bits), since
     * lists disagree on fates (missing, later found dead; injured, died in hospital) more often than a list of
     * fictional people shows. Other fields have none.
     */
    public static double standardDisagreementFloor(String field) {
        return field.equals("status") ? 0.05 : 0;
    }

    /**
     * The default {@code same_list} rule: {@code distinct} for the status, {@code any} elsewhere. Two records of one
     * list that both give a fate, and not the same one, are namesakes the list tells apart (one killed, one missing);
     * across lists a fate that differs stays weak evidence, weighed by EM (lists disagree: "missing" for the killed).
     * Hard case, 3,000 people, seed 11: of the records of one list joined in a cluster, 23 false pairs gave different
     * fates and 15 the same; of the true pairs of one list, 1 gave different fates and 38 the same (F1 0.9403 →
     * 0.9533, the hard million 0.8490 → 0.8671; docs/linkage.md, fifth pass).
     */
    public static SameList standardSameList(String field) {
        return field.equals("status") ? SameList.DISTINCT : SameList.ANY;
    }
}
