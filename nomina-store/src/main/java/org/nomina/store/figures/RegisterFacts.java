package org.nomina.store.figures;

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
import org.nomina.engine.fates.FateOutcome;
import org.nomina.engine.fates.StatusEvent;
import org.nomina.engine.names.NameNormaliser;
import org.nomina.store.imports.SourceKind;
import org.nomina.store.incidents.Incidents;
import org.nomina.store.incidents.Incidents.Incident;

/**
 * What the latest link says of every person, read in one pass over their source records: status
 * events in the incidents asked for, sex and birth, residence on a residents' list, and household
 * memberships (of every incident: families do not depend on the incident). Memory grows with the number
 * of persons, not with a query per person: one streamed query (1,000,000 persons in bench/figures.sh).
 */
final class RegisterFacts {

    /** One person's facts. Mutable while reading; not shared across threads. */
    static final class PersonFacts {
        final long id;
        Sex sex = Sex.UNKNOWN;
        boolean sexStated;
        PartialDate birth;
        int birthVotes;
        Integer recordAge;
        PartialDate recordAgeDate;
        PartialDate incidentStart;
        boolean resident;
        final List<StatusEvent> events = new ArrayList<>(2);
        /** Set by the tally: the current fate and the age at the incident. */
        FateOutcome outcome;
        Optional<Integer> age = Optional.empty();

        PersonFacts(long id) {
            this.id = id;
        }
    }

    record Source(String name, String kind, Optional<PartialDate> date) {
    }

    final Map<Long, PersonFacts> persons = new HashMap<>();
    final Map<String, List<Member>> households = new HashMap<>();
    final Map<Long, Source> sources = new HashMap<>();

    /**
     * Every column the pass reads, households included. No join: which person a record belongs to comes
     * from {@link #personOfRecord}, read once, so the pass is one scan of one table (H2 looked up
     * person_record by key for every record, which with the wide rows cost most of figures' time).
     */
    private static final String FACTS_ROWS = """
            SELECT r.id, r.source_id, r.incident_id, r.status, r.status_year, r.status_month, r.status_day,
                   r.incident_year, r.incident_month, r.incident_day, r.sex, r.sex_inferred, r.birth_year, r.birth_month,
                   r.birth_day, r.age, r.place, r.household, r.relation, r.father_name, r.mother_name
            $from""";
    private static final String FROM_PORTABLE = "FROM source_record r";
    /**
     * H2 reads a table's whole row (verbatim JSON, notes and extra with it) for every column it is asked
     * for; the covering index source_record_figures (V12) holds every column above, and H2 only walks it
     * when told to and given a range on its first column (ids start at 1, so {@code id >= 0} is every record).
     */
    private static final String FROM_H2 = "FROM source_record r USE INDEX (source_record_figures) WHERE r.id >= 0";

