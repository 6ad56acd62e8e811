package org.nomina.store.linkage;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import org.nomina.engine.domain.Sex;
import org.nomina.engine.domain.Status;

/**
 * Consensus values of one person: the most frequent non-empty value, ties to the more severe status or
 * the earlier record. Equal to the values stored on the person row when nothing about them changed, which
 * is how a relink knows it need not rewrite the row.
 *
 * @param birthYear 0 when unknown (stored as NULL)
 * @param status    empty when no record states one of {@link #SEVERITY} (stored as "")
 */
record Consensus(String displayName, String surname, String givenName, String patronymic, Sex sex, int birthYear, String place,
                 Optional<Status> status, int records, int sources) {

    /**
     * The incident's statuses ({@link Status#AT_INCIDENT}) from the gravest down, for ties. A person's release or
     * identified remains is a later change of status, told by the person's history, never the consensus.
     */
    private static final List<Status> SEVERITY = List.of(Status.KILLED, Status.MISSING, Status.HOSTAGE, Status.INJURED,
            Status.DISPLACED);

    /** The consensus of the records at {@code members} (indexes into {@code set}, in record order). */
    static Consensus of(RecordSet set, int[] members) {
        String surname = mode(members, i -> set.linkRecord(i).surname());
        String given = mode(members, i -> set.linkRecord(i).givenName());
        String patronymic = mode(members, i -> set.linkRecord(i).patronymic());
        String sex = mode(members, i -> set.linkRecord(i).sex() == Sex.UNKNOWN ? "" : set.linkRecord(i).sex().word());
        String year = mode(members, i -> set.linkRecord(i).birthYear() > 0 ? String.valueOf(set.linkRecord(i).birthYear()) : "");
        String place = mode(members, i -> set.linkRecord(i).place());
        Optional<Status> status = status(set, members);
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
                sex.isEmpty() ? Sex.UNKNOWN : Sex.fromWord(sex).orElseThrow(), year.isEmpty() ? 0 : Integer.parseInt(year), place, status, members.length, sources);
    }

    /** Most often stated status; a tie goes to the graver one (SEVERITY's order); empty when none is stated. */
    private static Optional<Status> status(RecordSet set, int[] members) {
        Map<Status, Integer> votes = new HashMap<>();
        for (int i : members) {
            set.linkRecord(i).status().ifPresent(s -> votes.merge(s, 1, Integer::sum));
        }
        Status status = null;
        int best = 0;
        for (Status s : SEVERITY) {
            int count = votes.getOrDefault(s, 0);
            if (count > best) {
                best = count;
                status = s;
            }
        }
        return Optional.ofNullable(status);
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
