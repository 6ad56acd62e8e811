package org.nomina.store.persons;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.nomina.engine.domain.PartialDate;
import org.nomina.engine.domain.Status;
import org.nomina.engine.families.FamilyLink;
import org.nomina.engine.families.Households;
import org.nomina.engine.families.Member;
import org.nomina.engine.fates.FateOutcome;
import org.nomina.engine.fates.FateRules;
import org.nomina.engine.fates.StatusEvent;
import org.nomina.engine.parse.DateParser;
import org.nomina.store.BadInputException;
import org.nomina.store.figures.FamilyQueries;
import org.nomina.store.figures.PersonRecords;

/**
 * One person as {@code nomina person show} gives them: the source records side by side, every name
 * variant, the history per incident with its sources, the current fate and the rule that chose it, and
 * the family links their households give. Reads only this person's rows and their households', through
 * indexes, so it takes milliseconds on a register of a million (bench/figures.sh measures it).
 */
public record PersonShow(long id, String displayName, String sex, Optional<Integer> birthYear, String place, boolean retired,
                         List<PersonRecords.Line> records, List<String> nameVariants, List<IncidentHistory> history,
                         List<Link> family) {

    /** A person's statuses in one incident and what the rules make of them. */
    public record IncidentHistory(String incident, List<Event> events, String fate, String rule, List<Long> becauseRecords) {
    }

    public record Event(String status, String date, String source, String recordKey, long recordId) {
    }

    /** A family link seen from this person: {@code parent_of}, {@code child_of}, {@code spouse_of} or {@code sibling_of}. */
    public record Link(String relation, long personId, String name, long recordId, String rule) {
    }

    public static PersonShow load(Jdbi jdbi, long personId) {
        return jdbi.withHandle(h -> {
            var person = h.createQuery("SELECT display_name, sex, birth_year, place, retired_at FROM person WHERE id = :id")
                    .bind("id", personId)
                    .map((rs, ctx) -> new Object[] {rs.getString(1), rs.getString(2), rs.getObject(3, Integer.class), rs.getString(4),
                        rs.getObject(5) != null})
                    .findFirst()
                    .orElseThrow(() -> new BadInputException("no person " + personId + " in the register (ids are in export persons)"));
            return of(h, personId, (String) person[0], (String) person[1], Optional.ofNullable((Integer) person[2]), (String) person[3],
                    (Boolean) person[4], PersonRecords.load(h, List.of(personId)).get(personId));
        });
    }

    /**
     * The person from values read already: their row's consensus values and their records, by source name and record id
     * (as {@link PersonRecords#load} gives them). Reads only the households the records name, on {@code h}: the web's
     * person page reads the person and the records once for its own columns and this.
     */
    public static PersonShow of(Handle h, long personId, String displayName, String sex, Optional<Integer> birthYear, String place,
                                boolean retired, List<PersonRecords.Line> records) {
        List<String> variants = records.stream().map(PersonRecords.Line::fullName).distinct().toList();
        Map<String, List<PersonRecords.Line>> byIncident = new LinkedHashMap<>();
        for (PersonRecords.Line l : records) {
            byIncident.computeIfAbsent(l.incident(), k -> new ArrayList<>()).add(l);
        }
        List<IncidentHistory> history = new ArrayList<>();
        byIncident.forEach((incident, lines) -> {
            List<StatusEvent> events = new ArrayList<>();
            List<Event> shown = new ArrayList<>();
            for (PersonRecords.Line l : lines) {
                if (l.status().isEmpty()) {
                    continue;
                }
                String when = l.statusDate().isEmpty() ? l.incidentDate() : l.statusDate();
                Optional<PartialDate> date = when.isEmpty() ? Optional.empty() : DateParser.auto().parse(when);
                events.add(new StatusEvent(Status.fromWord(l.status()).orElseThrow(), date, date, l.recordId(), l.source()));
                shown.add(new Event(l.status(), when, l.source(), l.recordKey(), l.recordId()));
            }
            FateOutcome o = FateRules.decide(events);
            history.add(new IncidentHistory(incident, shown, o.fate().word(), o.rule(),
                    o.because().stream().map(StatusEvent::recordId).toList()));
        });
        // The person's records name their households already: no second query for the keys.
        Set<Map.Entry<Long, String>> keys = records.stream().filter(l -> !l.household().isEmpty())
                .map(l -> Map.entry(l.sourceId(), l.household())).collect(Collectors.toCollection(LinkedHashSet::new));
        Map<String, List<Member>> households = FamilyQueries.households(h, keys);
        Set<FamilyLink> links = new LinkedHashSet<>();
        households.values().forEach(m -> links.addAll(Households.links(m)));
        Set<Long> others = links.stream().flatMap(l -> java.util.stream.Stream.of(l.from(), l.to())).collect(Collectors.toSet());
        Map<Long, String> names = new LinkedHashMap<>();
        if (!others.isEmpty()) {
            h.createQuery("SELECT id, display_name FROM person WHERE id IN (<ids>)").bindList("ids", List.copyOf(others))
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                    .forEach(e -> names.put(e.getKey(), e.getValue()));
        }
        List<Link> family = new ArrayList<>();
        for (FamilyLink l : links) {
            if (l.from() != personId && l.to() != personId) {
                continue;
            }
            long other = l.from() == personId ? l.to() : l.from();
            String relation = l.kind() == FamilyLink.Kind.PARENT_OF ? (l.from() == personId ? "parent_of" : "child_of") : l.kind().word();
            family.add(new Link(relation, other, names.getOrDefault(other, ""), l.recordId(), l.rule()));
        }
        return new PersonShow(personId, displayName, sex, birthYear, place, retired, records, variants, history, family);
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("Person %d: %s (%s%s%s)%s%n", id, displayName, sex, birthYear.map(y -> ", born " + y).orElse(""),
                place.isEmpty() ? "" : ", " + place, retired ? " — retired: its records now belong to other persons" : ""));
        out.append("\nSource records\n");
        out.append(String.format("  %-24s %-10s %-34s %-7s %-10s %-5s %-18s %-10s %-16s %s%n", "source", "record", "name", "sex", "born",
                "age", "place", "status", "status date", "household / relation"));
        for (PersonRecords.Line l : records) {
            out.append(String.format("  %-24s %-10s %-34s %-7s %-10s %-5s %-18s %-10s %-16s %s%n", l.source(), l.recordKey(), l.fullName(),
                    l.sex(), l.birth(), l.age() == null ? "" : l.age(), l.place(), l.status(),
                    l.statusDate().isEmpty() ? l.incidentDate() : l.statusDate(),
                    l.household().isEmpty() ? "" : l.household() + " / " + (l.relation().isEmpty() ? "?" : l.relation())));
        }
        out.append("\nName variants: ").append(String.join("; ", nameVariants)).append('\n');
        for (IncidentHistory i : history) {
            out.append(String.format("%nIn %s: %s — %s%n", i.incident(), i.fate(), i.rule()));
            for (Event e : i.events()) {
                out.append(String.format("  %-18s %-12s %s %s%n", e.status(), e.date().isEmpty() ? "undated" : e.date(), e.source(), e.recordKey()));
            }
        }
        if (!family.isEmpty()) {
            out.append("\nFamily\n");
            for (Link l : family) {
                out.append(String.format("  %-10s person %d %s  (%s)%n", l.relation(), l.personId(), l.name(), l.rule()));
            }
        }
        return out.toString();
    }
}
