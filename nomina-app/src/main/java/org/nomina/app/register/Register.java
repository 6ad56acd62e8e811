package org.nomina.app.register;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.nomina.engine.linkage.LinkageCancelledException;
import org.nomina.engine.linkage.LinkageConfig;
import org.nomina.engine.names.NameNormaliser;
import org.nomina.store.BadInputException;
import org.nomina.store.Database;
import org.nomina.engine.domain.PartialDate;
import org.nomina.engine.fates.Subgroups;
import org.nomina.store.audit.AccessAudit;
import org.nomina.store.claims.ClaimExporter;
import org.nomina.store.export.RecordExporter;
import org.nomina.store.export.RegisterExporter;
import org.nomina.store.figures.Explanation;
import org.nomina.store.figures.Figures;
import org.nomina.store.figures.PersonStats;
import org.nomina.store.incidents.Incidents;
import org.nomina.store.verify.Verifier;
import org.nomina.store.stats.Stats;
import org.nomina.store.imports.ImportRequest;
import org.nomina.store.imports.ImportResult;
import org.nomina.store.imports.Importer;
import org.nomina.store.linkage.RegisterLinker;
import org.nomina.store.linkage.ReviewClaims;
import org.nomina.store.linkage.ReviewQueue;
import org.nomina.store.persons.PersonCorrections;
import org.nomina.store.persons.PersonShow;
import org.nomina.store.search.RegisterIndex;
import org.nomina.store.search.RegisterReader;
import org.nomina.store.users.Role;
import org.nomina.store.users.Users;

/**
 * The register as an application: every operation the web pages (and, in time, the command line) need,
 * over one pooled, closeable database and the search index beside it, returning typed results. Errors
 * are {@link BadInputException}s that name the field or value at fault; long work (imports, links) runs
 * as a {@link Job} whose progress anyone may poll, and stops with {@link CancelledException}.
 * Thread-safe.
 */
public final class Register implements AutoCloseable {

    /** The consensus fields of a person an editor may correct. */
    public static final List<String> CORRECTABLE_FIELDS = PersonCorrections.FIELDS;
    /** Connections in the pool: the server's request threads share them. */
    public static final int POOL_SIZE = 16;
    /** How often a search checks whether the register changed since the index was built. */
    private static final Duration STALENESS_CHECK = Duration.ofSeconds(2);

