package org.nomina.store.publish;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nomina.store.BadInputException;
import org.nomina.store.Database;
import org.nomina.store.ledger.Hashes;
import org.nomina.store.ledger.Ledger;
import org.nomina.store.users.Role;
import org.nomina.store.users.Users;

/**
 * Bearer tokens for the JSON API: a token acts as its user, with the user's role, until it expires, is
 * revoked, or the user is disabled. Only the token's SHA-256 is stored (table {@code api_token}); the token
 * itself is shown once, when created. A token is named by the first 12 hex digits of that hash.
 */
public final class ApiTokens {
    /** A token as listed: never the token itself. */
    public record Token(String id, String username, String label, OffsetDateTime createdAt, Optional<OffsetDateTime> expiresAt,
                        Optional<OffsetDateTime> revokedAt) {
    }

    /** A token just created: the secret, shown this once, and its listing. */
    public record Created(String secret, Token token) {
    }

    /** Who a valid token acts as. */
    public record Bearer(String username, Role role) {
    }

    private final Database db;

    public ApiTokens(Database db) {
        this.db = db;
    }

    /**
     * Creates a token for an enabled user, expiring after {@code expiresDays} days (empty: never).
     *
     * @throws BadInputException naming the user or the days when they are not acceptable
     */
    public Created create(String username, String label, Optional<Integer> expiresDays, String actor) {
        if (expiresDays.isPresent() && (expiresDays.get() < 1 || expiresDays.get() > 3650)) {
            throw new BadInputException("expires: " + expiresDays.get() + " days; a token lasts 1 to 3650 days");
        }
        String secret = "nom_" + Users.randomToken();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        Optional<OffsetDateTime> expires = expiresDays.map(now::plusDays);
        db.jdbi().useTransaction(h -> {
            Optional<Long> user = h.createQuery("SELECT id FROM app_user WHERE username = :u AND disabled = FALSE").bind("u", username)
                    .mapTo(Long.class).findFirst();
            if (user.isEmpty()) {
                throw new BadInputException("there is no enabled user '" + username + "' (nomina user list)");
            }
            h.createUpdate("""
                            INSERT INTO api_token (token_sha256, user_id, label, created_at, expires_at) VALUES (:t, :u, :l, :now, :exp)""")
                    .bind("t", Hashes.sha256Hex(secret)).bind("u", user.get()).bind("l", label == null ? "" : label)
                    .bind("now", now).bind("exp", expires.orElse(null)).execute();
            Ledger.append(h, actor, "token-create", Map.of("token", Hashes.sha256Hex(secret).substring(0, 12), "username", username));
        });
        return new Created(secret, new Token(Hashes.sha256Hex(secret).substring(0, 12), username, label == null ? "" : label, now, expires,
                Optional.empty()));
    }

    public List<Token> list() {
        return db.jdbi().withHandle(h -> h.createQuery("""
                        SELECT t.token_sha256, u.username, t.label, t.created_at, t.expires_at, t.revoked_at FROM api_token t
                        JOIN app_user u ON u.id = t.user_id ORDER BY t.created_at, t.token_sha256""")
                .map((rs, ctx) -> new Token(rs.getString(1).substring(0, 12), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class), Optional.ofNullable(rs.getObject(5, OffsetDateTime.class)),
                        Optional.ofNullable(rs.getObject(6, OffsetDateTime.class))))
                .list());
    }

    /**
     * Revokes the token named by {@code id} (12 hex digits from {@link #list}).
     *
     * @throws BadInputException when no token, or more than one, has that id
     */
    public Token revoke(String id, String actor) {
        if (id == null || !id.matches("[0-9a-f]{12}")) {
            throw new BadInputException("token id '" + id + "': 12 hex digits, as nomina token list shows them");
        }
        db.jdbi().useTransaction(h -> {
            int n = h.createUpdate("UPDATE api_token SET revoked_at = :now WHERE token_sha256 LIKE :p AND revoked_at IS NULL")
                    .bind("now", OffsetDateTime.now(ZoneOffset.UTC)).bind("p", id + "%").execute();
            if (n != 1) {
                throw new BadInputException("token id '" + id + "': " + (n == 0 ? "no token in use has it" : n + " tokens have it"));
            }
            Ledger.append(h, actor, "token-revoke", Map.of("token", id));
        });
        return list().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    /** The user a token acts as, when it is valid now. */
    public Optional<Bearer> bearer(String secret) {
        if (secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        return db.jdbi().withHandle(h -> h.createQuery("""
                        SELECT u.username, u.role FROM api_token t JOIN app_user u ON u.id = t.user_id
                        WHERE t.token_sha256 = :t AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > :now)
                          AND u.disabled = FALSE""")
                .bind("t", Hashes.sha256Hex(secret.strip())).bind("now", OffsetDateTime.now(ZoneOffset.UTC))
                .map((rs, ctx) -> new Bearer(rs.getString(1), Role.parse(rs.getString(2)))).findFirst());
    }
}
