package org.nomina.store.figures;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nomina.engine.domain.PartialDate;
import org.nomina.engine.domain.Sex;
import org.nomina.engine.domain.Status;
import org.nomina.engine.fates.Fate;
import org.nomina.engine.fates.FateRules;
import org.nomina.engine.fates.StatusEvent;
import org.nomina.engine.fates.Subgroups;
import org.nomina.engine.names.NameNormaliser;
import org.nomina.store.figures.Figures.Figure;

/**
 * The figures of one request (a scope, {@code --as-of}, the thresholds) from the persons' columns. Each person's
 * current fate comes from the same rules as ever ({@link FateRules#decide}, on their statuses in the scope as
 * known by {@code asOf}), their age from {@link Subgroups#ageAt(int, int, int, int)} at the incident's start — or,
 * for an incident recorded without dates, at the date its persons agree on ({@link #commonDate}), else at their
 * own earliest dated status — so that lists giving birth years still yield ages. Then every category is a run over
 * the columns into arrays of ids, in id order; families and orphans over arrays indexed like the persons, a family
 * found by its id (its lowest member's) by binary search.
 *
 * <p>No object per person (a million of them kept alive through the tally had the garbage collector copy them
 * again and again), and each pass over the persons is a method of its own, so that the JIT compiles each early
 * instead of running one long method interpreted. One use, one thread.
 */
final class Tally {

    /** Persons with a dated status an undated incident needs before the date they agree on stands for its date. */
    static final int COMMON_DATE_MIN_PERSONS = 10;

    private static final Fate[] FATES = Fate.values();
    /** The categories counted person by person, in {@link Figures#CATEGORIES}' order; families and orphans are counted apart. */
    private static final List<String> PERSON_CATEGORIES = Figures.CATEGORIES.stream()
            .filter(c -> !Figures.FAMILY_CATEGORIES.contains(c) && !c.startsWith("orphaned_")).toList();
    private static final int POPULATION = bit("population");
    private static final int KILLED = bit("killed");
    private static final int REMAINS_IDENTIFIED = bit("remains_identified");
    private static final int INJURED = bit("injured");
    private static final int HOSTAGE = bit("hostage");
    private static final int RELEASED = bit("released");
    private static final int MISSING = bit("missing");
    private static final int DISPLACED = bit("displaced");
    private static final int FATE_IN_CONFLICT = bit("fate_in_conflict");
    private static final int GROUPS = Subgroups.NAMES.size();

    private final PersonColumns c;
    private final int n;
    private final long[] ids;
    private final Optional<PartialDate> asOf;
    private final Subgroups subgroups;

    /** By index of the columns' incidents: in the scope, and the start date (packed, 0: none). */
    private final boolean[] included;
    private final int[] startOf;
    /** By index of the columns' sources: name and date (the date a statement without one was known from). */
    private final String[] sourceName;
    private final List<Optional<PartialDate>> sourceDate;
    /** By index of the columns' places: not yet asked (0), the incident's place (1) or not (2); see {@link #isHere}. */
    private final byte[] placeHere;
    private final Optional<String> scopePlace;
    private NameNormaliser names;
    private String place;
    private final Map<Integer, Optional<PartialDate>> dates = new HashMap<>();
    private final LongIntMap decisions = new LongIntMap();
    private final List<StatusEvent> history = new ArrayList<>();

    /** By person: on a residents' list of the scope, its start (packed), the earliest dated status, fate, statuses ever stated (a bit each), age. */
    private final boolean[] resident;
    private final int[] start;
    private final int[] earliest;
    private final byte[] fate;
    private final int[] ever;
    private final int[] age;

