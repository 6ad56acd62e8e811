package org.nomina.store.linkage;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Consensus values of one person: the most frequent non-empty value, ties to the more severe status or
 * the earlier record. Equal to the values stored on the person row when nothing about them changed, which
 * is how a relink knows it need not rewrite the row.
 *
 * @param birthYear 0 when unknown (stored as NULL)
 */
record Consensus(String displayName, String surname, String givenName, String patronymic, String sex, int birthYear, String place,
                 String status, int records, int sources) {

    private static final String[] SEVERITY = {"killed", "missing", "hostage", "injured", "displaced"};

    /** The consensus of the records at {@code members} (indexes into {@code set}, in record order). */
    static Consensus of(RecordSet set, int[] members) {
        String surname = mode(members, i -> set.linkRecord(i).surname());
        String given = mode(members, i -> set.linkRecord(i).givenName());
        String patronymic = mode(members, i -> set.linkRecord(i).patronymic());
        String sex = mode(members, i -> set.linkRecord(i).sex().equals("unknown") ? "" : set.linkRecord(i).sex());
        String year = mode(members, i -> set.linkRecord(i).birthYear() > 0 ? String.valueOf(set.linkRecord(i).birthYear()) : "");
        String place = mode(members, i -> set.linkRecord(i).place());
        String status = status(set, members);
        int[] sourceOf = new int[members.length];
        for (int m = 0; m < members.length; m++) {
            sourceOf[m] = set.linkRecord(members[m]).sourceIndex();
        }
        Arrays.sort(sourceOf);
        int sources = 0;
        for (int m = 0; m < sourceOf.length; m++) {
            if (m == 0 || sourceOf[m] != sourceOf[m - 1]) {
                sources++;
            }
        }
        StringBuilder display = new StringBuilder();
        for (String part : new String[] {surname, given, patronymic}) {
            if (!part.isEmpty()) {
                display.append(display.isEmpty() ? "" : " ").append(part);
            }
        }
        return new Consensus(display.isEmpty() ? set.fullName(members[0]) : display.toString(), surname, given, patronymic,
                sex.isEmpty() ? "unknown" : sex, year.isEmpty() ? 0 : Integer.parseInt(year), place, status, members.length, sources);
    }

    /** Most often stated status; a tie goes to the graver one (SEVERITY's order); "" when none is stated. */
    private static String status(RecordSet set, int[] members) {
        if (members.length == 1) {
            return known(set.status(members[0]));
        }
        Map<String, Integer> votes = new HashMap<>();
        for (int i : members) {
            votes.merge(set.status(i), 1, Integer::sum);
        }
        String status = "";
        int best = 0;
        for (String s : SEVERITY) {
            int count = votes.getOrDefault(s, 0);
            if (count > best) {
                best = count;
                status = s;
            }
        }
        return status;
    }

    private static String known(String status) {
        for (String s : SEVERITY) {
            if (s.equals(status)) {
                return s;
            }
        }
        return "";
    }

    /** The most frequent non-empty value; among equally frequent ones, the earliest record's. */
    private static String mode(int[] members, IntFunction<String> value) {
        if (members.length == 1) {
            return value.apply(members[0]);
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i : members) {
            String v = value.apply(i);
            if (!v.isEmpty()) {
                counts.merge(v, 1, Integer::sum);
            }
        }
        String best = "";
        int bestCount = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }
}
