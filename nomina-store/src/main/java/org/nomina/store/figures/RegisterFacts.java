package org.nomina.store.figures;

import org.nomina.store.LazyReads;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.nomina.engine.domain.PartialDate;
import org.nomina.engine.domain.Sex;
import org.nomina.engine.domain.Status;
import org.nomina.engine.families.Member;
import org.nomina.engine.families.Relation;
import org.nomina.store.imports.SourceKind;
import org.nomina.store.incidents.Incidents;
import org.nomina.store.incidents.Incidents.Incident;

/**
 * What the latest link says of every person, read in one pass over their source records ({@link #scan}):
 * for every incident at once, status events, sex and birth, residence on a residents' list, and the family
 * and parents the households give (families do not depend on the incident). {@link FiguresProjection} keeps
 * the result in a table so that {@code figures} need not read the records again until the register changes;
 * {@link Scope} says what one request (an incident, or all) counts of it. Memory grows with the
 * number of persons, not with a query per person: one streamed query (1,000,000 persons in bench/figures.sh).
 */
final class RegisterFacts {

    record Source(String name, String kind, Optional<PartialDate> date) {
    }

    /**
     * What the latest link says of one person for every incident at once, before an incident is chosen: a row
     * of the figures projection ({@link FiguresProjection}). Sex, birth and recorded age are decided over all
     * of the person's records; the incidents they appear in (in the order their first records come), whether
     * a residents' list names them in each, the places those lists give, every status with its incident, and
     * the family and parents their households give. The tally ({@code Figures}) applies a {@link Scope} to it.
     */
    static final class Projected {
        final long id;
        Sex sex = Sex.UNKNOWN;
        boolean sexStated;
        PartialDate birth;
        int birthVotes;
        Integer recordAge;
        PartialDate recordAgeDate;
        /** Incident ids (0: the default incident, no id) in the order of their first record; on a residents' list in each. */
        long[] incidents = new long[0];
        boolean[] residentIn = new boolean[0];
        /** The places the residents' lists give, as written, each once. */
        final List<String> residentPlaces = new ArrayList<>(1);
        final List<Event> events = new ArrayList<>(2);
        /** The family (its lowest person id), 0 when no household names the person. */
        long family;
        long[] parents = new long[0];

        Projected(long id) {
            this.id = id;
        }

        void inIncident(long incident, boolean residents) {
            for (int i = 0; i < incidents.length; i++) {
                if (incidents[i] == incident) {
                    residentIn[i] |= residents;
                    return;
                }
            }
            incidents = java.util.Arrays.copyOf(incidents, incidents.length + 1);
            residentIn = java.util.Arrays.copyOf(residentIn, residentIn.length + 1);
            incidents[incidents.length - 1] = incident;
            residentIn[residentIn.length - 1] = residents;
        }
    }

    /** One status of a record: its incident (0: none), what and when it says, and the record and source it comes from. */
    record Event(long incident, Status status, Optional<PartialDate> date, long recordId, long sourceId) {
    }

    /** Every person's projection, in id order, and the register's sources. */
    record Scan(List<Projected> persons, Map<Long, Source> sources) {
    }

    /**
     * Every column the pass reads, households included, on PostgreSQL. No join: which person a record belongs to
     * comes from {@link #personOfRecord}, read once, so the pass is one scan of one table. H2 reads a table's
     * whole row (verbatim JSON, notes and extra with it) for every column it is asked for, so there the pass reads
     * the same columns from {@link RecordChunks} instead (V17; V12's covering index before it).
     */
    private static final String FACTS_ROWS = "SELECT " + RecordChunks.COLUMNS + " FROM source_record r";

    /** The register's sources by id. */
    static Map<Long, Source> sources(Handle h) {
        Map<Long, Source> out = new HashMap<>();
        h.createQuery("SELECT id, name, kind, source_date FROM source").map((rs, ctx) -> {
            out.put(rs.getLong(1), new Source(rs.getString(2), rs.getString(3), date(rs.getString(4))));
            return 0;
        }).list();
        return out;
    }

    /**
     * One pass over every linked record: each person's projection, for every incident, with families and
     * parents resolved from the households.
     */
    static Scan scan(Handle h) {
        try {
            return scan(h, true);
        } catch (RuntimeException e) {
            LazyReads.set(h, false);
            if (!LazyReads.chunkNotFound(e)) {
                throw e;
            }
            // H2 2.3.232 loses a lazy full scan when its background writer drops a chunk the scan still reads
            // (h2database issue 4142); it happened on the town of a million right after a million rows were
            // written. Read the records again without lazy execution, which H2 then materialises first.
            return scan(h, false);
        }
    }

