package org.nomina.store.figures;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nomina.engine.domain.Sex;
import org.nomina.engine.domain.Status;
import org.nomina.engine.fates.Subgroups;

/**
 * Every person's projection ({@link RegisterFacts.Projected}) as columns of primitive arrays, in id order: what
 * {@code figures} counts of a million persons without an object per person (the objects, kept alive through
 * the tally, had the garbage collector copying them again and again: 12 s of pauses in one run on the town of a
 * million). A person's incidents, statuses, parents and places are the runs {@code from[i] … from[i + 1]} of
 * their columns. Incidents and sources are indices into {@link #incidentIds} and {@link #sourceIds} (a register
 * has few of either), places into {@link #places}; dates are {@linkplain Subgroups#pack packed} (0: none).
 *
 * <p>It is also the figures projection's stored form: {@link #encode} writes persons {@code from … to} as one
 * chunk of bytes (numbers as variable-length integers, ids as differences from the previous person's) and
 * {@link #decode} appends a chunk's persons. Built by one thread; read by many once built.
 */
final class PersonColumns {

    /** A recorded age nobody gave. */
    static final int NO_AGE = Subgroups.UNKNOWN_AGE;

    private static final Sex[] SEXES = Sex.values();
    private static final Status[] STATUSES = Status.values();

    int n;
    long[] id = new long[16];
    byte[] sex = new byte[16];
    int[] birth = new int[16];
    int[] recordAge = new int[16];
    int[] recordAgeDate = new int[16];
    long[] family = new long[16];

    /** Incidents the person is in, in the order of their first record, and whether a residents' list names them there. */
    int[] incidentFrom = new int[17];
    int[] incident = new int[16];
    boolean[] residentIn = new boolean[16];
    int incidents;

    /** Statuses: incident, status (its ordinal), date, record and source. */
    int[] eventFrom = new int[17];
    int[] eventIncident = new int[16];
    byte[] eventStatus = new byte[16];
    int[] eventDate = new int[16];
    long[] eventRecord = new long[16];
    int[] eventSource = new int[16];
    int events;

    int[] parentFrom = new int[17];
    long[] parent = new long[16];
    int parents;

    /** The places residents' lists write for the person, as indices into {@link #places}. */
    int[] placeFrom = new int[17];
    int[] place = new int[16];
    int placeRefs;

    /** Incident ids (0: the default incident), source ids and places as written, each once. */
    final IdTable incidentIds = new IdTable();
    final IdTable sourceIds = new IdTable();
    final List<String> places = new ArrayList<>();
    private final Map<String, Integer> placeIndex = new HashMap<>();

    /** The projections of a scan, as columns. */
    static PersonColumns of(List<RegisterFacts.Projected> persons) {
        PersonColumns c = new PersonColumns();
        for (RegisterFacts.Projected p : persons) {
            c.person(p.id, p.sex, Subgroups.pack(p.birth), p.recordAge == null ? NO_AGE : p.recordAge, Subgroups.pack(p.recordAgeDate), p.family);
            for (int i = 0; i < p.incidents.length; i++) {
                c.incident(p.incidents[i], p.residentIn[i]);
            }
            for (RegisterFacts.Event e : p.events) {
                c.event(e.incident(), e.status().ordinal(), Subgroups.pack(e.date().orElse(null)), e.recordId(), e.sourceId());
            }
            for (long parent : p.parents) {
                c.parent(parent);
            }
            for (String place : p.residentPlaces) {
                c.place(c.placeAt(place));
            }
        }
        return c.done();
    }

    /** Starts the next person (ids must rise); their incidents, statuses, parents and places follow. */
    void person(long personId, Sex personSex, int birthDate, int age, int ageDate, long familyId) {
        if (n > 0 && personId <= id[n - 1]) {
            throw new IllegalStateException("figures: persons out of order at " + personId);
        }
        reserve(1, 0, 0, 0, 0);
        id[n] = personId;
        sex[n] = (byte) personSex.ordinal();
        birth[n] = birthDate;
        recordAge[n] = age;
        recordAgeDate[n] = ageDate;
        family[n] = familyId;
        n++;
        incidentFrom[n] = incidents;
        eventFrom[n] = events;
        parentFrom[n] = parents;
        placeFrom[n] = placeRefs;
    }

    void incident(long incidentId, boolean resident) {
        reserve(0, 1, 0, 0, 0);
        incident[incidents] = incidentAt(incidentId);
        residentIn[incidents] = resident;
        incidentFrom[n] = ++incidents;
    }