    static RegisterFacts read(Handle h, Optional<Set<Long>> scope, Optional<String> scopePlace, List<Incident> incidents) {
        RegisterFacts facts = new RegisterFacts();
        h.createQuery("SELECT id, name, kind, source_date FROM source").map((rs, ctx) -> {
            facts.sources.put(rs.getLong(1), new Source(rs.getString(2), rs.getString(3), date(rs.getString(4))));
            return 0;
        }).list();
        lazy(h, true);
        Map<Long, Optional<PartialDate>> starts = starts(incidents);
        // The normaliser (ICU transliterators) takes about a second to start; only a place needs it.
        NameNormaliser names = scopePlace.isPresent() ? NameNormaliser.shared() : null;
        String place = scopePlace.map(p -> names.placeName(p)).orElse("");
        long[] personOf = personOfRecord(h);
        Words words = new Words();
        Set<String> named = new HashSet<>();
        h.createQuery(FACTS_ROWS.replace("$from", isH2(h) ? FROM_H2 : FROM_PORTABLE))
                .setFetchSize(10_000)
                .map((rs, ctx) -> {
                    long recordId = rs.getLong(1);
                    long personId = recordId < personOf.length ? personOf[(int) recordId] : 0;
                    if (personId == 0) {
                        return 0; // not linked (imported after the latest link)
                    }
                    Source source = facts.sources.get(rs.getLong(2));
                    long incident = rs.getLong(3);
                    Optional<Long> incidentId = rs.wasNull() ? Optional.empty() : Optional.of(incident);
                    boolean inScope = scope.isEmpty() || incidentId.filter(scope.get()::contains).isPresent();
                    PersonFacts p = facts.persons.computeIfAbsent(personId, PersonFacts::new);
                    Optional<PartialDate> statusDate = partial(rs.getInt(5), rs.wasNull(), rs.getInt(6), rs.getInt(7));
                    Optional<PartialDate> incidentDate = partial(rs.getInt(8), rs.wasNull(), rs.getInt(9), rs.getInt(10));
                    Optional<PartialDate> recordDate = statusDate.or(() -> incidentDate);
                    String sexWord = rs.getString(11);
                    Sex sex = words.sex(sexWord);
                    boolean inferred = rs.getBoolean(12);
                    if (!sexWord.equals("unknown") && (!p.sexStated || p.sex == Sex.UNKNOWN)) {
                        p.sex = sex;
                        p.sexStated = !inferred;
                    }
                    Optional<PartialDate> birth = partial(rs.getInt(13), rs.wasNull(), rs.getInt(14), rs.getInt(15));
                    if (birth.isPresent()) {
                        vote(p, birth.get());
                    }
                    int age = rs.getInt(16);
                    if (!rs.wasNull() && (p.recordAge == null || (p.recordAgeDate == null && recordDate.isPresent()))) {
                        p.recordAge = age;
                        p.recordAgeDate = recordDate.orElse(null);
                    }
                    if (inScope && p.incidentStart == null) {
                        p.incidentStart = incidentId.flatMap(starts::get).orElse(null);
                    }
                    if (source != null && source.kind().equals(SourceKind.RESIDENTS)
                            && (inScope || (!place.isEmpty() && names.placeName(rs.getString(17)).equals(place)))) {
                        p.resident = true;
                    }
                    String status = rs.getString(4);
                    if (inScope && !status.isEmpty()) {
                        Optional<PartialDate> known = recordDate.or(() -> source == null ? Optional.empty() : source.date());
                        p.events.add(new StatusEvent(words.status(status), recordDate, known, recordId,
                                source == null ? "" : source.name()));
                    }
                    String household = rs.getString(18);
                    if (!household.isEmpty()) {
                        String key = rs.getLong(2) + ":" + household;
                        String father = key(rs.getString(20));
                        String mother = key(rs.getString(21));
                        facts.households.computeIfAbsent(key, k -> new ArrayList<>(6)).add(new Member(personId, recordId, household,
                                words.relation(rs.getString(19)), sex, "", "", father, mother));
                        if (!father.isEmpty() || !mother.isEmpty()) {
                            named.add(key);
                        }
                    }
                    return 0;
                })
                .forEach(x -> { });
        lazy(h, false);
        FamilyQueries.addNames(h, facts.households, named);
        return facts;
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

    /**
     * H2 materialises a whole result in a temporary store before the first row unless queries run lazily;
     * for a pass over every record that costs a fifth of the CPU (figures on 200,000 persons: 11.1 s → 9.3 s
     * user time). Switched off again after the pass, so the connection's other work is as before.
     */
    static void lazy(Handle h, boolean on) {
        if (isH2(h)) {
            h.execute("SET LAZY_QUERY_EXECUTION " + (on ? "TRUE" : "FALSE"));
        }
    }

    private static boolean isH2(Handle h) {
        try {
            return h.getConnection().getMetaData().getDatabaseProductName().equals("H2");
        } catch (java.sql.SQLException e) {
            throw new org.nomina.store.StoreException("cannot ask which database this is: " + e.getMessage(), e);
        }
    }

    private static void vote(PersonFacts p, PartialDate birth) {
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