    private final Database db;
    private final Path indexDirectory;
    /** Opened on first use: a command that never searches (user list, verify …) never opens the index. */
    private RegisterIndex index;
    private final Users users;
    private final AccessAudit audit;
    private final RegisterReader reader;
    private final Jobs jobs = new Jobs();
    private final java.util.concurrent.ExecutorService indexer = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "nomina-index");
        t.setDaemon(true);
        return t;
    });
    private final Path uploads;
    private final Publication publication;
    private final Statements statements;
    private final Claims claims;
    private volatile Instant lastStalenessCheck = Instant.EPOCH;
    private volatile boolean rebuilding;

    private Register(Database db, Path indexDirectory, Path uploads) {
        this.db = db;
        this.indexDirectory = indexDirectory;
        this.users = new Users(db);
        this.audit = new AccessAudit(db);
        this.reader = new RegisterReader(db);
        this.uploads = uploads;
        this.publication = new Publication(this, db);
        this.statements = new Statements(db);
        this.claims = new Claims(db);
    }

    /** The figures statements claim, and how they compare with the register's counts. */
    public Claims claims() {
        return claims;
    }

    /** An incident's report (figures with their claims, the estimate, the charts, the ledger head) as HTML or PDF. */
    public Reports.Report report(Optional<String> incident, Reports.Format format) {
        return new Reports(db).make(incident, format);
    }

    /** What the public may see, and the settings and submissions behind it (issue 12). */
    public Publication publication() {
        return publication;
    }

    /**
     * Opens the register at {@code url} with its search index in {@code indexDirectory}, building the index
     * when it is missing or behind the database.
     */
    public static Register open(String url, Path indexDirectory) {
        Register register = open(Database.open(url, POOL_SIZE), indexDirectory);
        try {
            RegisterIndex opened = register.index();
            if (opened.isStale(register.db)) {
                opened.rebuild(register.db);
            }
            return register;
        } catch (RuntimeException e) {
            register.close();
            throw e;
        }
    }

    /**
     * Opens the register for one command of the command line: no connection pool (a command uses one
     * connection at a time), and the search index in {@code indexDirectory} opened only if the command
     * searches or rebuilds it.
     */
    public static Register openForCommand(String url, Path indexDirectory) {
        return open(Database.open(url), indexDirectory);
    }

    private static Register open(Database db, Path indexDirectory) {
        try {
            return new Register(db, indexDirectory, Files.createTempDirectory("nomina-uploads"));
        } catch (IOException e) {
            db.close();
            throw new UncheckedIOException(e);
        }
    }

    /** The search index, opened when first needed. */
    synchronized RegisterIndex index() {
        if (index == null) {
            index = RegisterIndex.open(indexDirectory);
        }
        return index;
    }

    /** Where the search index of a database lives: beside an H2 file, else under {@code ./nomina-index/}. */
    public static Path indexDirectoryFor(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:h2:file:")) {
            Path file = Path.of(url.substring("jdbc:h2:file:".length()).split(";", 2)[0]).toAbsolutePath();
            return file.resolveSibling(file.getFileName() + "-index");
        }
        return Path.of("nomina-index", Integer.toHexString(url.replaceAll("(?i)(password=)[^&;]*", "").hashCode()));
    }

    public String describe() {
        return db.describe();
    }

    /**
     * Who acts at the command line: whoever may run it holds the database, so every operation is open to
     * them (the role is administrator's); {@code actor} is the name the ledger and the audit record.
     */
    public static Viewer commandLine(String actor) {
        return new Viewer(actor, Role.ADMIN, "");
    }

    /** The H2 file database in {@code directory}, as the demo keeps its own. */
    public static String h2Url(Path directory) {
        return Database.h2Url(directory);
    }

    /** The register when no URL is given: an H2 file under {@code ./nomina-data/}. */
    public static String defaultUrl() {
        return h2Url(Path.of(Database.DEFAULT_DIRECTORY));
    }

    // --- the register as a whole ----------------------------------------------------------------------

    /** Recomputes the ledger's hash chain and every imported version's digest. */
    public Verifier.Report verify() {
        return Verifier.verify(db.jdbi());
    }

    /** The source records counted by source, status, sex, age group and place. */
    public Stats.Summary recordStats() {
        return Stats.summarise(db.jdbi());
    }

    /** The persons counted by fate, sex, age group, place and incident; empty before the first link. */
    public Optional<PersonStats> personStats() {
        return PersonStats.compute(db.jdbi());
    }

    /** A person with every source record, history per incident and family, as {@code person show} prints it. */
    public PersonShow show(long personId) {
        return PersonShow.load(db.jdbi(), personId);
    }

    /** The figures categories {@code figures} counts, in the order it prints them. */
    public static final List<String> FIGURE_CATEGORIES = Figures.CATEGORIES;

    /**
     * The register's figures for an incident and its sub-incidents (empty: the whole register), as the
     * sources known by {@code asOf} stated them.
     *
     * @throws BadInputException naming the incident that is not one, or when no persons are linked yet
     */
    public Figures.Report figures(Optional<String> incident, Optional<PartialDate> asOf, Subgroups subgroups) {
        return Figures.compute(db.jdbi(), incident, asOf, subgroups);
    }

    /** Writes the figures projection for the register as it is now, unless it is current; says what it did. */
    public String refreshFigures() {
        return Figures.refresh(db.jdbi());
    }

    /** The persons (or families) behind one figure, with their source records. */
    public Explanation explain(Figures.Figure figure) {
        return Explanation.of(db.jdbi(), figure);
    }

    /** What {@link #export} writes: one row per source record, person, record's person, family link, or claim. */
    public enum Export { RECORDS, PERSONS, CLUSTERS, FAMILIES, CLAIMS }

    /** Writes the register's {@code what} as CSV (or a JSON array) to {@code out}; returns the rows written. */
    public long export(Export what, boolean json, java.io.Writer out) {
        RecordExporter.Format f = json ? RecordExporter.Format.JSON : RecordExporter.Format.CSV;
        return switch (what) {
            case RECORDS -> RecordExporter.export(db.jdbi(), f, out);
            case CLUSTERS -> RegisterExporter.clusters(db.jdbi(), f, out);
            case PERSONS -> RegisterExporter.persons(db.jdbi(), f, out);
            case FAMILIES -> RegisterExporter.families(db.jdbi(), f, out);
            case CLAIMS -> ClaimExporter.export(db, json, out);
        };
    }

    // --- imports, links and estimates, as the command line runs them ----------------------------------

    /** The review pairs a link keeps in the queue at most (the most probable). */
    public static final int MAX_REVIEW_STORED = RegisterLinker.MAX_REVIEW_STORED;

    /**
     * Imports one list as a new version of its source, reporting the rows read as the stage and the bytes
     * read of the file's size.
     *
     * @throws BadInputException naming the file, row, column and value; a bad file changes nothing
     */
    public ImportResult importList(ImportRequest request, Progress progress) {
        return new Importer(db).importFile(request, (rows, bytes, total) -> progress.at(String.format("%,d rows", rows), bytes, total));
    }

    /**
     * Links every source record into persons, honouring every human decision.
     *
     * @throws CancelledException when {@code progress} cancels it; nothing of the link is kept
     */
    public RegisterLinker.Outcome link(LinkageConfig config, String actor, Progress progress) {
        try {
            return RegisterLinker.link(db, config, actor, progress::at);
        } catch (LinkageCancelledException e) {
            throw new CancelledException("linking the register");
        }
    }

    /** What {@link #build} made: each list's import, in order, and the link over them all. */
    public record Built(List<ImportResult> imports, RegisterLinker.Outcome linked) {
    }

    /**
     * Imports the lists one after another, then links the register with the default configuration: how a
     * new register (the demo's) is built. {@code importing} gives each list's progress.
     */
    public Built build(List<ImportRequest> lists, String actor, java.util.function.Function<ImportRequest, Progress> importing, Progress linking) {
        List<ImportResult> imports = new ArrayList<>();
        for (ImportRequest list : lists) {
            imports.add(importList(list, importing.apply(list)));
        }
        return new Built(List.copyOf(imports), link(LinkageConfig.defaults(), actor, linking));
    }

    /** Estimates the register's linked persons of {@code status} (empty: all), by stratum of {@code by} when given. */
    public Estimates.Estimate estimate(Optional<String> status, Optional<String> by, Estimates.Settings settings) {
        return Estimates.ofRegister(db, status, by, settings);
    }

    // --- incidents ------------------------------------------------------------------------------------

    /** Adds an incident; dates are read as imports read them, a parent named must exist. */
    public Incidents.Incident addIncident(String name, Optional<String> parent, Optional<String> from, Optional<String> to,
                                          Optional<String> place, Optional<String> kind, String actor) {
        return Incidents.add(db.jdbi(), name, parent, from, to, place, kind, actor);
    }

    public List<Incidents.Incident> incidents() {
        return db.jdbi().withHandle(Incidents::list);
    }

    // --- users and sessions -------------------------------------------------------------------------

    public LoginResult login(String username, char[] password, String remote) {
        return switch (users.login(username == null ? "" : username, password, remote)) {
            case Users.Login.Success s -> new LoginResult.SignedIn(s.session().token(), viewer(s.session()));
            case Users.Login.Refused r -> new LoginResult.Refused();
            case Users.Login.LockedOut l -> new LoginResult.LockedOut(l.until());
            case Users.Login.RateLimited r -> new LoginResult.RateLimited();
        };
    }

    private static Viewer viewer(Users.Session s) {
        return new Viewer(s.user().username(), s.user().role(), s.csrfToken());
    }

    /** How long a session lasts after signing in. */
    public static final Duration SESSION_LIFETIME = Users.SESSION_LIFETIME;

    /** A fresh random token (256 bits, hex), e.g. for a form's CSRF field before anyone signed in. */
    public static String newToken() {
        return Users.randomToken();
    }

    /**
     * How long a session read from the database answers for it: every page and API request asks who sent it,
     * and the database's answer cost a query each. Signing out or disabling a user here forgets at once; a
     * user disabled by another process (the command line) loses their session within this.
     */
    static final Duration SESSION_CACHE = Duration.ofSeconds(5);
    /** At most this many sessions are remembered; past it the cache starts afresh. */
    private static final int SESSION_CACHE_MAX = 10_000;

    private record CachedSession(Viewer viewer, long readAtNanos) {
    }

    private final java.util.concurrent.ConcurrentHashMap<String, CachedSession> sessions = new java.util.concurrent.ConcurrentHashMap<>();

    public Optional<Viewer> session(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        CachedSession cached = sessions.get(token);
        if (cached != null && now - cached.readAtNanos() < SESSION_CACHE.toNanos()) {
            return Optional.of(cached.viewer());
        }
        Optional<Viewer> viewer = users.session(token).map(Register::viewer);
        if (viewer.isEmpty()) {
            sessions.remove(token);
            return viewer; // an unknown or ended session is not remembered: nobody can fill the cache with made-up tokens
        }
        if (sessions.size() >= SESSION_CACHE_MAX) {
            sessions.clear();
        }
        sessions.put(token, new CachedSession(viewer.get(), now));
        return viewer;
    }

    public void logout(String token) {
        if (token != null) {
            sessions.remove(token);
        }
        users.endSession(token);
    }

    public Users.User addUser(String username, Role role, char[] password, String actor) {
        return users.add(username, role, password, actor);
    }

    public List<Users.User> users() {
        return users.list();
    }

    public Users.User disableUser(String username, String actor) {
        Users.User disabled = users.disable(username, actor);
        sessions.clear(); // the user's sessions end now, not when the cache would next ask
        return disabled;
    }

    // --- search ---------------------------------------------------------------------------------------

    /** Searches the register, first bringing the index up to date if the register changed (imports, links). */
    public RegisterIndex.Page search(RegisterIndex.SearchQuery query) {
        refreshIndexIfStale();
        return index().search(query);
    }

    /**
     * Starts a rebuild in the background when the register changed behind the index (an import or link by
     * the command line); searches meanwhile answer from the index as it was.
     */
    void refreshIndexIfStale() {
        Instant now = Instant.now();
        if (rebuilding || Duration.between(lastStalenessCheck, now).compareTo(STALENESS_CHECK) < 0) {
            return;
        }
        lastStalenessCheck = now;
        if (index().isStale(db)) {
            rebuilding = true;
            indexer.submit(this::rebuildIndex);
        }
    }

    /** Rebuilds the search index from the database; returns the persons indexed. */
    public synchronized long rebuildIndex() {
        rebuilding = true;
        choices = new FilterChoices(Instant.EPOCH, List.of(), List.of());
        try {
            return index().rebuild(db);
        } finally {
            rebuilding = false;
        }
    }

    // --- persons --------------------------------------------------------------------------------------

    /**
     * A person as {@code viewer} may see them; every protected value on the page, shown or masked, is
     * written to the access audit with {@code path}.
     */
    public Optional<PersonPage> person(long id, Viewer viewer, String path) {
        // One connection and one transaction for the page: the person and their records read once (for the columns and for
        // the history and family), and the audit rows written in the same transaction, committed before the page is shown.
        return db.jdbi().inTransaction(h -> {
            Optional<RegisterReader.PersonWithRecords> found = RegisterReader.personWithRecords(h, id);
            if (found.isEmpty()) {
                return Optional.<PersonPage>empty();
            }
            RegisterReader.Person p = found.get().person();
            boolean sees = viewer.role().seesProtected();
            List<AccessAudit.View> views = new ArrayList<>();
            List<PersonPage.Column> columns = new ArrayList<>();
            Set<String> variants = new LinkedHashSet<>();
            variants.add(p.displayName());
            int[] counts = {0, 0};
            for (RegisterReader.SourceRecord r : found.get().records()) {
                if (!r.fullName().isBlank()) {
                    variants.add(r.fullName());
                }
                columns.add(column(r, p.living(), viewer, Optional.of(id), path, views, counts));
            }
            AccessAudit.record(h, views);
            NameNormaliser names = NameNormaliser.shared();
            List<String> romanised = variants.stream().map(v -> romanise(names, v)).distinct().toList();
            boolean livingMasked = p.living() && !sees;
            // A living person's history and family are not shown below editor: not read either.
            PersonShow show = livingMasked ? null : PersonShow.of(h, id, p.displayName(), p.sex(), p.birthYear(), p.place(),
                    p.retiredAt().isPresent(), found.get().lines());
            return Optional.of(new PersonPage(p, columns, List.copyOf(variants), romanised, livingMasked, counts[0], counts[1],
                    livingMasked ? List.of() : show.history(), livingMasked ? List.of() : show.family(),
                    // Most persons were never corrected: the person's row says so, and the list is read only when there is one.
                    p.corrected() ? PersonCorrections.list(h, id) : List.of()));
        });
    }

    /**
     * One source record as {@code viewer} may see it: protected values (id numbers, addresses, notes, columns
     * naming witnesses or contacts, everything but the name of a living person) masked below editor, and
     * each one, shown or masked, added to {@code views} for the access audit.
     */
    private static PersonPage.Column column(RegisterReader.SourceRecord r, boolean living, Viewer viewer, Optional<Long> personId, String path,
                                            List<AccessAudit.View> views, int[] counts) {
        boolean sees = viewer.role().seesProtected();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("full_name", r.fullName());
        fields.put("surname", r.surname());
        fields.put("given_name", r.givenName());
        fields.put("patronymic", r.patronymic());
        fields.put("sex", r.sex() + (r.sexInferred() ? " (inferred)" : ""));
        fields.put("birth", r.birth());
        fields.put("age", r.age());
        fields.put("place", r.place());
        fields.put("address", r.address());
        fields.put("id_number", r.idNumber());
        fields.put("incident", r.incident());
        fields.put("status", r.status());
        fields.put("notes", r.notes());
        r.extra().forEach((k, v) -> fields.put("extra." + k, v));
        Set<String> protectedValues = new LinkedHashSet<>();
        Map<String, String> shownFields = new LinkedHashMap<>();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            boolean isProtected = !f.getValue().isBlank() && (Protection.FIELDS.contains(f.getKey())
                    || (f.getKey().startsWith("extra.") && Protection.protectedHeader(f.getKey().substring(6)))
                    || (living && !Protection.LIVING_VISIBLE.contains(f.getKey())));
            if (isProtected) {
                protectedValues.add(f.getValue());
                views.add(new AccessAudit.View(AccessAudit.now(), viewer.username(), viewer.role().label(), personId,
                        Optional.of(r.key()), f.getKey(), sees, path));
                counts[sees ? 0 : 1]++;
            }
            shownFields.put(f.getKey(), isProtected && !sees ? Protection.MASK : f.getValue());
        }
        Map<String, String> verbatim = new LinkedHashMap<>();
        r.verbatim().forEach((header, value) -> {
            boolean isProtected = !value.isBlank() && (protectedValues.contains(value.strip()) || Protection.protectedHeader(header));
            verbatim.put(header, isProtected && !sees ? Protection.MASK : value);
        });
        return new PersonPage.Column(r.key(), r.source(), r.version(), r.recordId(), r.row(), shownFields, verbatim,
                r.problems().stream().map(String::valueOf).toList());
    }

    /** A page of one source's records as the source wrote them, masked and audited as on a person's page. */
    public record SourceRecords(long sourceId, String source, List<PersonPage.Column> records, List<Optional<Long>> personIds, long total) {
    }

    /** The records of source {@code sourceId} as {@code viewer} may see them; empty when there is no such source. */
    public Optional<SourceRecords> sourceRecords(Viewer viewer, long sourceId, int offset, int limit, String path) {
        require(viewer, Role.VIEWER, "read source records");
        Optional<RegisterReader.RecordPage> page = reader.sourceRecords(sourceId, offset, limit);
        if (page.isEmpty()) {
            return Optional.empty();
        }
        List<AccessAudit.View> views = new ArrayList<>();
        int[] counts = {0, 0};
        List<PersonPage.Column> columns = new ArrayList<>();
        List<Optional<Long>> persons = new ArrayList<>();
        for (RegisterReader.LinkedRecord r : page.get().records()) {
            columns.add(column(r.record(), r.living(), viewer, r.personId(), path, views, counts));
            persons.add(r.personId());
        }
        audit.record(views);
        return Optional.of(new SourceRecords(sourceId, page.get().source(), columns, persons, page.get().total()));
    }

    /**
     * An editor's correction of one consensus value of a person: a new version with a reason, ledgered;
     * the search index follows within seconds (a register change triggers its rebuild).
     *
     * @throws NotAllowedException for a role below editor
     * @throws BadInputException   naming the field or value (an empty reason, an unknown field, an impossible value)
     */
    public PersonCorrections.Correction correct(Viewer editor, long personId, String field, String value, String reason) {
        require(editor, Role.EDITOR, "correct persons");
        return PersonCorrections.correct(db.jdbi(), personId, field, value, reason, editor.username());
    }

    private static String romanise(NameNormaliser names, String name) {
        StringBuilder out = new StringBuilder();
        for (String word : names.ascii(name).split(" ")) {
            if (!word.isEmpty()) {
                out.append(out.isEmpty() ? "" : " ").append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return out.toString();
    }

    public List<AccessAudit.View> auditViews(int limit, Optional<String> username, Optional<Long> personId) {
        return audit.list(limit, username, personId);
    }

    // --- review ---------------------------------------------------------------------------------------

    /** The pair at {@code position} that no other reviewer holds, now held by this reviewer. */
    public Optional<ReviewClaims.Held> reviewAt(Viewer reviewer, int position) {
        require(reviewer, Role.REVIEWER, "review pairs");
        return ReviewClaims.claim(db, reviewer.username(), position);
    }

    public ReviewQueue.Decided decide(Viewer reviewer, long recordA, long recordB, String verdict, String note) {
        return decide(reviewer, Long.toString(recordA), Long.toString(recordB), verdict, note);
    }

    public Optional<ReviewClaims.Withdrawn> undoLatestDecision(Viewer reviewer) {
        require(reviewer, Role.REVIEWER, "take back decisions");
        return ReviewClaims.undoLatest(db, reviewer.username());
    }

    public int pendingPairs() {
        return ReviewQueue.pendingCount(db);
    }

    /** The {@code limit} most probable pairs awaiting review, with each field's weight. */
    public List<ReviewQueue.Pending> pendingPairs(int limit) {
        return ReviewQueue.pending(db, limit);
    }

    /**
     * A reviewer's decision on two records named by key or {@code SOURCE:RECORD_ID}, ledgered and honoured by
     * every later link.
     *
     * @throws BadInputException naming the record or the verdict that is not one
     */
    public ReviewQueue.Decided decide(Viewer reviewer, String recordA, String recordB, String verdict, String note) {
        require(reviewer, Role.REVIEWER, "decide pairs");
        ReviewQueue.Decided d = ReviewQueue.decide(db, recordA, recordB, ReviewQueue.verdict(verdict), reviewer.username(), note);
        ReviewClaims.release(db, reviewer.username());
        return d;
    }

    // --- sources and imports --------------------------------------------------------------------------

    public List<RegisterReader.Source> sources() {
        return reader.sources();
    }

    /** The register's filter choices, read at most every {@link #STALENESS_CHECK}: every search page shows them. */
    private record FilterChoices(Instant read, List<String> sources, List<String> incidents) {
    }

    private volatile FilterChoices choices = new FilterChoices(Instant.EPOCH, List.of(), List.of());

    private FilterChoices choices() {
        FilterChoices c = choices;
        if (Duration.between(c.read(), Instant.now()).compareTo(STALENESS_CHECK) >= 0) {
            c = new FilterChoices(Instant.now(), reader.sourceNames(), db.jdbi().withHandle(org.nomina.store.incidents.Incidents::list).stream()
                    .map(org.nomina.store.incidents.Incidents.Incident::name).sorted().toList());
            choices = c;
        }
        return c;
    }

    /** The incidents' names, for the register's filter (a filter by one counts its sub-incidents). */
    public List<String> incidentNames() {
        return choices().incidents();
    }

    /** The sources' names, for the register's filter. */
    public List<String> sourceNames() {
        return choices().sources();
    }

    public Optional<RegisterReader.VersionDetail> version(long id) {
        return reader.version(id, 1000);
    }

    public Optional<RegisterReader.LedgerHead> ledgerHead() {
        return reader.ledgerHead();
    }

    /** A file uploaded for import, kept in a private temporary directory under an unguessable id. */
    public record Upload(String id, String fileName, Path path) {
    }

    /** What an import of the upload would do, found by importing it into a throw-away in-memory database. */
    public record Preview(Upload upload, ImportResult result, List<RegisterReader.SourceRecord> firstRecords, String mappingYaml) {
    }

    public Upload keepUpload(String fileName, java.io.InputStream content) {
        String id = Users.randomToken().substring(0, 24);
        String safe = Path.of(fileName == null || fileName.isBlank() ? "upload.csv" : fileName).getFileName().toString()
                .replaceAll("[^\\p{L}\\p{N}._-]", "_");
        try {
            Path dir = Files.createDirectories(uploads.resolve(id));
            Path file = dir.resolve(safe);
            Files.copy(content, file);
            return new Upload(id, safe, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<Upload> upload(String id) {
        if (id == null || !id.matches("[0-9a-f]{24}")) {
            return Optional.empty();
        }
        try (var files = Files.list(uploads.resolve(id))) {
            return files.filter(f -> !f.getFileName().toString().equals("mapping.yaml")).findFirst()
                    .map(f -> new Upload(id, f.getFileName().toString(), f));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Previews an upload with the given mapping (YAML; empty: detect), importing it into an in-memory
     * database with the real importer, so that the preview reports exactly the rejects and warnings the
     * import will.
     *
     * @throws BadInputException as the import would, naming the file, row, column and value
     */
    public Preview preview(Upload upload, MappingChoice mapping) {
        String memory = "jdbc:h2:mem:preview-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Database scratch = Database.open(memory);
        try {
            Optional<Path> mappingFile = writeMapping(upload, mapping);
            ImportResult result = new Importer(scratch).importFile(new ImportRequest(upload.path(), "preview", mappingFile,
                    mapping.encoding(), mapping.delimiter(), "preview"), Importer.Progress.NONE);
            List<RegisterReader.SourceRecord> first = new RegisterReader(scratch).firstRecords(10);
            String yaml = MappingChoice.fromColumns(result.columns(), result.encoding(), result.delimiter(), mapping).toYaml();
            return new Preview(upload, result, first, yaml);
        } finally {
            scratch.close();
            shutdown(memory);
        }
    }

    /** Drops an in-memory H2 database. Plain JDBC: SHUTDOWN closes the connection under the statement. */
    private static void shutdown(String memoryUrl) {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(memoryUrl, "sa", "");
             java.sql.Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (java.sql.SQLException e) {
            // H2 reports the connection it closed; the database is gone either way.
        }
    }

    private static Optional<Path> writeMapping(Upload upload, MappingChoice mapping) {
        if (mapping.columns().isEmpty()) {
            return Optional.empty();
        }
        try {
            Path file = upload.path().resolveSibling("mapping.yaml");
            Files.writeString(file, mapping.toYaml(), StandardCharsets.UTF_8);
            return Optional.of(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Imports an upload as a new version of {@code source}, in the background. */
    public Job startImport(Viewer editor, Upload upload, String source, MappingChoice mapping) {
        require(editor, Role.EDITOR, "import lists");
        if (source == null || source.isBlank()) {
            throw new BadInputException("the source needs a name (e.g. \"Hospital list 1992\")");
        }
        Optional<Path> mappingFile = writeMapping(upload, mapping);
        return jobs.start("import", "importing " + upload.fileName() + " into " + source.strip(), editor.username(), job -> {
            ImportResult r = importList(new ImportRequest(upload.path(), source.strip(), mappingFile, mapping.encoding(),
                    mapping.delimiter(), editor.username()), job::progress);
            rebuildIndex();
            return new ImportDone(r, reader.newestVersion(r.source()).orElse(0L));
        });
    }

    /** An import that finished, with the id of the version it wrote (or found already imported). */
    public record ImportDone(ImportResult result, long versionId) {
    }

    /** Links every source record into persons, in the background; the index is rebuilt after. */
    public Job startLink(Viewer editor) {
        require(editor, Role.EDITOR, "link the register");
        return jobs.start("link", "linking the register", editor.username(), job -> {
            RegisterLinker.Outcome o = link(LinkageConfig.defaults(), editor.username(), job::progress);
            rebuildIndex();
            return o;
        });
    }

    /** The result of an estimate job: the incident (empty: the whole register) and what the estimate gave. */
    public record EstimateDone(Optional<String> incident, org.nomina.engine.estimation.EstimationOutcome outcome) {
    }

    /** The statement of an incident for the dashboard; its estimate only when one is kept for the register as it is. */
    public Statements.Statement statement(Viewer viewer, Optional<String> incident) {
        require(viewer, Role.VIEWER, "read the figures");
        return statements.statement(incident, false, true);
    }

    /** Computes the estimate of an incident's killed in the background (seconds), kept for the register as it is now. */
    public Job startEstimate(Viewer viewer, Optional<String> incident) {
        require(viewer, Role.VIEWER, "estimate the killed");
        String title = "estimating the killed of " + incident.orElse("the whole register");
        return jobs.start("estimate", title, viewer.username(), job -> {
            job.progress("sampling", 0, 1);
            org.nomina.engine.estimation.EstimationOutcome o = statements.estimate(incident);
            job.progress("done", 1, 1);
            return new EstimateDone(incident, o);
        });
    }

    public Optional<Job.Snapshot> job(String id) {
        return jobs.find(id).map(Job::snapshot);
    }

    public List<Job.Snapshot> recentJobs() {
        return jobs.recent();
    }

    public void cancel(Viewer viewer, String jobId) {
        require(viewer, Role.EDITOR, "cancel jobs");
        jobs.find(jobId).ifPresent(Job::cancel);
    }

    static void require(Viewer viewer, Role role, String what) {
        if (!viewer.may(role)) {
            throw new NotAllowedException(viewer.username() + " (" + viewer.role().label() + ") may not " + what + "; that needs the role "
                    + role.label() + " or higher");
        }
    }

    @Override
    public void close() {
        jobs.close();
        indexer.shutdown();
        try {
            indexer.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (index != null) {
                index.close();
            }
        }
        db.close();
        try (var walk = Files.walk(uploads)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // the temporary directory is the system's to clean up then
        }
    }
}
