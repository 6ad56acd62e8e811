package org.nomina.app.register;

import java.time.Duration;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.nomina.store.Database;
import org.nomina.engine.fates.Subgroups;
import org.nomina.store.figures.Figures;
import org.nomina.store.incidents.Incidents;
import org.nomina.store.publish.ApiTokens;
import org.nomina.store.publish.Corrections;
import org.nomina.store.publish.PublicProjection;
import org.nomina.store.search.RegisterIndex;
import org.nomina.store.users.Role;

/**
 * Publishing as an application: the public memorial's search and pages through the
 * {@link PublicProjection}, withholding persons and setting sources (editors), and the corrections
 * families send (rate-limited per address; read by editors).
 */
public final class Publication {
    /** Corrections one address may send within {@link #CORRECTION_WINDOW}. */
    public static final int CORRECTIONS_PER_WINDOW = 5;
    public static final Duration CORRECTION_WINDOW = Duration.ofMinutes(10);
    /**
     * Addresses whose recent corrections are remembered. Beyond it, addresses quiet for a window are forgotten; if
     * that is not enough (a flood from that many addresses within ten minutes), new addresses wait too.
     */
    static final int TRACKED_ADDRESSES = 10_000;

    private final Register register;
    private final PublicProjection projection;
    private final Corrections corrections;
    private final SenderLimit senders = new SenderLimit(CORRECTIONS_PER_WINDOW, CORRECTION_WINDOW, TRACKED_ADDRESSES, Clock.systemUTC());
    private final Database db;
    private final ApiTokens tokens;

    Publication(Register register, Database db) {
        this.register = register;
        this.db = db;
        this.tokens = new ApiTokens(db);
        this.projection = new PublicProjection(db);
        this.corrections = new Corrections(db);
    }

    /** A bearer token for {@code username}'s API calls; the secret is in the result only (its hash is kept). */
    public ApiTokens.Created createToken(String username, String label, Optional<Integer> expiresDays, String actor) {
        return tokens.create(username, label, expiresDays, actor);
    }

    public List<ApiTokens.Token> tokens() {
        return tokens.list();
    }

    /** Revokes a token at once; {@code id} is its 12 hex digits. */
    public ApiTokens.Token revokeToken(String id, String actor) {
        return tokens.revoke(id, actor);
    }

    /** Who a bearer token acts as, when it is valid (the API's alternative to a session cookie). */
    public Optional<Viewer> bearer(String secret) {
        return tokens.bearer(secret).map(b -> new Viewer(b.username(), b.role(), ""));
    }

    /** The register's figures for an incident (empty: the whole register), as {@code nomina figures} counts them. */
    public Figures.Report figures(Viewer viewer, Optional<String> incident) {
        Register.require(viewer, Role.VIEWER, "read the figures");
        return Figures.compute(db.jdbi(), incident, Optional.empty(), Subgroups.DEFAULT);
    }

    /** Every claim (of an incident's label or assigned to it), with its current reading: {@code nomina claims list}. */
    public List<org.nomina.store.claims.StoredClaim> claims(Viewer viewer, Optional<String> incident) {
        Register.require(viewer, Role.VIEWER, "read the claims");
        return new org.nomina.store.claims.ClaimStore(db).list(incident);
    }

    public List<Incidents.Incident> incidents(Viewer viewer) {
        Register.require(viewer, Role.VIEWER, "read the incidents");
        return db.jdbi().withHandle(Incidents::list);
    }

    /**
     * What every public page and response depends on, read now: the projection's {@link PublicProjection.Version} and the
     * search index's version (the index object itself too: an index of an old format is recreated). A response built after
     * reading it is at least as new as it, so a response kept under an equal version may be served again.
     */
    public record Version(PublicProjection.Version projection, RegisterIndex index, long indexVersion) {
    }

    public Version version() {
        register.refreshIndexIfStale();
        RegisterIndex index = register.index();
        long indexVersion = index.version();
        return new Version(projection.version(), index, indexVersion);
    }

    public PublicProjection.Page search(String text, int offset, int limit) {
        register.refreshIndexIfStale();
        return projection.search(register.index(), text == null ? "" : text, offset, limit);
    }

    public Optional<PublicProjection.PublicPerson> person(long id) {
        return projection.person(id);
    }

    public PublicProjection.Withheld withhold(Viewer editor, long personId, String reason) {
        Register.require(editor, Role.EDITOR, "withhold persons from publication");
        return projection.withhold(personId, reason, editor.username());
    }

    public boolean release(Viewer editor, long personId) {
        Register.require(editor, Role.EDITOR, "publish withheld persons");
        return projection.release(personId, editor.username());
    }

    public List<PublicProjection.Withheld> withheldAll(Viewer editor) {
        Register.require(editor, Role.EDITOR, "list the withheld persons");
        return projection.withheld();
    }

    /** Sets whether a source's records may be published, and the title the public sees (empty: its name). */
    public PublicProjection.SourceSetting setSource(Viewer editor, String source, boolean published, String publicTitle) {
        Register.require(editor, Role.EDITOR, "set what is published");
        return projection.setSource(source, published, publicTitle, editor.username());
    }

    public List<PublicProjection.SourceSetting> sources(Viewer editor) {
        Register.require(editor, Role.EDITOR, "read the publication settings");
        return projection.sources();
    }

    public Optional<PublicProjection.Withheld> withheld(long personId) {
        return projection.withheld(personId);
    }

    /** The outcome of a family's correction. */
    public enum Sent { STORED, RATE_LIMITED, NOT_PUBLIC }

    /**
     * Stores a correction of a public person's entry for an editor; nothing public changes. An address that
     * sent {@value #CORRECTIONS_PER_WINDOW} within ten minutes waits.
     */
    public Sent submitCorrection(long personId, String name, String contact, String message, String language, String remote) {
        if (projection.person(personId).isEmpty()) {
            return Sent.NOT_PUBLIC;
        }
        boolean sent = senders.trySend(remote, () -> corrections.submit(personId, name, contact, message, language, remote));
        return sent ? Sent.STORED : Sent.RATE_LIMITED;
    }

    /** The corrections families sent, newest first (editors: they hold the senders' contact details). */
    public List<Corrections.Submission> corrections(Viewer editor, int limit) {
        Register.require(editor, Role.EDITOR, "read the families' corrections");
        return corrections.list(limit);
    }
}