    void event(long incidentId, int status, int date, long record, long source) {
        if (status < 0 || status >= STATUSES.length) {
            throw new IllegalStateException("figures projection: no status " + status + " for person " + id[n - 1]);
        }
        reserve(0, 0, 1, 0, 0);
        eventIncident[events] = incidentAt(incidentId);
        eventStatus[events] = (byte) status;
        eventDate[events] = date;
        eventRecord[events] = record;
        eventSource[events] = sourceAt(source);
        eventFrom[n] = ++events;
    }

    void parent(long parentId) {
        reserve(0, 0, 0, 1, 0);
        parent[parents] = parentId;
        parentFrom[n] = ++parents;
    }

    void place(int placeAt) {
        reserve(0, 0, 0, 0, 1);
        place[placeRefs] = placeAt;
        placeFrom[n] = ++placeRefs;
    }

    private int incidentAt(long incidentId) {
        return incidentIds.at(incidentId);
    }

    private int sourceAt(long sourceId) {
        return sourceIds.at(sourceId);
    }

    private int placeAt(String written) {
        return placeIndex.computeIfAbsent(written, w -> {
            places.add(w);
            return places.size() - 1;
        });
    }

    /** The columns once every person is in; the builder's lookup tables are let go. */
    PersonColumns done() {
        incidentIds.index.clear();
        sourceIds.index.clear();
        placeIndex.clear();
        return this;
    }

    Sex sex(int i) {
        return SEXES[sex[i]];
    }

    static Status status(byte ordinal) {
        return STATUSES[ordinal];
    }

    /**
     * Persons {@code from … to} as one chunk: their count, how many incidents of persons, statuses, parents and
     * places they have (so that reading grows the columns once), the places they name (each once, as UTF-8), then
     * per person the id (less the previous person's), sex, birth, recorded age (0: none, else its zigzag form
     * plus one) and its date, incidents ({@code id << 1 | resident}), statuses (incident, status, date, record,
     * source), family, parents and places (indices into the chunk's places).
     */
    byte[] encode(int from, int to) {
        VarBytes out = new VarBytes("figures projection", Math.max(64, (to - from) * 24));
        out.varint(to - from);
        out.varint(incidentFrom[to] - incidentFrom[from]);
        out.varint(eventFrom[to] - eventFrom[from]);
        out.varint(parentFrom[to] - parentFrom[from]);
        out.varint(placeFrom[to] - placeFrom[from]);
        Map<Integer, Integer> local = new HashMap<>();
        List<Integer> written = new ArrayList<>();
        for (int r = placeFrom[from]; r < placeFrom[to]; r++) {
            if (local.putIfAbsent(place[r], local.size()) == null) {
                written.add(place[r]);
            }
        }
        out.varint(written.size());
        for (int at : written) {
            byte[] utf8 = places.get(at).getBytes(StandardCharsets.UTF_8);
            out.varint(utf8.length);
            out.bytes(utf8);
        }
        long previous = 0;
        for (int i = from; i < to; i++) {
            out.varlong(id[i] - previous);
            previous = id[i];
            out.varint(sex[i]);
            out.varint(birth[i]);
            out.varint(recordAge[i] == NO_AGE ? 0 : ((recordAge[i] << 1) ^ (recordAge[i] >> 31)) + 1);
            out.varint(recordAgeDate[i]);
            out.varint(incidentFrom[i + 1] - incidentFrom[i]);
            for (int k = incidentFrom[i]; k < incidentFrom[i + 1]; k++) {
                out.varlong(incidentIds.ids[incident[k]] << 1 | (residentIn[k] ? 1 : 0));
            }
            out.varint(eventFrom[i + 1] - eventFrom[i]);
            for (int k = eventFrom[i]; k < eventFrom[i + 1]; k++) {
                out.varlong(incidentIds.ids[eventIncident[k]]);
                out.varint(eventStatus[k]);
                out.varint(eventDate[k]);
                out.varlong(eventRecord[k]);
                out.varlong(sourceIds.ids[eventSource[k]]);
            }
            out.varlong(family[i]);
            out.varint(parentFrom[i + 1] - parentFrom[i]);
            for (int k = parentFrom[i]; k < parentFrom[i + 1]; k++) {
                out.varlong(parent[k]);
            }
            out.varint(placeFrom[i + 1] - placeFrom[i]);
            for (int k = placeFrom[i]; k < placeFrom[i + 1]; k++) {
                out.varint(local.get(place[k]));
            }
        }
        return out.toArray();
    }