    Tally(PersonColumns c, Map<Long, RegisterFacts.Source> sources, RegisterFacts.Scope scope, Optional<PartialDate> asOf, Subgroups subgroups) {
        this.c = c;
        this.n = c.n;
        this.ids = Arrays.copyOf(c.id, n);
        this.asOf = asOf;
        this.subgroups = subgroups;
        included = new boolean[c.incidentIds.count];
        startOf = new int[c.incidentIds.count];
        for (int k = 0; k < c.incidentIds.count; k++) {
            long id = c.incidentIds.ids[k];
            included[k] = scope.includes(id);
            startOf[k] = id == 0 ? 0 : Subgroups.pack(scope.starts().getOrDefault(id, Optional.empty()).orElse(null));
        }
        sourceName = new String[c.sourceIds.count];
        sourceDate = new ArrayList<>(c.sourceIds.count);
        for (int k = 0; k < c.sourceIds.count; k++) {
            RegisterFacts.Source source = sources.get(c.sourceIds.ids[k]);
            sourceName[k] = source == null ? "" : source.name();
            sourceDate.add(source == null ? Optional.empty() : source.date());
        }
        placeHere = new byte[c.places.size()];
        scopePlace = scope.place();
        resident = new boolean[n];
        start = new int[n];
        earliest = new int[n];
        fate = new byte[n];
        ever = new int[n];
        age = new int[n];
    }

    /** Every figure, with the persons counted and what they were counted from ({@code basis}). */
    Figures.Report report(String incident, String basis) {
        for (int i = 0; i < n; i++) {
            scope(i);
            decide(i);
        }
        int common = commonDate(undatedEarliest(), COMMON_DATE_MIN_PERSONS);
        for (int i = 0; i < n; i++) {
            int at = start[i] != 0 ? start[i] : common != 0 ? common : earliest[i];
            age[i] = Subgroups.ageAt(c.birth[i], c.recordAge[i], c.recordAgeDate[i], at);
        }
        List<Figure> out = new ArrayList<>();
        Categories categories = categories();
        for (String category : Figures.CATEGORIES) {
            if (category.equals("families_destroyed")) {
                Figures.Ids destroyed = destroyedFamilies();
                out.add(new Figure(category, Optional.empty(), destroyed.size(), 0, List.of(), destroyed));
            } else if (category.startsWith("orphaned_")) {
                Orphans orphans = orphans(category.equals("orphaned_one_parent") ? 1 : 2);
                out.add(new Figure(category, Optional.empty(), orphans.ids.size(), orphans.unknown, orphans.ids, List.of()));
                out.add(new Figure(category, Optional.of("children"), orphans.ids.size(), orphans.unknown, orphans.ids, List.of()));
            } else {
                categories.figures(category, out);
            }
        }
        return new Figures.Report(incident, asOf, Figures.definitions(subgroups), out, n, byFate(), bySex(), byAge(), basis);
    }

    /** The person's start date and residence in the scope. */
    private void scope(int i) {
        for (int k = c.incidentFrom[i]; k < c.incidentFrom[i + 1]; k++) {
            if (included[c.incident[k]]) {
                if (start[i] == 0) {
                    start[i] = startOf[c.incident[k]];
                }
                resident[i] |= c.residentIn[k];
            }
        }
        for (int k = c.placeFrom[i]; k < c.placeFrom[i + 1] && !resident[i] && scopePlace.isPresent(); k++) {
            resident[i] = isHere(c.place[k]);
        }
    }

    /**
     * Whether a place a residents' list writes is the incident's place, as the normaliser folds both. Asked only
     * for a person no residents' list of the scope names: the normaliser (ICU transliterators) takes about a
     * second to start, and in a town every resident is on a list of the incident itself.
     */
    private boolean isHere(int at) {
        if (placeHere[at] == 0) {
            if (names == null) {
                names = NameNormaliser.shared();
                place = names.placeName(scopePlace.orElseThrow());
            }
            placeHere[at] = (byte) (!place.isEmpty() && names.placeName(c.places.get(at)).equals(place) ? 1 : 2);
        }
        return placeHere[at] == 1;
    }

