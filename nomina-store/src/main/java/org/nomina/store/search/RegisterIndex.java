package org.nomina.store.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;
import org.nomina.engine.domain.AgeGroup;
import org.nomina.engine.names.NameNormaliser;
import org.nomina.engine.names.NormalName;
import org.nomina.store.BadInputException;
import org.nomina.store.Database;
import org.nomina.store.StoreException;

/**
 * The register's search: an Apache Lucene index of the persons, kept in a directory beside the database
 * and rebuilt from it. A person's document holds the engine's name keys ({@link NameNormaliser}) of every
 * name any of its records gives — the romanised form, the spelling-folded form and the family key — so
 * that a query in one script finds the names written in another (Mamedov finds Məmmədov and Мамедов).
 * The query's words go through the same normaliser; no query syntax is parsed, so nothing a user types
 * (quotes, {@code ' OR 1=1 --}, {@code *}) is an operator.
 *
 * <p>The index remembers the ledger entry it was built at; {@link #isStale} compares it with the
 * database's newest import or link so that a server rebuilds it when the register changed.
 */
public final class RegisterIndex implements AutoCloseable {

    /** One person as the search lists them. */
    public record Hit(long personId, String displayName, String sex, String birthYear, String place, String status, List<String> sources,
                      List<String> nameVariants) {
    }

    /**
     * A page of results: {@code total} counts the matches exactly when {@code totalExact}; otherwise there
     * are at least {@code total} (the count stops at {@value #COUNT_LIMIT}: "at least 1,000").
     */
    public record Page(List<Hit> hits, long total, boolean totalExact, int offset, int limit) {
    }

    /**
     * What to look for; empty fields are no filter. {@code incident} is an incident's name (its
     * sub-incidents count too); {@code ageGroup} one of {@link #AGE_GROUPS}.
     */
    public record SearchQuery(String text, Optional<String> status, Optional<String> sex, Optional<String> place, Optional<String> source,
                              Optional<String> incident, Optional<String> ageGroup, int offset, int limit) {

        /** The query without incident and age group filters. */
        public SearchQuery(String text, Optional<String> status, Optional<String> sex, Optional<String> place, Optional<String> source,
                           int offset, int limit) {
            this(text, status, sex, place, source, Optional.empty(), Optional.empty(), offset, limit);
        }
    }

    /**
     * Which persons a search may return whatever it asks (the public memorial's projection, issue 12): one of
     * these fates, none of these ids, not marked living when {@code excludeLiving}, and, when given, listed by
     * at least one of these sources. The living are a field of the index, not a list of ids: reading them from
     * the database took a scan of every person, and a query of every id, however few were living.
     */
    public record Restriction(Set<String> statuses, Set<Long> excludedIds, boolean excludeLiving, Optional<Set<String>> anySource) {
    }

    /**
     * Age groups at the incident, as {@code estimate --by age_group} and the figures' default subgroups
     * count them (a child is under 18, the elderly are 60 or older).
     */
    public static final List<String> AGE_GROUPS = AgeGroup.labels();

    private static final String USER_DATA_LEDGER = "nomina.ledger_seq";
    /**
     * Written into every commit; an index of another format is rebuilt (it lacks fields or the sort, or its name and
     * place keys came from an older normaliser: 6 since BGN's middle dot and Cyrillic "yy" are read inside a word).
     */
    private static final String USER_DATA_FORMAT = "nomina.index_format";
    private static final String FORMAT = "6";
    /** The binary doc value holding what a result list shows of a person ({@link #hitValue}); from format 5 on. */
    private static final String HIT = "hit";
    /** Results past this many cannot be paged to (narrow the search instead). */
    public static final int MAX_WINDOW = 10_000;
    /**
     * Matches are counted exactly up to this many, then the search stops as soon as the page is full. On
     * 1,001,809 persons the exact count of a common surname's tens of thousands of matches made the search
     * p95 163 ms at 16 clients; the index is sorted by name so the first N matches in index order are the
     * first page, and a search visits about this many documents however large the register. A thousand is
     * more than anyone pages through; "at least 1,000" tells them to add a word or a filter.
     */
    public static final int COUNT_LIMIT = 1_000;
    /**
     * The order of the documents in the index and of every result list: the romanised display name, then the id,
     * as a number (the person's place in that order, computed when the index is built). Sorting by the name's
     * text itself made every competitive hit look its term up in each segment's compressed dictionary: at a
     * million persons most of a search's time.
     */
    private static final Sort BY_NAME = new Sort(new SortField("sort_rank", SortField.Type.LONG));
    private final Path directory;
    private final Directory dir;
    private final NameNormaliser names = NameNormaliser.shared();
    private IndexWriter writer;
    private SearcherManager searchers;