    private static Scan scan(Handle h, boolean lazily) {
        Map<Long, Source> sources = sources(h);
        Map<Long, Projected> persons = new HashMap<>();
        Map<String, List<Member>> households = new HashMap<>();
        LazyReads.set(h, lazily);
        long[] personOf = personOfRecord(h);
        Words words = new Words();
        Set<String> named = new HashSet<>();
        java.util.function.Consumer<RecordChunks.Row> take = r -> {
            long recordId = r.id;
            long personId = recordId < personOf.length ? personOf[(int) recordId] : 0;
            if (personId == 0) {
                return; // not linked (imported after the latest link)
            }
            long sourceId = r.sourceId;
            Source source = sources.get(sourceId);
            long incident = r.incidentId;
            Projected p = persons.computeIfAbsent(personId, Projected::new);
            Optional<PartialDate> statusDate = partial(r.statusYear, r.statusMonth, r.statusDay);
            Optional<PartialDate> incidentDate = partial(r.incidentYear, r.incidentMonth, r.incidentDay);
            Optional<PartialDate> recordDate = statusDate.or(() -> incidentDate);
            String sexWord = r.sex;
            Sex sex = words.sex(sexWord);
            if (!sexWord.equals("unknown") && (!p.sexStated || p.sex == Sex.UNKNOWN)) {
                p.sex = sex;
                p.sexStated = !r.sexInferred;
            }
            Optional<PartialDate> birth = partial(r.birthYear, r.birthMonth, r.birthDay);
            if (birth.isPresent()) {
                vote(p, birth.get());
            }
            if (r.age != null && (p.recordAge == null || (p.recordAgeDate == null && recordDate.isPresent()))) {
                p.recordAge = r.age;
                p.recordAgeDate = recordDate.orElse(null);
            }
            boolean residents = source != null && source.kind().equals(SourceKind.RESIDENTS);
            p.inIncident(incident, residents);
            if (residents && !p.residentPlaces.contains(r.place)) {
                p.residentPlaces.add(r.place);
            }
            if (!r.status.isEmpty()) {
                p.events.add(new Event(incident, words.status(r.status), recordDate, recordId, sourceId));
            }
            String household = r.household;
            if (!household.isEmpty()) {
                String key = sourceId + ":" + household;
                String father = key(r.fatherName);
                String mother = key(r.motherName);
                households.computeIfAbsent(key, k -> new ArrayList<>(6)).add(new Member(personId, recordId, household,
                        words.relation(r.relation), sex, "", "", father, mother));
                if (!father.isEmpty() || !mother.isEmpty()) {
                    named.add(key);
                }
            }
        };
        if (LazyReads.isH2(h)) {
            RecordChunks.scan(h, take);
        } else {
            h.createQuery(FACTS_ROWS).setFetchSize(10_000).map((rs, ctx) -> RecordChunks.Row.read(rs)).forEach(take);
        }
        LazyReads.set(h, false);
        FamilyQueries.addNames(h, households, named);
        Figures.Families families = Figures.Families.of(households.values());
        families.members().forEach((family, members) -> members.forEach(id -> persons.get(id).family = family));
        families.parents().forEach((child, parents) -> persons.get(child).parents = parents.stream().mapToLong(Long::longValue).sorted().toArray());
        List<Projected> ordered = new ArrayList<>(persons.values());
        ordered.sort(java.util.Comparator.comparingLong(p -> p.id));
        return new Scan(ordered, sources);
    }

    /** What one request counts of the register: the incidents asked for (empty: all) and the incident's place. */
    record Scope(Optional<Set<Long>> incidents, Optional<String> place, Map<Long, Optional<PartialDate>> starts) {

        static Scope of(List<Incident> all, Optional<Incident> root) {
            return new Scope(RegisterFacts.scope(all, root), root.map(Incident::place).filter(p -> !p.isEmpty()), RegisterFacts.starts(all));
        }

        boolean includes(long incident) {
            return incidents.isEmpty() || (incident != 0 && incidents.get().contains(incident));
        }
    }

