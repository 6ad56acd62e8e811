package org.nomina.store.figures;

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
import org.nomina.engine.fates.FateRules;
import org.nomina.engine.fates.StatusEvent;
import org.nomina.engine.fates.Subgroups;
import org.nomina.engine.names.NameNormaliser;
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
                long records = h.createQuery("SELECT COUNT(*) FROM source_record").mapTo(Long.class).one();
                if (records > 0) {
                    throw new BadInputException("the register has " + records + " source records but no persons yet; run nomina link first");
                }
            }
            return tally(persons, sources, RegisterFacts.Scope.of(incidents, root), root.map(Incident::name).orElse("all incidents"), asOf,
                    subgroups, from);
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

    /** Persons with a dated status an undated incident needs before the date they agree on stands for its date. */
    static final int COMMON_DATE_MIN_PERSONS = 10;

    /**
     * For an incident recorded without dates, the date its persons' statuses agree on: the median of each
     * person's earliest dated status, when at least {@value #COMMON_DATE_MIN_PERSONS} persons have one and the
     * middle 80% of those dates lie within two years (one attack, not a long war). Ages are reckoned at it, so
     * that a child listed only among the residents (no status, no date of their own) still has an age, and a
     * person whose only dated status is remains identified years later is not aged at that day. In the held-out
     * town imported with {@code --incident NAME} alone, 43 children whose parent was killed had no age before this.
     *
     * @param earliest each undated person's earliest dated status, {@linkplain Subgroups#pack packed} (0: none), in
     *                 {@code [0, count)}; sorted here
     * @return the date packed, 0 for none
     */
    static int commonDate(int[] earliest, int count) {
        int[] dates = new int[count];
        int m = 0;
        for (int i = 0; i < count; i++) {
            if (earliest[i] != 0) {
                dates[m++] = earliest[i];
            }
        }
        if (m < COMMON_DATE_MIN_PERSONS) {
            return 0;
        }
        java.util.Arrays.sort(dates, 0, m); // packed dates order as year, then month, then day
        int low = dates[m / 10] >>> 9;
        int high = dates[m - 1 - m / 10] >>> 9;
        return high - low <= 2 ? dates[m / 2] : 0;
    }

    private static final Status[] STATUSES = Status.values();
    private static final Fate[] FATES = Fate.values();
    /** The categories counted person by person, in {@link #CATEGORIES}' order; families and orphans are counted apart. */
    private static final List<String> PERSON_CATEGORIES = CATEGORIES.stream()
            .filter(c -> !FAMILY_CATEGORIES.contains(c) && !c.startsWith("orphaned_")).toList();

    /**
     * The figures from the persons' columns for one scope. Each person's current fate comes from the same rules
     * as ever ({@link FateRules#decide}, on their statuses in the scope as known by {@code asOf}), their age from
     * {@link Subgroups#ageAt(int, int, int, int)} at the incident's start — or, for an incident recorded without
     * dates, at the date its persons agree on ({@link #commonDate}), else at their own earliest dated status — so
     * that lists giving birth years still yield ages. Then every category is a run over the columns into arrays of
     * ids, in id order; families and orphans over arrays indexed like the persons, a family found by its id (its
     * lowest member's) by binary search. No object per person: a million of them kept alive through the tally had
     * the garbage collector copy them again and again.
     */
    private static Report tally(PersonColumns c, Map<Long, RegisterFacts.Source> sources, RegisterFacts.Scope scope, String incident,
                                Optional<PartialDate> asOf, Subgroups subgroups, String basis) {
        int n = c.n;
        long[] ids = java.util.Arrays.copyOf(c.id, n);
        boolean[] included = new boolean[c.incidentIds.count];
        int[] startOf = new int[c.incidentIds.count];
        for (int k = 0; k < c.incidentIds.count; k++) {
            long id = c.incidentIds.ids[k];
            included[k] = scope.includes(id);
            startOf[k] = id == 0 ? 0 : Subgroups.pack(scope.starts().getOrDefault(id, Optional.empty()).orElse(null));
        }
        String[] sourceName = new String[c.sourceIds.count];
        List<Optional<PartialDate>> sourceDate = new ArrayList<>(c.sourceIds.count);
        for (int k = 0; k < c.sourceIds.count; k++) {
            RegisterFacts.Source source = sources.get(c.sourceIds.ids[k]);
            sourceName[k] = source == null ? "" : source.name();
            sourceDate.add(source == null ? Optional.empty() : source.date());
        }
        boolean[] placeHere = new boolean[c.places.size()];
        if (scope.place().isPresent()) {
            // The normaliser (ICU transliterators) takes about a second to start; only a place needs it.
            NameNormaliser names = NameNormaliser.shared();
            String place = names.placeName(scope.place().get());
            for (int k = 0; k < placeHere.length; k++) {
                placeHere[k] = !place.isEmpty() && names.placeName(c.places.get(k)).equals(place);
            }
        }
        Map<Integer, Optional<PartialDate>> dates = new HashMap<>();

        boolean[] resident = new boolean[n];
        int[] start = new int[n];
        int[] earliest = new int[n];
        byte[] fate = new byte[n];
        int[] ever = new int[n];
        List<StatusEvent> history = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int k = c.incidentFrom[i]; k < c.incidentFrom[i + 1]; k++) {
                if (included[c.incident[k]]) {
                    if (start[i] == 0) {
                        start[i] = startOf[c.incident[k]];
                    }
                    resident[i] |= c.residentIn[k];
                }
            }
            for (int k = c.placeFrom[i]; k < c.placeFrom[i + 1] && !resident[i]; k++) {
                resident[i] = placeHere[c.place[k]];
            }
            history.clear();
            for (int k = c.eventFrom[i]; k < c.eventFrom[i + 1]; k++) {
                if (!included[c.eventIncident[k]]) {
                    continue;
                }
                int d = c.eventDate[k];
                if (d != 0 && (earliest[i] == 0 || d < earliest[i])) {
                    earliest[i] = d;
                }
                Optional<PartialDate> date = dates.computeIfAbsent(d, Figures::unpack);
                Optional<PartialDate> known = date.isPresent() ? date : sourceDate.get(c.eventSource[k]);
                history.add(new StatusEvent(PersonColumns.status(c.eventStatus[k]), date, known, c.eventRecord[k], sourceName[c.eventSource[k]]));
            }
            if (history.isEmpty()) {
                continue; // most persons of a town (residents no list names again): no fate, never anything
            }
            List<StatusEvent> known = asOf.map(d -> FateRules.asOf(history, d)).orElse(history);
            fate[i] = (byte) FateRules.decide(known).fate().ordinal();
            for (StatusEvent e : known) {
                ever[i] |= 1 << e.status().ordinal();
            }
        }
        int undated = 0;
        int[] earliestUndated = new int[n];
        for (int i = 0; i < n; i++) {
            if (start[i] == 0) {
                earliestUndated[undated++] = earliest[i];
            }
        }
        int common = commonDate(earliestUndated, undated);
        int[] age = new int[n];
        boolean[] dead = new boolean[n];
        for (int i = 0; i < n; i++) {
            int at = start[i] != 0 ? start[i] : common != 0 ? common : earliest[i];
            age[i] = Subgroups.ageAt(c.birth[i], c.recordAge[i], c.recordAgeDate[i], at);
            dead[i] = FATES[fate[i]].isDeath();
        }

        int categories = PERSON_CATEGORIES.size();
        int groups = Subgroups.NAMES.size();
        Ids[] members = new Ids[categories];
        Ids[][] placed = new Ids[categories][groups];
        long[][] unknown = new long[categories][groups];
        long[] unplaced = new long[categories];
        boolean[] withSubgroups = new boolean[categories];
        for (int k = 0; k < categories; k++) {
            members[k] = new Ids();
            withSubgroups[k] = WITH_SUBGROUPS.contains(PERSON_CATEGORIES.get(k));
            for (int g = 0; g < groups; g++) {
                placed[k][g] = new Ids();
            }
        }
        int[] in = new int[groups];
        for (int i = 0; i < n; i++) {
            Fate f = FATES[fate[i]];
            Sex sex = c.sex(i);
            for (int g = 0; g < groups; g++) {
                in[g] = subgroups.in(g, sex, age[i]);
            }
            boolean unplaceable = age[i] == Subgroups.UNKNOWN_AGE || sex == Sex.UNKNOWN;
            for (int k = 0; k < categories; k++) {
                if (!member(PERSON_CATEGORIES.get(k), resident[i], f, ever[i])) {
                    continue;
                }
                members[k].add(ids[i]);
                if (!withSubgroups[k]) {
                    continue;
                }
                unplaced[k] += unplaceable ? 1 : 0;
                for (int g = 0; g < groups; g++) {
                    if (in[g] == Subgroups.UNPLACED) {
                        unknown[k][g]++;
                    } else if (in[g] == 1) {
                        placed[k][g].add(ids[i]);
                    }
                }
            }
        }

        int[] familySize = new int[n];
        int[] familyDead = new int[n];
        for (int i = 0; i < n; i++) {
            if (c.family[i] != 0) {
                int f = index(ids, c.family[i]);
                familySize[f]++;
                familyDead[f] += dead[i] ? 1 : 0;
            }
        }
        Ids destroyed = new Ids();
        for (int f = 0; f < n; f++) {
            if (familySize[f] >= 2 && familyDead[f] == familySize[f]) {
                destroyed.add(ids[f]);
            }
        }
        Ids orphanOne = new Ids();
        Ids orphanBoth = new Ids();
        long orphanOneUnknown = 0;
        long orphanBothUnknown = 0;
        for (int i = 0; i < n; i++) {
            if (c.parentFrom[i] == c.parentFrom[i + 1] || dead[i]) {
                continue;
            }
            int deadParents = 0;
            for (int k = c.parentFrom[i]; k < c.parentFrom[i + 1]; k++) {
                int j = java.util.Arrays.binarySearch(ids, c.parent[k]);
                deadParents += j >= 0 && dead[j] ? 1 : 0;
            }
            if (deadParents == 0) {
                continue;
            }
            if (age[i] == Subgroups.UNKNOWN_AGE) {
                if (deadParents >= 2) {
                    orphanBothUnknown++;
                } else {
                    orphanOneUnknown++;
                }
            } else if (age[i] < subgroups.childUnder()) {
                (deadParents >= 2 ? orphanBoth : orphanOne).add(ids[i]);
            }
        }

        List<Figure> out = new ArrayList<>();
        for (String category : CATEGORIES) {
            if (category.equals("families_destroyed")) {
                out.add(new Figure(category, Optional.empty(), destroyed.size(), 0, List.of(), destroyed));
                continue;
            }
            if (category.startsWith("orphaned_")) {
                boolean one = category.equals("orphaned_one_parent");
                Ids orphans = one ? orphanOne : orphanBoth;
                long unknownAge = one ? orphanOneUnknown : orphanBothUnknown;
                out.add(new Figure(category, Optional.empty(), orphans.size(), unknownAge, orphans, List.of()));
                out.add(new Figure(category, Optional.of("children"), orphans.size(), unknownAge, orphans, List.of()));
                continue;
            }
            int k = PERSON_CATEGORIES.indexOf(category);
            out.add(new Figure(category, Optional.empty(), members[k].size(), unplaced[k], members[k], List.of()));
            if (withSubgroups[k]) {
                for (int g = 0; g < groups; g++) {
                    out.add(new Figure(category, Optional.of(Subgroups.NAMES.get(g)), placed[k][g].size(), unknown[k][g], placed[k][g], List.of()));
                }
            }
        }
        long[] fates = new long[FATES.length];
        long[] sexes = new long[Sex.values().length];
        long[] ages = new long[4];
        for (int i = 0; i < n; i++) {
            fates[fate[i]]++;
            sexes[c.sex[i]]++;
            ages[age[i] == Subgroups.UNKNOWN_AGE ? 3 : age[i] < subgroups.childUnder() ? 0 : age[i] < subgroups.elderlyFrom() ? 1 : 2]++;
        }
        Map<String, Long> byFate = new LinkedHashMap<>();
        for (Fate f : FATES) {
            byFate.put(f.word(), fates[f.ordinal()]);
        }
        Map<String, Long> bySex = new LinkedHashMap<>();
        for (Sex x : Sex.values()) {
            bySex.put(x.word(), sexes[x.ordinal()]);
        }
        Map<String, Long> byAge = new LinkedHashMap<>();
        List<String> ageGroups = List.of("0-" + (subgroups.childUnder() - 1), subgroups.childUnder() + "-" + (subgroups.elderlyFrom() - 1),
                subgroups.elderlyFrom() + "+", "unknown");
        for (int g = 0; g < ageGroups.size(); g++) {
            byAge.put(ageGroups.get(g), ages[g]);
        }
        return new Report(incident, asOf, definitions(subgroups), out, n, byFate, bySex, byAge, basis);
    }

    /** Whether a person of this residence, fate and statuses ever stated ({@code ever}: a bit per status) is in a category. */
    private static boolean member(String category, boolean resident, Fate fate, int ever) {
        return switch (category) {
            case "population" -> resident;
            case "killed" -> fate.isDeath();
            case "remains_identified" -> fate == Fate.REMAINS_IDENTIFIED;
            case "injured" -> (ever & 1 << Status.INJURED.ordinal()) != 0;
            case "hostage" -> (ever & 1 << Status.HOSTAGE.ordinal()) != 0;
            case "released" -> (ever & 1 << Status.RELEASED.ordinal()) != 0;
            case "missing" -> fate == Fate.MISSING;
            case "displaced" -> (ever & 1 << Status.DISPLACED.ordinal()) != 0;
            case "fate_in_conflict" -> fate == Fate.CONFLICT;
            default -> throw new IllegalArgumentException("no person category '" + category + "'");
        };
    }

    private static Optional<PartialDate> unpack(int packed) {
        return packed == 0 ? Optional.empty() : Optional.of(new PartialDate(packed >>> 9, packed >>> 5 & 15, packed & 31, false));
    }

    /** The index of a person id among the ordered ids; the family ids are person ids of the register. */
    private static int index(long[] ids, long id) {
        int i = java.util.Arrays.binarySearch(ids, id);
        if (i < 0) {
            throw new IllegalStateException("figures: family " + id + " is no linked person");
        }
        return i;
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