    private RegisterIndex(Path directory) throws IOException {
        this.directory = directory;
        Files.createDirectories(directory);
        this.dir = FSDirectory.open(directory);
    }

    /**
     * Opens (creating when absent) the index in {@code directory} for searching and rebuilding.
     *
     * @throws BadInputException when another process (a running server) holds the index
     */
    public static RegisterIndex open(Path directory) {
        try {
            RegisterIndex index = new RegisterIndex(directory);
            try {
                try {
                    index.writer = new IndexWriter(index.dir, config(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
                } catch (IllegalArgumentException unsorted) {
                    // An index written before it was sorted by name: start afresh; builtAt() is then 0 and the owner rebuilds it.
                    index.writer = new IndexWriter(index.dir, config(IndexWriterConfig.OpenMode.CREATE));
                }
            } catch (LockObtainFailedException e) {
                index.dir.close();
                throw new BadInputException("the search index " + directory + " is in use by another Nomina process (a running nomina serve "
                        + "keeps it current itself); stop that process or leave the index to it");
            }
            if (index.writer.getLiveCommitData() == null || !index.writer.getLiveCommitData().iterator().hasNext()) {
                index.writer.commit();
            }
            index.searchers = new SearcherManager(index.writer, null);
            return index;
        } catch (IOException e) {
            throw new StoreException("cannot open the search index " + directory + ": " + e.getMessage(), e);
        }
    }

    private static IndexWriterConfig config(IndexWriterConfig.OpenMode mode) {
        return new IndexWriterConfig(new StandardAnalyzer()).setOpenMode(mode).setIndexSort(BY_NAME);
    }

    public Path directory() {
        return directory;
    }

    /** The ledger entry the index reflects (0: never built, or built in an older format). */
    public long builtAt() {
        if (writer.getLiveCommitData() == null) {
            return 0;
        }
        long seq = 0;
        boolean current = false;
        for (Map.Entry<String, String> e : writer.getLiveCommitData()) {
            if (e.getKey().equals(USER_DATA_LEDGER)) {
                seq = Long.parseLong(e.getValue());
            } else if (e.getKey().equals(USER_DATA_FORMAT)) {
                current = e.getValue().equals(FORMAT);
            }
        }
        return current ? seq : 0;
    }

    /** The newest ledger entry that changed records or persons (imports, links, corrections; not reviews or users). */
    public static long registerVersion(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("""
                        SELECT COALESCE(MAX(seq), 0) FROM ledger_entry
                        WHERE action NOT IN ('review', 'review-undo', 'user-add', 'user-disable', 'publish-withhold', 'publish-release',
                                             'publish-source', 'token-create', 'token-revoke')""")
                .mapTo(Long.class).one());
    }

    public boolean isStale(Database db) {
        return builtAt() != registerVersion(db);
    }

    /**
     * Replaces the index with the register's current persons (not retired ones). Searches go on against
     * the previous index until the new one is committed. Returns the number of persons indexed.
     */
    public synchronized long rebuild(Database db) {
        long version = registerVersion(db);
        try {
            writer.deleteAll();
            long[] count = {0};
            db.jdbi().useHandle(h -> {
                Map<Long, Long> parents = new HashMap<>();
                Map<Long, String> incidentNames = new HashMap<>();
                h.createQuery("SELECT id, parent_id, name FROM incident").map((rs, ctx) -> {
                    incidentNames.put(rs.getLong(1), rs.getString(3));
                    long parent = rs.getLong(2);
                    if (!rs.wasNull()) {
                        parents.put(rs.getLong(1), parent);
                    }
                    return 0;
                }).forEach(x -> { });
                Map<Long, Integer> ranks = nameOrder(h);
                PersonDoc[] current = {null};
                h.createQuery("""
                                SELECT p.id, p.display_name, p.sex, p.birth_year, p.place, p.status, p.surname, p.given_name, p.patronymic,
                                       r.full_name, r.surname, r.given_name, r.patronymic, s.name,
                                       r.incident_id, COALESCE(r.age, r.incident_year - r.birth_year), p.living
                                FROM person p
                                LEFT JOIN person_record pr ON pr.person_id = p.id
                                LEFT JOIN source_record r ON r.id = pr.source_record_id
                                LEFT JOIN source s ON s.id = r.source_id
                                WHERE p.retired_at IS NULL
                                ORDER BY p.id""")
                        .setFetchSize(2000)
                        .map((rs, ctx) -> {
                            long id = rs.getLong(1);
                            if (current[0] == null || current[0].id != id) {
                                if (current[0] != null) {
                                    add(current[0], ranks);
                                    count[0]++;
                                }
                                current[0] = new PersonDoc(id, rs.getString(2), rs.getString(3),
                                        rs.getObject(4) == null ? "" : String.valueOf(rs.getInt(4)), rs.getString(5), rs.getString(6),
                                        rs.getBoolean(17));
                                current[0].names(rs.getString(7), rs.getString(8), rs.getString(9));
                            }
                            if (rs.getString(10) != null) {
                                current[0].variants.add(rs.getString(10));
                                current[0].names(rs.getString(11), rs.getString(12), rs.getString(13));
                                current[0].sources.add(rs.getString(14));
                                long incident = rs.getLong(15);
                                // An incident and every incident it is part of: a filter by an incident finds its sub-incidents' persons.
                                for (Long i = rs.wasNull() ? null : incident; i != null && current[0].incidents.add(incidentNames.get(i)); ) {
                                    i = parents.get(i);
                                }
                                int age = rs.getInt(16);
                                if (!rs.wasNull() && current[0].age == null) {
                                    current[0].age = age;
                                }
                            }
                            return id;
                        })
                        .forEach(id -> { });
                if (current[0] != null) {
                    add(current[0], ranks);
                    count[0]++;
                }
            });
            // One segment: every search sets up a scorer, a leaf collector and comparators per segment, and at a million
            // persons (5 segments) that set-up was most of a search's Lucene time (JFR, bench/web.sh). The index is only
            // ever rebuilt whole, so it stays one segment until the next rebuild.
            writer.forceMerge(1);
            writer.setLiveCommitData(Map.of(USER_DATA_LEDGER, Long.toString(version), USER_DATA_FORMAT, FORMAT).entrySet());
            writer.commit();
            searchers.maybeRefreshBlocking();
            return count[0];
        } catch (IOException e) {
            throw new StoreException("cannot write the search index " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Each current person's place in the order of romanised display names (then ids). */
    private Map<Long, Integer> nameOrder(org.jdbi.v3.core.Handle h) {
        record Key(String name, long id) {
        }
        List<Key> keys = new ArrayList<>();
        h.createQuery("SELECT id, display_name FROM person WHERE retired_at IS NULL").setFetchSize(10_000)
                .map((rs, ctx) -> keys.add(new Key(names.ascii(rs.getString(2)), rs.getLong(1))))
                .forEach(x -> { });
        keys.sort(java.util.Comparator.comparing(Key::name).thenComparingLong(Key::id));
        Map<Long, Integer> ranks = new HashMap<>(keys.size() * 2);
        for (int i = 0; i < keys.size(); i++) {
            ranks.put(keys.get(i).id(), i);
        }
        return ranks;
    }

    private final class PersonDoc {
        final long id;
        final String displayName;
        final String sex;
        final String birthYear;
        final String place;
        final String status;
        final boolean living;
        final Set<String> variants = new LinkedHashSet<>();
        final Set<String> keys = new LinkedHashSet<>();
        final Set<String> exact = new LinkedHashSet<>();
        final Set<String> sources = new LinkedHashSet<>();
        final Set<String> incidents = new LinkedHashSet<>();
        Integer age;

        PersonDoc(long id, String displayName, String sex, String birthYear, String place, String status, boolean living) {
            this.id = id;
            this.displayName = displayName;
            this.sex = sex;
            this.birthYear = birthYear;
            this.place = place;
            this.status = status;
            this.living = living;
            variants.add(displayName);
        }

        void names(String surname, String given, String patronymic) {
            for (String word : (surname + " " + given + " " + patronymic).split("\\s+")) {
                if (!word.isBlank()) {
                    keysOf(word, keys, exact);
                }
            }
        }
    }

    /** The keys a word of a name is found by: each reading (surname, given name) gives its folded form and family key. */
    private void keysOf(String word, Set<String> family, Set<String> folded) {
        for (NormalName n : List.of(names.surname(word), names.givenName(word))) {
            if (!n.isEmpty()) {
                folded.add(n.folded());
                family.add(n.familyKey());
            }
        }
        String ascii = names.ascii(word);
        if (!ascii.isEmpty()) {
            folded.add(ascii.replace(" ", ""));
        }
    }

    private void add(PersonDoc p, Map<Long, Integer> ranks) {
        Document d = new Document();
        d.add(new StringField("id", Long.toString(p.id), Field.Store.NO));
        d.add(new BinaryDocValuesField(HIT, hitValue(p)));
        d.add(new NumericDocValuesField("sort_rank", ranks.getOrDefault(p.id, Integer.MAX_VALUE)));
        d.add(new StringField("sex", p.sex, Field.Store.NO));
        d.add(new StringField("status", p.status, Field.Store.NO));
        if (p.living) {
            d.add(new StringField("living", "true", Field.Store.NO));
        }
        d.add(new StringField("place_key", names.placeName(p.place), Field.Store.NO));
        for (String s : p.sources) {
            d.add(new StringField("source", s, Field.Store.NO));
        }
        for (String i : p.incidents) {
            d.add(new StringField("incident", i, Field.Store.NO));
        }
        d.add(new StringField("age_group", ageGroup(p.age), Field.Store.NO));
        for (String k : p.keys) {
            d.add(new StringField("name_family", k, Field.Store.NO));
        }
        for (String k : p.exact) {
            d.add(new StringField("name_exact", k, Field.Store.NO));
        }
        try {
            writer.addDocument(d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What a result list shows of a person, in one binary doc value per document (field {@value #HIT}): id, display name,
     * sex, birth year, place, fate, then the sources and the name variants, each list after its length. Doc values are
     * stored uncompressed and addressed per document; the same fields as stored fields were decompressed from their
     * LZ4 block for every hit (a page of 25 decompressed 25 blocks), a fifth of a search's CPU and a third of the
     * server's allocation in bench/web.sh on a million persons.
     */
    private static BytesRef hitValue(PersonDoc p) {
        try {
            ByteBuffersDataOutput out = new ByteBuffersDataOutput();
            out.writeVLong(p.id);
            for (String field : List.of(p.displayName, p.sex, p.birthYear, p.place, p.status)) {
                out.writeString(field);
            }
            for (Set<String> list : List.of(p.sources, p.variants)) {
                out.writeVInt(list.size());
                for (String value : list) {
                    out.writeString(value);
                }
            }
            return new BytesRef(out.toArrayCopy());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Hit hit(BytesRef value) throws IOException {
        ByteArrayDataInput in = new ByteArrayDataInput(value.bytes, value.offset, value.length);
        long id = in.readVLong();
        String displayName = in.readString();
        String sex = in.readString();
        String birthYear = in.readString();
        String place = in.readString();
        String status = in.readString();
        List<String> sources = strings(in);
        return new Hit(id, displayName, sex, birthYear, place, status, sources, strings(in));
    }

    private static List<String> strings(ByteArrayDataInput in) throws IOException {
        String[] out = new String[in.readVInt()];
        for (int i = 0; i < out.length; i++) {
            out[i] = in.readString();
        }
        return List.of(out);
    }

    /** The age group of an age at the incident ({@code null}: not known). */
    static String ageGroup(Integer age) {
        return AgeGroup.of(age).label();
    }

    /**
     * The version of the index searches read now: it changes with every rebuild (a new commit opens a newer reader), so a
     * result kept with it is current while it stays.
     */
    public long version() {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return ((DirectoryReader) searcher.getIndexReader()).getVersion();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a search; a page past the first {@value #MAX_WINDOW} results is refused (narrow the search instead). */
    public Page search(SearchQuery q) {
        return search(q, null);
    }

    /** Runs a search within a restriction ({@code null}: none). */
    public Page search(SearchQuery q, Restriction restriction) {
        if (q.offset() < 0 || q.limit() < 1 || q.limit() > 500) {
            throw new BadInputException("a page starts at 0 or later and holds 1 to 500 persons, not offset " + q.offset() + ", limit " + q.limit());
        }
        if (q.offset() + q.limit() > MAX_WINDOW) {
            throw new BadInputException("only the first " + MAX_WINDOW + " results can be paged through; add a filter or more words");
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                long version = ((DirectoryReader) searcher.getIndexReader()).getVersion();
                ResultKey key = new ResultKey(q, restriction);
                Page known = remembered(version, key);
                if (known != null) {
                    return known;
                }
                Page page = run(q, restriction, searcher);
                remember(version, key, page);
                return page;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A search as asked: the page of results it gives depends on nothing else, for one version of the index. */
    private record ResultKey(SearchQuery query, Restriction restriction) {
    }

    /**
     * Results given by the index at {@link #resultsVersion}, the most recently used kept (Solr's query result cache, by
     * another name). The index changes only by a whole rebuild, which opens a searcher on a newer version: the first search
     * on it starts the cache afresh, so a result is never served from an index older than the one searched. A search
     * still running on the older searcher neither reads nor fills it. Pages are small (25 hits of a few hundred bytes):
     * {@value #RESULTS_KEPT} take a few megabytes.
     */
    private final Map<ResultKey, Page> results = new java.util.LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ResultKey, Page> eldest) {
            return size() > RESULTS_KEPT;
        }
    };
    private long resultsVersion = -1;
    static final int RESULTS_KEPT = 1_000;

    private Page remembered(long version, ResultKey key) {
        synchronized (results) {
            if (version > resultsVersion) {
                results.clear();
                resultsVersion = version;
            }
            return version == resultsVersion ? results.get(key) : null;
        }
    }

    private void remember(long version, ResultKey key, Page page) {
        synchronized (results) {
            if (version == resultsVersion) {
                results.put(key, page);
            }
        }
    }

    /** Runs the search on {@code searcher}. */
    private Page run(SearchQuery q, Restriction restriction, IndexSearcher searcher) throws IOException {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean any = false;
        for (String word : q.text().strip().split("\\s+")) {
            Set<String> family = new LinkedHashSet<>();
            Set<String> folded = new LinkedHashSet<>();
            keysOf(word, family, folded);
            if (family.isEmpty() && folded.isEmpty()) {
                continue;
            }
            BooleanQuery.Builder w = new BooleanQuery.Builder();
            folded.forEach(k -> w.add(new TermQuery(new Term("name_exact", k)), BooleanClause.Occur.SHOULD));
            family.forEach(k -> w.add(new TermQuery(new Term("name_family", k)), BooleanClause.Occur.SHOULD));
            b.add(w.build(), BooleanClause.Occur.MUST);
            any = true;
        }
        if (!any && !q.text().isBlank()) {
            // Words with no letter or digit in any script ("' OR 1=1 --") name nobody.
            return new Page(List.of(), 0, true, q.offset(), q.limit());
        }
        if (!any) {
            b.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
        }
        q.status().filter(s -> !s.isBlank()).ifPresent(s -> b.add(new TermQuery(new Term("status", s.toLowerCase(Locale.ROOT))), BooleanClause.Occur.FILTER));
        q.sex().filter(s -> !s.isBlank()).ifPresent(s -> b.add(new TermQuery(new Term("sex", s.toLowerCase(Locale.ROOT))), BooleanClause.Occur.FILTER));
        q.place().filter(s -> !s.isBlank()).ifPresent(s -> b.add(new TermQuery(new Term("place_key", names.placeName(s))), BooleanClause.Occur.FILTER));
        q.source().filter(s -> !s.isBlank()).ifPresent(s -> b.add(new TermQuery(new Term("source", s)), BooleanClause.Occur.FILTER));
        if (restriction != null) {
            restrictionClauses(restriction).forEach(b::add);
        }
        q.incident().filter(s -> !s.isBlank()).ifPresent(s -> b.add(new TermQuery(new Term("incident", s.strip())), BooleanClause.Occur.FILTER));
        Optional<String> ageGroup = q.ageGroup().filter(s -> !s.isBlank()).map(String::strip);
        if (ageGroup.isPresent() && !AGE_GROUPS.contains(ageGroup.get())) {
            throw new BadInputException("the age group must be one of " + String.join(", ", AGE_GROUPS) + ", not '" + ageGroup.get() + "'");
        }
        ageGroup.ifPresent(s -> b.add(new TermQuery(new Term("age_group", s)), BooleanClause.Occur.FILTER));
        Query query = b.build();
        int n = q.offset() + q.limit();
        // Sorted as the index is, the collector stops in each segment once the page is full and
        // COUNT_LIMIT matches have been counted: a common surname costs no more than a rare one.
        TopDocs top = searcher.search(query, new TopFieldCollectorManager(BY_NAME, n, null, COUNT_LIMIT));
        long total = top.totalHits.value();
        boolean exact = top.totalHits.relation() == TotalHits.Relation.EQUAL_TO;
        List<Hit> hits = new ArrayList<>();
        ScoreDoc[] docs = top.scoreDocs;
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        BinaryDocValues[] values = new BinaryDocValues[leaves.size()];
        for (int i = q.offset(); i < docs.length; i++) {
            int leaf = ReaderUtil.subIndex(docs[i].doc, leaves);
            int doc = docs[i].doc - leaves.get(leaf).docBase;
            // Doc values are read forwards; a segment's hits come in its order (the index's sort), so this is rare.
            if (values[leaf] == null || values[leaf].docID() >= doc) {
                values[leaf] = DocValues.getBinary(leaves.get(leaf).reader(), HIT);
            }
            if (!values[leaf].advanceExact(doc)) {
                throw new IllegalStateException("the search index " + directory + " has no values for a result; rebuild it with nomina index rebuild");
            }
            hits.add(hit(values[leaf].binaryValue()));
        }
        return new Page(List.copyOf(hits), total, exact, q.offset(), q.limit());
    }

    /** The clauses of the last restriction asked for: the memorial asks the same one for every search until a setting changes. */
    private volatile Map.Entry<Restriction, List<BooleanClause>> lastRestriction;

    /**
     * A restriction as query clauses, built once per restriction (a value: equal restrictions give equal clauses). Building
     * its term sets (sorted and packed) and their rewrites took a sixth of a public search's CPU.
     */
    private List<BooleanClause> restrictionClauses(Restriction restriction) {
        Map.Entry<Restriction, List<BooleanClause>> last = lastRestriction;
        if (last != null && last.getKey().equals(restriction)) {
            return last.getValue();
        }
        List<BooleanClause> clauses = new ArrayList<>();
        clauses.add(new BooleanClause(new TermInSetQuery("status", restriction.statuses().stream().map(BytesRef::new).toList()),
                BooleanClause.Occur.FILTER));
        if (restriction.excludeLiving()) {
            clauses.add(new BooleanClause(new TermQuery(new Term("living", "true")), BooleanClause.Occur.MUST_NOT));
        }
        if (!restriction.excludedIds().isEmpty()) {
            clauses.add(new BooleanClause(new TermInSetQuery("id", restriction.excludedIds().stream().map(id -> new BytesRef(Long.toString(id))).toList()),
                    BooleanClause.Occur.MUST_NOT));
        }
        restriction.anySource().ifPresent(sources -> clauses.add(new BooleanClause(
                new TermInSetQuery("source", sources.stream().map(BytesRef::new).toList()), BooleanClause.Occur.FILTER)));
        List<BooleanClause> built = List.copyOf(clauses);
        lastRestriction = Map.entry(restriction, built);
        return built;
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            dir.close();
        } catch (IOException e) {
            throw new StoreException("cannot close the search index " + directory + ": " + e.getMessage(), e);
        }
    }
}