    /**
     * The person's earliest dated status in the scope, current fate and the statuses ever stated. The fate and
     * what was ever stated depend on the statuses and their dates alone, so persons with the same one or two are
     * decided once (without {@code --as-of}, which reads when each was known too).
     */
    private void decide(int i) {
        int count = 0;
        long key = 0; // up to two statuses as status << 23 | date, 26 bits each, above how many (2 bits)
        for (int k = c.eventFrom[i]; k < c.eventFrom[i + 1]; k++) {
            if (!included[c.eventIncident[k]]) {
                continue;
            }
            int d = c.eventDate[k];
            if (d != 0 && (earliest[i] == 0 || d < earliest[i])) {
                earliest[i] = d;
            }
            if (count < 2) {
                key |= (long) (c.eventStatus[k] << 23 | d) << (2 + 26 * count);
            }
            count++;
        }
        if (count == 0) {
            return; // most persons of a town (residents no list names again): no fate, never anything
        }
        boolean memo = asOf.isEmpty() && count <= 2;
        key |= count;
        int decided = memo ? decisions.get(key) : -1;
        if (decided < 0) {
            decided = decideByRules(i);
            if (memo) {
                decisions.put(key, decided);
            }
        }
        fate[i] = (byte) decided;
        ever[i] = decided >>> 8;
    }

    /** {@link FateRules#decide} on the person's statuses in the scope as known by {@code asOf}: the fate's ordinal, above it a bit per status stated. */
    private int decideByRules(int i) {
        history.clear();
        for (int k = c.eventFrom[i]; k < c.eventFrom[i + 1]; k++) {
            if (included[c.eventIncident[k]]) {
                Optional<PartialDate> date = dates.computeIfAbsent(c.eventDate[k], Tally::unpack);
                Optional<PartialDate> known = date.isPresent() ? date : sourceDate.get(c.eventSource[k]);
                history.add(new StatusEvent(PersonColumns.status(c.eventStatus[k]), date, known, c.eventRecord[k], sourceName[c.eventSource[k]]));
            }
        }
        List<StatusEvent> stated = asOf.map(d -> FateRules.asOf(history, d)).orElse(history);
        int decided = FateRules.decide(stated).fate().ordinal();
        for (StatusEvent e : stated) {
            decided |= 1 << (8 + e.status().ordinal());
        }
        return decided;
    }

