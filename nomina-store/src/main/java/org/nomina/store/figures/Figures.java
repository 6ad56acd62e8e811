package org.nomina.store.figures;

import org.nomina.store.StagedImports;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.nomina.engine.domain.PartialDate;
import org.nomina.engine.families.FamilyLink;
import org.nomina.engine.families.Households;
import org.nomina.engine.families.Member;
import org.nomina.engine.fates.Subgroups;
import org.nomina.store.BadInputException;
import org.nomina.store.incidents.Incidents;
import org.nomina.store.incidents.Incidents.Incident;

/**
 * The register's figures (issue 9), computed from persons of the latest link for an incident and its
 * sub-incidents: every category a statement counts, with subgroups, the persons or families behind
 * each count, and how many could not be placed in a subgroup because their age or sex is unknown.
 */
public final class Figures {

    /** Categories in the order they are shown; the words are those the claims comparison uses too. */
    public static final List<String> CATEGORIES = List.of("population", "killed", "injured", "hostage", "released", "missing",
            "remains_identified", "displaced", "fate_in_conflict", "families_destroyed", "orphaned_one_parent", "orphaned_both_parents");
    static final Set<String> WITH_SUBGROUPS = Set.of("killed", "injured", "hostage", "released", "missing");
    static final Set<String> FAMILY_CATEGORIES = Set.of("families_destroyed");

    /** One figure: a category, or one subgroup of it, its count, the unplaceable, and who is behind it. */
    public record Figure(String category, Optional<String> subgroup, long count, long unknown, List<Long> personIds, List<Long> familyIds) {

        /** {@code killed} or {@code killed/children}. */
        public String key() {
            return subgroup.map(s -> category + "/" + s).orElse(category);
        }

        public boolean countsFamilies() {
            return FAMILY_CATEGORIES.contains(category);
        }
    }

    /**
     * All figures for one incident (or the whole register) as of a date (or now). {@code basis} says what they
     * were counted from: the figures projection, or the source records (and whether the projection was written).
     */
    public record Report(String incident, Optional<PartialDate> asOf, Map<String, Object> definitions, List<Figure> figures,
                         long persons, Map<String, Long> byFate, Map<String, Long> bySex, Map<String, Long> byAgeGroup, String basis) {

        public Optional<Figure> figure(String key) {
            return figures.stream().filter(f -> f.key().equals(key)).findFirst();
        }

        /** The counts as a map, {@code killed} and {@code killed/children} → count: the register's side of a claims comparison. */
        public Map<String, Long> counts() {
            Map<String, Long> out = new LinkedHashMap<>();
            figures.forEach(f -> out.put(f.key(), f.count()));
            return out;
        }
    }

    /** Where the persons' facts come from: the projection when it is current (written again when not), or the records only. */
    public enum Basis {
        /** The figures projection while it names the register's state; else the records, and the projection written again. */
        PROJECTION,
        /** Every source record, as if there were no projection; the projection is neither read nor written. */
        RECORDS
    }

    private Figures() {
    }

    /**
     * Computes every figure, from the figures projection when it is current, else from the source records
     * (writing the projection again for the next time).
     *
     * @param incident the incident's name; empty for the whole register (every incident and the default one)
     * @param asOf     only statuses known by this date; empty for all
     * @throws BadInputException when the incident does not exist or nobody has been linked yet
     */
    public static Report compute(Jdbi jdbi, Optional<String> incident, Optional<PartialDate> asOf, Subgroups subgroups) {
        return compute(jdbi, incident, asOf, subgroups, Basis.PROJECTION);
    }

    /** {@link #compute(Jdbi, Optional, Optional, Subgroups)} from the given basis (tests compare the two). */
    public static Report compute(Jdbi jdbi, Optional<String> incident, Optional<PartialDate> asOf, Subgroups subgroups, Basis basis) {
        return jdbi.withHandle(h -> {
            List<Incident> incidents = Incidents.list(h);
            Optional<Incident> root = incident.map(n -> Incidents.find(h, n).orElseThrow(() -> BadInputException.naming(
                    "{incident} '" + n + "': no such incident (see nomina incident list)", "incident")));
            String fingerprint = FiguresProjection.fingerprint(h);
            Optional<PersonColumns> projected = basis == Basis.PROJECTION ? FiguresProjection.load(h, fingerprint) : Optional.empty();
            PersonColumns persons;
            Map<Long, RegisterFacts.Source> sources;
            String from;
            if (projected.isPresent()) {
                persons = projected.get();
                sources = RegisterFacts.sources(h);
                from = "the figures projection";
            } else {
                RegisterFacts.Scan scan = RegisterFacts.scan(h);
                persons = PersonColumns.of(scan.persons());
                sources = scan.sources();
                from = "the source records";
                if (basis == Basis.PROJECTION && persons.n > 0) {
                    from += store(h, fingerprint, persons);
                }
            }
            if (persons.n == 0) {
                long records = h.createQuery("SELECT COUNT(*) FROM source_record r" + StagedImports.whereVisible(h, "r"))
                        .mapTo(Long.class).one();
                if (records > 0) {
                    throw new BadInputException("the register has " + records + " source records but no persons yet; run nomina link first");
                }
            }
            return new Tally(persons, sources, RegisterFacts.Scope.of(incidents, root), asOf, subgroups)
                    .report(root.map(Incident::name).orElse("all incidents"), from);
        });
    }

