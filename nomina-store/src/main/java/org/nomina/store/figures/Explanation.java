package org.nomina.store.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Jdbi;

/**
 * The persons behind one figure, each with their source records: what {@code figures --explain} shows.
 * For families destroyed, the members of each family.
 */
public record Explanation(String figure, long count, long unknown, List<Entry> persons) {

    /** One person (with the family it belongs to, for family figures) and their records. */
    public record Entry(long personId, long familyId, List<PersonRecords.Line> records) {
    }

    public static Explanation of(Jdbi jdbi, Figures.Figure f) {
        return jdbi.withHandle(h -> {
            List<Entry> entries = new ArrayList<>();
            if (f.countsFamilies()) {
                Set<Long> families = new TreeSet<>(f.familyIds());
                Map<Long, Set<Long>> members = FamilyQueries.members(h, families);
                for (long family : families) {
                    Map<Long, List<PersonRecords.Line>> records = PersonRecords.load(h, members.getOrDefault(family, Set.of()));
                    records.forEach((person, lines) -> entries.add(new Entry(person, family, lines)));
                }
            } else {
                PersonRecords.load(h, f.personIds()).forEach((person, lines) -> entries.add(new Entry(person, 0, lines)));
            }
            return new Explanation(f.key(), f.count(), f.unknown(), entries);
        });
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%s: %,d%s%n", figure, count, unknown == 0 ? "" : String.format(" (%,d more of unknown age or sex)", unknown)));
        long family = -1;
        for (Entry e : persons) {
            if (e.familyId() != 0 && e.familyId() != family) {
                family = e.familyId();
                out.append(String.format("%nfamily F%d%n", family));
            }
            out.append(String.format("  person %d%n", e.personId()));
            for (PersonRecords.Line l : e.records()) {
                out.append(String.format("    %-26s %-10s %-36s %-8s %-10s %s%s%n", l.source(), l.recordKey(), l.fullName(), l.sex(),
                        l.birth().isEmpty() ? (l.age() == null ? "" : "age " + l.age()) : l.birth(),
                        l.status().isEmpty() ? "(no status)" : l.status(), l.statusDate().isEmpty() ? "" : " " + l.statusDate()));
            }
        }
        return out.toString();
    }
}