    /**
     * Which person each record belongs to in the latest link, indexed by the record's id (0: not linked).
     * Records are never deleted and their ids are given in order, so the array is about as long as the
     * register has records (1.5 million records: 12 MB).
     */
    private static long[] personOfRecord(Handle h) {
        Long max = h.createQuery("SELECT MAX(source_record_id) FROM person_record").mapTo(Long.class).one();
        if (max == null) {
            return new long[0];
        }
        if (max >= Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("source record ids beyond " + (Integer.MAX_VALUE - 8) + " are not supported by figures");
        }
        long[] out = new long[(int) (max + 1)];
        h.createQuery("SELECT source_record_id, person_id FROM person_record").setFetchSize(10_000)
                .map((rs, ctx) -> {
                    out[(int) rs.getLong(1)] = rs.getLong(2);
                    return 0;
                })
                .forEach(x -> { });
        return out;
    }

    /** The words a column holds, parsed once per distinct word rather than once per record. */
    private static final class Words {
        private final Map<String, Sex> sexes = new HashMap<>();
        private final Map<String, Status> statuses = new HashMap<>();
        private final Map<String, Optional<Relation>> relations = new HashMap<>();

        Sex sex(String word) {
            return sexes.computeIfAbsent(word, w -> Sex.fromWord(w).orElse(Sex.UNKNOWN));
        }

        Status status(String word) {
            return statuses.computeIfAbsent(word, w -> Status.fromWord(w).orElseThrow());
        }

        Optional<Relation> relation(String word) {
            return relations.computeIfAbsent(word, Relation::fromWord);
        }
    }

    private static void vote(Projected p, PartialDate birth) {
        if (p.birth == null || birth.year() == p.birth.year()) {
            p.birthVotes++;
            if (p.birth == null || birth.precision().ordinal() < p.birth.precision().ordinal()) {
                p.birth = birth;
            }
        } else if (--p.birthVotes <= 0) {
            // Boyer–Moore majority: the year most records give wins.
            p.birth = birth;
            p.birthVotes = 1;
        }
    }

    /**
     * A name for comparison: stripped, lower case, each run of white space (as {@code \s} matches it) one
     * space. Without a regular expression: it runs for every household record of the register.
     */
    static String key(String name) {
        String s = name.strip().toLowerCase(java.util.Locale.ROOT);
        int n = s.length();
        boolean clean = true;
        for (int i = 0; i < n && clean; i++) {
            char c = s.charAt(i);
            clean = !space(c) || (c == ' ' && !space(s.charAt(i + 1))); // strip() leaves no space last
        }
        if (clean) {
            return s;
        }
        StringBuilder out = new StringBuilder(n);
        boolean previous = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean white = space(c);
            if (!white) {
                out.append(c);
            } else if (!previous) {
                out.append(' ');
            }
            previous = white;
        }
        return out.toString();
    }

    private static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    static Optional<PartialDate> partial(int year, boolean absent, int month, int day) {
        return absent || year < 1 ? Optional.empty() : Optional.of(new PartialDate(year, month, month == 0 ? 0 : day, false));
    }

    /** {@link #partial(int, boolean, int, int)} of nullable columns (a NULL month or day reads as 0, as JDBC's getInt gives it). */
    private static Optional<PartialDate> partial(Integer year, Integer month, Integer day) {
        return partial(year == null ? 0 : year, year == null, month == null ? 0 : month, day == null ? 0 : day);
    }

    private static Optional<PartialDate> date(String iso) {
        if (iso == null || iso.isBlank()) {
            return Optional.empty();
        }
        try {
            return org.nomina.engine.parse.DateParser.auto().parse(iso);
        } catch (org.nomina.engine.parse.ValueParseException e) {
            return Optional.empty();
        }
    }

    /** Each incident's start: its own date_from, else its parent's, and so on up. */
    private static Map<Long, Optional<PartialDate>> starts(List<Incident> incidents) {
        Map<Long, Incident> byId = new HashMap<>();
        incidents.forEach(i -> byId.put(i.id(), i));
        Map<Long, Optional<PartialDate>> out = new HashMap<>();
        for (Incident i : incidents) {
            Incident at = i;
            Optional<PartialDate> start = at.start();
            int depth = 0;
            while (start.isEmpty() && at.parentId().isPresent() && depth++ < 100) {
                at = byId.get(at.parentId().get());
                start = at == null ? Optional.empty() : at.start();
                if (at == null) {
                    break;
                }
            }
            out.put(i.id(), start);
        }
        return out;
    }

    static Optional<Set<Long>> scope(List<Incident> incidents, Optional<Incident> root) {
        return root.map(r -> Incidents.withDescendants(incidents, r.id()));
    }
}