    /**
     * Writes the figures projection for the register as it is now, unless it is current already (the link
     * command calls it, so that the first {@code figures} after a link need not read every record); says what
     * it did.
     */
    public static String refresh(Jdbi jdbi) {
        return jdbi.withHandle(h -> {
            String fingerprint = FiguresProjection.fingerprint(h);
            if (FiguresProjection.isCurrent(h, fingerprint)) {
                return "the figures projection is current";
            }
            PersonColumns persons = PersonColumns.of(RegisterFacts.scan(h).persons());
            FiguresProjection.store(h, fingerprint, persons);
            return String.format("the figures projection written for %,d persons", persons.n);
        });
    }

    /**
     * Writes the projection again; what to say of it beside the figures. A database that cannot be written (one
     * opened read-only, or another process writing it) still gives its figures, from the records.
     */
    private static String store(org.jdbi.v3.core.Handle h, String fingerprint, PersonColumns persons) {
        try {
            FiguresProjection.store(h, fingerprint, persons);
            return " (the figures projection written for the next time)";
        } catch (RuntimeException e) {
            return " (the figures projection could not be written: " + e.getMessage() + ")";
        }
    }

    /** The counts only (category or category/subgroup → count); see {@link Report#counts()}. */
    public static Map<String, Long> counts(Jdbi jdbi, Optional<String> incident, Optional<PartialDate> asOf) {
        return compute(jdbi, incident, asOf, Subgroups.DEFAULT).counts();
    }

    /**
     * Person or family ids in the order added, as a list without a boxed id per entry (a figure of a million
     * persons holds a million ids); read-only once in a figure.
     */
    static final class Ids extends java.util.AbstractList<Long> implements java.util.RandomAccess {
        private long[] values = new long[16];
        private int size;

        void add(long id) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = id;
        }

        @Override
        public Long get(int index) {
            java.util.Objects.checkIndex(index, size);
            return values[index];
        }

        @Override
        public int size() {
            return size;
        }
    }

    /** The definitions printed with every set of figures: thresholds and what each category counts. */
    public static Map<String, Object> definitions(Subgroups s) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("child_under", s.childUnder());
        d.put("elderly_from", s.elderlyFrom());
        d.put("children", "under " + s.childUnder() + " at the incident's date");
        d.put("women", "female, " + s.childUnder() + " or over");
        d.put("men", "male, " + s.childUnder() + " or over");
        d.put("elderly", s.elderlyFrom() + " or over");
        d.put("population", "persons on a residents' list (a source of kind residents) of the incident or its place");
        d.put("killed", "current fate killed or remains identified");
        d.put("injured", "ever recorded injured");
        d.put("hostage", "ever recorded hostage or detained");
        d.put("released", "ever recorded released or found alive");
        d.put("missing", "recorded hostage or missing, neither released nor dead");
        d.put("remains_identified", "current fate remains identified");
        d.put("displaced", "ever recorded displaced or expelled");
        d.put("fate_in_conflict", "sources disagree on the fate without dates to decide (killed vs missing or released)");
        d.put("families_destroyed", "families of two or more known members, all killed");
        d.put("orphaned_one_parent", "persons under " + s.childUnder() + " not killed, one of whose parents was killed");
        d.put("orphaned_both_parents", "persons under " + s.childUnder() + " not killed, both of whose parents were killed");
        d.put("unknown", "persons of a category whose age (or, for women and men, sex) is unknown, so no subgroup can hold them");
        return d;
    }

    /** Families and parent links from every household. */
    record Families(Map<Long, Set<Long>> members, Map<Long, Set<Long>> parents, List<FamilyLink> links) {

        static Families of(java.util.Collection<List<Member>> households) {
            List<FamilyLink> links = new ArrayList<>();
            List<List<Long>> memberIds = new ArrayList<>(households.size());
            for (List<Member> h : households) {
                links.addAll(Households.links(h));
                memberIds.add(h.stream().map(Member::personId).distinct().toList());
            }
            Map<Long, Long> familyOf = Households.families(memberIds);
            Map<Long, Set<Long>> members = new HashMap<>();
            familyOf.forEach((person, family) -> members.computeIfAbsent(family, k -> new HashSet<>()).add(person));
            Map<Long, Set<Long>> parents = new HashMap<>();
            for (FamilyLink l : links) {
                if (l.kind() == FamilyLink.Kind.PARENT_OF && !l.proposed()) {
                    parents.computeIfAbsent(l.to(), k -> new HashSet<>()).add(l.from());
                }
            }
            return new Families(members, parents, links);
        }
    }
}
