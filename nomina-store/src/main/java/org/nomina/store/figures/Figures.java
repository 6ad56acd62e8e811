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
import org.nomina.engine.domain.Sex;
import org.nomina.engine.domain.Status;
import org.nomina.engine.families.FamilyLink;
import org.nomina.engine.families.Households;
import org.nomina.engine.families.Member;
import org.nomina.engine.fates.Fate;
import org.nomina.engine.fates.FateOutcome;
import org.nomina.engine.fates.FateRules;
import org.nomina.engine.fates.StatusEvent;
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
    private static final Set<String> WITH_SUBGROUPS = Set.of("killed", "injured", "hostage", "released", "missing");
    private static final Set<String> FAMILY_CATEGORIES = Set.of("families_destroyed");

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
            Optional<List<RegisterFacts.Projected>> projected = basis == Basis.PROJECTION ? FiguresProjection.load(h, fingerprint) : Optional.empty();
            List<RegisterFacts.Projected> persons;
            Map<Long, RegisterFacts.Source> sources;
            String from;
            if (projected.isPresent()) {
                persons = projected.get();
                sources = RegisterFacts.sources(h);
                from = "the figures projection";
            } else {
                RegisterFacts.Scan scan = RegisterFacts.scan(h);
                persons = scan.persons();
                sources = scan.sources();
                from = "the source records";
                if (basis == Basis.PROJECTION && !persons.isEmpty()) {
                    from += store(h, fingerprint, persons);
                }
            }
            if (persons.isEmpty()) {
                long records = h.createQuery("SELECT COUNT(*) FROM source_record r" + StagedImports.whereVisible(h, "r"))
                        .mapTo(Long.class).one();
                if (records > 0) {
                    throw new BadInputException("the register has " + records + " source records but no persons yet; run nomina link first");
                }
            }
            List<RegisterFacts.PersonFacts> facts = RegisterFacts.forScope(persons, sources, RegisterFacts.Scope.of(incidents, root));
            return tally(facts, persons, root.map(Incident::name).orElse("all incidents"), asOf, subgroups, from);
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
            List<RegisterFacts.Projected> persons = RegisterFacts.scan(h).persons();
            FiguresProjection.store(h, fingerprint, persons);
            return String.format("the figures projection written for %,d persons", persons.size());
        });
    }

    /**
     * Writes the projection again; what to say of it beside the figures. A database that cannot be written (one
     * opened read-only, or another process writing it) still gives its figures, from the records.
     */
    private static String store(org.jdbi.v3.core.Handle h, String fingerprint, List<RegisterFacts.Projected> persons) {
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

    /** Each person's current fate and the rule behind it, for {@code person show} and {@code --explain}. */
    static FateOutcome fate(RegisterFacts.PersonFacts p, Optional<PartialDate> asOf) {
        if (p.events.isEmpty()) {
            return NO_STATUS; // most persons of a town (residents no list names again): the same outcome, made once
        }
        return FateRules.decide(asOf.map(d -> FateRules.asOf(p.events, d)).orElse(p.events));
    }

    private static final FateOutcome NO_STATUS = FateRules.decide(List.of());

    /**
     * The person's age at the incident: at its start date, or — for an incident recorded without dates (one
     * an import created by name) — at the earliest date any of the person's statuses holds from (the day
     * they were killed, taken or injured), so that lists giving birth years still yield ages. Held-out towns
     * imported with {@code --incident NAME} alone had every killed person's age unknown before this.
     */
    static Optional<Integer> age(RegisterFacts.PersonFacts p, Optional<PartialDate> commonDate) {
        Optional<PartialDate> at = Optional.ofNullable(p.incidentStart).or(() -> commonDate).or(() -> earliestEventDate(p));
        return Subgroups.ageAt(Optional.ofNullable(p.birth), Optional.ofNullable(p.recordAge), Optional.ofNullable(p.recordAgeDate), at);
    }

    /** Persons with a dated status an undated incident needs before the date they agree on stands for its date. */
    static final int COMMON_DATE_MIN_PERSONS = 10;

    /**
     * For an incident recorded without dates, the date its persons' statuses agree on: the median of each
     * person's earliest dated status, when at least {@value #COMMON_DATE_MIN_PERSONS} persons have one and the
     * middle 80% of those dates lie within two years (one attack, not a long war). Ages are reckoned at it, so
     * that a child listed only among the residents (no status, no date of their own) still has an age, and a
     * person whose only dated status is remains identified years later is not aged at that day. In the held-out
     * town imported with {@code --incident NAME} alone, 43 children whose parent was killed had no age before this.
     */
    static Optional<PartialDate> commonDate(List<RegisterFacts.PersonFacts> persons) {
        java.util.Comparator<PartialDate> order = java.util.Comparator.comparingInt(PartialDate::year)
                .thenComparingInt(PartialDate::month).thenComparingInt(PartialDate::day);
        List<PartialDate> dates = persons.stream().filter(p -> p.incidentStart == null).map(Figures::earliestEventDate)
                .flatMap(Optional::stream).sorted(order).toList();
        if (dates.size() < COMMON_DATE_MIN_PERSONS) {
            return Optional.empty();
        }
        int low = dates.get(dates.size() / 10).year();
        int high = dates.get(dates.size() - 1 - dates.size() / 10).year();
        return high - low <= 2 ? Optional.of(dates.get(dates.size() / 2)) : Optional.empty();
    }

    private static Optional<PartialDate> earliestEventDate(RegisterFacts.PersonFacts p) {
        return p.events.stream().map(StatusEvent::date).flatMap(Optional::stream)
                .min(java.util.Comparator.comparingInt(PartialDate::year).thenComparingInt(PartialDate::month).thenComparingInt(PartialDate::day));
    }

    /**
     * The figures from each person's facts ({@code ordered}, in id order) and their projection ({@code projected},
     * the same persons in the same order: families and parents). Families and orphans are counted over arrays
     * indexed like the persons, a family found by its id (its lowest member's) by binary search: maps of boxed ids
     * for a million persons cost more than the rest of the tally.
     */
    private static Report tally(List<RegisterFacts.PersonFacts> ordered, List<RegisterFacts.Projected> projected, String incident,
                                Optional<PartialDate> asOf, Subgroups subgroups, String basis) {
        int n = ordered.size();
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = ordered.get(i).id;
            if (projected.get(i).id != ids[i] || (i > 0 && ids[i] <= ids[i - 1])) {
                throw new IllegalStateException("figures: persons out of order at " + ids[i]);
            }
        }
        Optional<PartialDate> common = commonDate(ordered);
        boolean[] dead = new boolean[n];
        for (int i = 0; i < n; i++) {
            RegisterFacts.PersonFacts p = ordered.get(i);
            p.outcome = fate(p, asOf);
            p.age = age(p, common);
            dead[i] = p.outcome.fate().isDeath();
        }
        Map<String, List<RegisterFacts.PersonFacts>> members = new LinkedHashMap<>();
        for (String c : CATEGORIES) {
            members.put(c, new ArrayList<>());
        }
        for (RegisterFacts.PersonFacts p : ordered) {
            FateOutcome o = p.outcome;
            add(members, "population", p, p.resident);
            add(members, "killed", p, o.fate().isDeath());
            add(members, "remains_identified", p, o.fate() == Fate.REMAINS_IDENTIFIED);
            add(members, "injured", p, o.ever(Status.INJURED));
            add(members, "hostage", p, o.ever(Status.HOSTAGE));
            add(members, "released", p, o.ever(Status.RELEASED));
            add(members, "missing", p, o.fate() == Fate.MISSING);
            add(members, "displaced", p, o.ever(Status.DISPLACED));
            add(members, "fate_in_conflict", p, o.fate() == Fate.CONFLICT);
        }
        int[] familySize = new int[n];
        int[] familyDead = new int[n];
        for (int i = 0; i < n; i++) {
            long family = projected.get(i).family;
            if (family != 0) {
                int f = index(ids, family);
                familySize[f]++;
                familyDead[f] += dead[i] ? 1 : 0;
            }
        }
        List<Long> destroyed = new ArrayList<>();
        for (int f = 0; f < n; f++) {
            if (familySize[f] >= 2 && familyDead[f] == familySize[f]) {
                destroyed.add(ids[f]);
            }
        }
        List<Long> orphanOne = new ArrayList<>();
        List<Long> orphanBoth = new ArrayList<>();
        long orphanOneUnknown = 0;
        long orphanBothUnknown = 0;
        for (int i = 0; i < n; i++) {
            long[] parents = projected.get(i).parents;
            if (parents.length == 0 || dead[i]) {
                continue;
            }
            int deadParents = 0;
            for (long parent : parents) {
                int j = java.util.Arrays.binarySearch(ids, parent);
                deadParents += j >= 0 && dead[j] ? 1 : 0;
            }
            if (deadParents == 0) {
                continue;
            }
            Optional<Integer> age = ordered.get(i).age;
            if (age.isEmpty()) {
                if (deadParents >= 2) {
                    orphanBothUnknown++;
                } else {
                    orphanOneUnknown++;
                }
            } else if (age.get() < subgroups.childUnder()) {
                (deadParents >= 2 ? orphanBoth : orphanOne).add(ids[i]);
            }
        }

        List<Figure> out = new ArrayList<>();
        for (String c : CATEGORIES) {
            if (c.equals("families_destroyed")) {
                out.add(new Figure(c, Optional.empty(), destroyed.size(), 0, List.of(), List.copyOf(destroyed)));
                continue;
            }
            if (c.startsWith("orphaned_")) {
                boolean one = c.equals("orphaned_one_parent");
                List<Long> orphans = List.copyOf(one ? orphanOne : orphanBoth);
                long unknown = one ? orphanOneUnknown : orphanBothUnknown;
                out.add(new Figure(c, Optional.empty(), orphans.size(), unknown, orphans, List.of()));
                out.add(new Figure(c, Optional.of("children"), orphans.size(), unknown, orphans, List.of()));
                continue;
            }
            List<RegisterFacts.PersonFacts> in = members.get(c);
            long unplaced = in.stream().filter(p -> p.age.isEmpty() || p.sex == Sex.UNKNOWN).count();
            out.add(new Figure(c, Optional.empty(), in.size(), WITH_SUBGROUPS.contains(c) ? unplaced : 0, ids(in), List.of()));
            if (!WITH_SUBGROUPS.contains(c)) {
                continue;
            }
            for (String g : Subgroups.NAMES) {
                List<RegisterFacts.PersonFacts> placed = new ArrayList<>();
                long unknown = 0;
                for (RegisterFacts.PersonFacts p : in) {
                    Optional<Boolean> is = subgroups.in(g, p.sex, p.age);
                    if (is.isEmpty()) {
                        unknown++;
                    } else if (is.get()) {
                        placed.add(p);
                    }
                }
                out.add(new Figure(c, Optional.of(g), placed.size(), unknown, ids(placed), List.of()));
            }
        }
        Map<String, Long> byFate = new LinkedHashMap<>();
        for (Fate f : Fate.values()) {
            byFate.put(f.word(), 0L);
        }
        Map<String, Long> bySex = new LinkedHashMap<>();
        for (Sex x : Sex.values()) {
            bySex.put(x.word(), 0L);
        }
        Map<String, Long> byAge = new LinkedHashMap<>();
        String children = "0-" + (subgroups.childUnder() - 1);
        String adults = subgroups.childUnder() + "-" + (subgroups.elderlyFrom() - 1);
        String elderly = subgroups.elderlyFrom() + "+";
        for (String g : List.of(children, adults, elderly, "unknown")) {
            byAge.put(g, 0L);
        }
        for (RegisterFacts.PersonFacts p : ordered) {
            byFate.merge(p.outcome.fate().word(), 1L, Long::sum);
            bySex.merge(p.sex.word(), 1L, Long::sum);
            Optional<Integer> age = p.age;
            String g = age.isEmpty() ? "unknown" : age.get() < subgroups.childUnder() ? children : age.get() < subgroups.elderlyFrom() ? adults : elderly;
            byAge.merge(g, 1L, Long::sum);
        }
        return new Report(incident, asOf, definitions(subgroups), out, n, byFate, bySex, byAge, basis);
    }

    /** The index of a person id among the ordered ids; the family ids are person ids of the register. */
    private static int index(long[] ids, long id) {
        int i = java.util.Arrays.binarySearch(ids, id);
        if (i < 0) {
            throw new IllegalStateException("figures: family " + id + " is no linked person");
        }
        return i;
    }

    private static void add(Map<String, List<RegisterFacts.PersonFacts>> members, String category, RegisterFacts.PersonFacts p, boolean in) {
        if (in) {
            members.get(category).add(p);
        }
    }

    private static List<Long> ids(List<RegisterFacts.PersonFacts> persons) {
        Long[] out = new Long[persons.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = persons.get(i).id;
        }
        return java.util.Arrays.asList(out);
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