    /** The earliest dated status of each person whose scope gives no start date (0: none). */
    private int[] undatedEarliest() {
        int m = 0;
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            if (start[i] == 0) {
                out[m++] = earliest[i];
            }
        }
        return Arrays.copyOf(out, m);
    }

    /**
     * For an incident recorded without dates, the date its persons' statuses agree on: the median of each
     * person's earliest dated status, when at least {@code minPersons} ({@value #COMMON_DATE_MIN_PERSONS}) persons
     * have one and the middle 80% of those dates lie within two years (one attack, not a long war). Ages are
     * reckoned at it, so that a child listed only among the residents (no status, no date of their own) still has
     * an age, and a person whose only dated status is remains identified years later is not aged at that day. In
     * the held-out town imported with {@code --incident NAME} alone, 43 children whose parent was killed had no age
     * before this.
     *
     * @param earliest each undated person's earliest dated status, {@linkplain Subgroups#pack packed} (0: none)
     * @return the date packed, 0 for none
     */
    static int commonDate(int[] earliest, int minPersons) {
        int[] dates = Arrays.stream(earliest).filter(d -> d != 0).sorted().toArray(); // packed dates order as year, month, day
        int m = dates.length;
        if (m < minPersons) {
            return 0;
        }
        int low = dates[m / 10] >>> 9;
        int high = dates[m - 1 - m / 10] >>> 9;
        return high - low <= 2 ? dates[m / 2] : 0;
    }

    /** The persons of every category counted person by person, and of each subgroup, with the unplaceable. */
    private final class Categories {
        final Figures.Ids[] members = new Figures.Ids[PERSON_CATEGORIES.size()];
        final Figures.Ids[][] placed = new Figures.Ids[PERSON_CATEGORIES.size()][GROUPS];
        final long[][] unknown = new long[PERSON_CATEGORIES.size()][GROUPS];
        final long[] unplaced = new long[PERSON_CATEGORIES.size()];
        final boolean[] withSubgroups = new boolean[PERSON_CATEGORIES.size()];
        private final int[] group = new int[GROUPS];

        Categories() {
            for (int k = 0; k < members.length; k++) {
                members[k] = new Figures.Ids();
                withSubgroups[k] = Figures.WITH_SUBGROUPS.contains(PERSON_CATEGORIES.get(k));
                for (int g = 0; g < GROUPS; g++) {
                    placed[k][g] = new Figures.Ids();
                }
            }
        }

        void add(int i) {
            int in = memberships(resident[i], FATES[fate[i]], ever[i]);
            if (in == 0) {
                return;
            }
            Sex sex = c.sex(i);
            for (int g = 0; g < GROUPS; g++) {
                group[g] = subgroups.in(g, sex, age[i]);
            }
            boolean unplaceable = age[i] == Subgroups.UNKNOWN_AGE || sex == Sex.UNKNOWN;
            for (int k = 0; k < members.length; k++) {
                if ((in >>> k & 1) == 0) {
                    continue;
                }
                members[k].add(ids[i]);
                if (withSubgroups[k]) {
                    unplaced[k] += unplaceable ? 1 : 0;
                    for (int g = 0; g < GROUPS; g++) {
                        if (group[g] == Subgroups.UNPLACED) {
                            unknown[k][g]++;
                        } else if (group[g] == 1) {
                            placed[k][g].add(ids[i]);
                        }
                    }
                }
            }
        }

        /** The category's figure, and its subgroups' when it has them. */
        void figures(String category, List<Figure> out) {
            int k = PERSON_CATEGORIES.indexOf(category);
            out.add(new Figure(category, Optional.empty(), members[k].size(), unplaced[k], members[k], List.of()));
            if (withSubgroups[k]) {
                for (int g = 0; g < GROUPS; g++) {
                    out.add(new Figure(category, Optional.of(Subgroups.NAMES.get(g)), placed[k][g].size(), unknown[k][g], placed[k][g], List.of()));
                }
            }
        }
    }

    private Categories categories() {
        Categories out = new Categories();
        for (int i = 0; i < n; i++) {
            out.add(i);
        }
        return out;
    }

    private boolean dead(int i) {
        return FATES[fate[i]].isDeath();
    }

    /** Families of two or more known members, all killed: their ids. */
    private Figures.Ids destroyedFamilies() {
        int[] familySize = new int[n];
        int[] familyDead = new int[n];
        for (int i = 0; i < n; i++) {
            if (c.family[i] != 0) {
                int f = Arrays.binarySearch(ids, c.family[i]);
                if (f < 0) {
                    throw new IllegalStateException("figures: family " + c.family[i] + " is no linked person");
                }
                familySize[f]++;
                familyDead[f] += dead(i) ? 1 : 0;
            }
        }
        Figures.Ids destroyed = new Figures.Ids();
        for (int f = 0; f < n; f++) {
            if (familySize[f] >= 2 && familyDead[f] == familySize[f]) {
                destroyed.add(ids[f]);
            }
        }
        return destroyed;
    }

    private record Orphans(Figures.Ids ids, long unknown) {
    }

    /** Children not killed with one ({@code parents} 1) or two or more (2) of their parents killed, and those of unknown age. */
    private Orphans orphans(int parents) {
        Figures.Ids out = new Figures.Ids();
        long unknown = 0;
        for (int i = 0; i < n; i++) {
            if (c.parentFrom[i] == c.parentFrom[i + 1] || dead(i)) {
                continue;
            }
            int deadParents = 0;
            for (int k = c.parentFrom[i]; k < c.parentFrom[i + 1]; k++) {
                int j = Arrays.binarySearch(ids, c.parent[k]);
                deadParents += j >= 0 && dead(j) ? 1 : 0;
            }
            if (deadParents == 0 || Math.min(deadParents, 2) != parents) {
                continue;
            }
            if (age[i] == Subgroups.UNKNOWN_AGE) {
                unknown++;
            } else if (age[i] < subgroups.childUnder()) {
                out.add(ids[i]);
            }
        }
        return new Orphans(out, unknown);
    }

    private Map<String, Long> byFate() {
        long[] fates = new long[FATES.length];
        for (int i = 0; i < n; i++) {
            fates[fate[i]]++;
        }
        Map<String, Long> out = new LinkedHashMap<>();
        for (Fate f : FATES) {
            out.put(f.word(), fates[f.ordinal()]);
        }
        return out;
    }

    private Map<String, Long> bySex() {
        long[] sexes = new long[Sex.values().length];
        for (int i = 0; i < n; i++) {
            sexes[c.sex[i]]++;
        }
        Map<String, Long> out = new LinkedHashMap<>();
        for (Sex x : Sex.values()) {
            out.put(x.word(), sexes[x.ordinal()]);
        }
        return out;
    }

    private Map<String, Long> byAge() {
        long[] ages = new long[4];
        for (int i = 0; i < n; i++) {
            ages[age[i] == Subgroups.UNKNOWN_AGE ? 3 : age[i] < subgroups.childUnder() ? 0 : age[i] < subgroups.elderlyFrom() ? 1 : 2]++;
        }
        List<String> groups = List.of("0-" + (subgroups.childUnder() - 1), subgroups.childUnder() + "-" + (subgroups.elderlyFrom() - 1),
                subgroups.elderlyFrom() + "+", "unknown");
        Map<String, Long> out = new LinkedHashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            out.put(groups.get(g), ages[g]);
        }
        return out;
    }

    private static int bit(String category) {
        return 1 << PERSON_CATEGORIES.indexOf(category);
    }

    /**
     * The categories a person of this residence, fate and statuses ever stated ({@code ever}: a bit per status)
     * is in, a bit per category of {@link #PERSON_CATEGORIES}.
     */
    private static int memberships(boolean resident, Fate fate, int ever) {
        return (resident ? POPULATION : 0)
                | (fate.isDeath() ? KILLED : 0)
                | (fate == Fate.REMAINS_IDENTIFIED ? REMAINS_IDENTIFIED : 0)
                | ((ever & 1 << Status.INJURED.ordinal()) != 0 ? INJURED : 0)
                | ((ever & 1 << Status.HOSTAGE.ordinal()) != 0 ? HOSTAGE : 0)
                | ((ever & 1 << Status.RELEASED.ordinal()) != 0 ? RELEASED : 0)
                | (fate == Fate.MISSING ? MISSING : 0)
                | ((ever & 1 << Status.DISPLACED.ordinal()) != 0 ? DISPLACED : 0)
                | (fate == Fate.CONFLICT ? FATE_IN_CONFLICT : 0);
    }

    private static Optional<PartialDate> unpack(int packed) {
        return packed == 0 ? Optional.empty() : Optional.of(new PartialDate(packed >>> 9, packed >>> 5 & 15, packed & 31, false));
    }

    /** Ints by long keys (never 0), open addressing: the fates decided for each set of one or two statuses. */
    private static final class LongIntMap {
        private long[] keys = new long[1024];
        private int[] values = new int[1024];
        private int size;

        /** The value of {@code key}, -1 when none. */
        int get(long key) {
            int mask = keys.length - 1;
            for (int at = slot(key, mask); keys[at] != 0; at = (at + 1) & mask) {
                if (keys[at] == key) {
                    return values[at];
                }
            }
            return -1;
        }

        void put(long key, int value) {
            if (2 * (size + 1) > keys.length) {
                long[] oldKeys = keys;
                int[] oldValues = values;
                keys = new long[oldKeys.length * 2];
                values = new int[oldKeys.length * 2];
                size = 0;
                for (int k = 0; k < oldKeys.length; k++) {
                    if (oldKeys[k] != 0) {
                        put(oldKeys[k], oldValues[k]);
                    }
                }
            }
            int mask = keys.length - 1;
            int at = slot(key, mask);
            while (keys[at] != 0 && keys[at] != key) {
                at = (at + 1) & mask;
            }
            size += keys[at] == 0 ? 1 : 0;
            keys[at] = key;
            values[at] = value;
        }

        private static int slot(long key, int mask) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ h >>> 32) & mask;
        }
    }
}