    /**
     * Appends the persons of one chunk {@link #encode} wrote; says how many. The columns are grown once per chunk
     * from the counts its head gives and each person is read by a method of its own: one long method reading a
     * million persons was compiled by C2 four times over (on-stack replacement), 2.4 s of compiler CPU per run.
     */
    int decode(byte[] chunk) {
        VarBytes in = new VarBytes("figures projection", chunk);
        int count = in.varint();
        reserve(count, in.varint(), in.varint(), in.varint(), in.varint());
        int[] local = new int[in.varint()];
        for (int k = 0; k < local.length; k++) {
            int length = in.varint();
            local[k] = placeAt(new String(chunk, in.skip(length), length, StandardCharsets.UTF_8));
        }
        long previous = 0;
        for (int p = 0; p < count; p++) {
            previous = decodePerson(in, local, previous);
        }
        if (!in.atEnd()) {
            throw new IllegalStateException("figures projection: a chunk holds more than its " + count + " persons");
        }
        return count;
    }

    /** Reads one person of a chunk; gives their id. */
    private long decodePerson(VarBytes in, int[] local, long previous) {
        long personId = previous + in.varlong();
        int s = in.varint();
        if (s >= SEXES.length) {
            throw new IllegalStateException("figures projection: no sex " + s + " for person " + personId);
        }
        int b = in.varint();
        int a = in.varint();
        person(personId, SEXES[s], b, a == 0 ? NO_AGE : ((a - 1) >>> 1) ^ -((a - 1) & 1), in.varint(), 0);
        for (int k = in.varint(); k > 0; k--) {
            long x = in.varlong();
            incident(x >>> 1, (x & 1) == 1);
        }
        for (int k = in.varint(); k > 0; k--) {
            long incidentId = in.varlong();
            int status = in.varint();
            int date = in.varint();
            long record = in.varlong();
            event(incidentId, status, date, record, in.varlong());
        }
        family[n - 1] = in.varlong();
        for (int k = in.varint(); k > 0; k--) {
            parent(in.varlong());
        }
        for (int k = in.varint(); k > 0; k--) {
            place(local[in.varint()]);
        }
        return personId;
    }

    /**
     * Room for so many more persons, incidents of persons, statuses, parents and places, so that appending them
     * grows nothing; a column grows to at least twice its length, so that a million appended one by one or chunk
     * by chunk are copied a few times only.
     */
    private void reserve(int persons, int incidentRefs, int statuses, int parentRefs, int places) {
        if (n + persons > id.length) {
            int size = grown(id.length, n + persons);
            id = Arrays.copyOf(id, size);
            sex = Arrays.copyOf(sex, size);
            birth = Arrays.copyOf(birth, size);
            recordAge = Arrays.copyOf(recordAge, size);
            recordAgeDate = Arrays.copyOf(recordAgeDate, size);
            family = Arrays.copyOf(family, size);
            incidentFrom = Arrays.copyOf(incidentFrom, size + 1);
            eventFrom = Arrays.copyOf(eventFrom, size + 1);
            parentFrom = Arrays.copyOf(parentFrom, size + 1);
            placeFrom = Arrays.copyOf(placeFrom, size + 1);
        }
        if (incidents + incidentRefs > incident.length) {
            int size = grown(incident.length, incidents + incidentRefs);
            incident = Arrays.copyOf(incident, size);
            residentIn = Arrays.copyOf(residentIn, size);
        }
        if (events + statuses > eventIncident.length) {
            int size = grown(eventIncident.length, events + statuses);
            eventIncident = Arrays.copyOf(eventIncident, size);
            eventStatus = Arrays.copyOf(eventStatus, size);
            eventDate = Arrays.copyOf(eventDate, size);
            eventRecord = Arrays.copyOf(eventRecord, size);
            eventSource = Arrays.copyOf(eventSource, size);
        }
        if (parents + parentRefs > parent.length) {
            parent = Arrays.copyOf(parent, grown(parent.length, parents + parentRefs));
        }
        if (placeRefs + places > place.length) {
            place = Arrays.copyOf(place, grown(place.length, placeRefs + places));
        }
    }

    private static int grown(int length, int needed) {
        return (int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, 2L * length));
    }

    /** Ids each given an index once, in the order first met; most lookups ask for the id asked for last. */
    static final class IdTable {
        long[] ids = new long[4];
        int count;
        private final Map<Long, Integer> index = new HashMap<>();
        private long last = -1;
        private int lastAt;

        int at(long id) {
            if (id != last || count == 0) {
                Integer at = index.get(id);
                if (at == null) {
                    if (count == ids.length) {
                        ids = Arrays.copyOf(ids, count * 2);
                    }
                    at = count;
                    ids[count++] = id;
                    index.put(id, at);
                }
                last = id;
                lastAt = at;
            }
            return lastAt;
        }
    }
}
