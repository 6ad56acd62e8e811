package org.nomina.store.users;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nomina.store.BadInputException;
import org.nomina.store.Database;
import org.nomina.store.ledger.Hashes;
import org.nomina.store.ledger.Ledger;

/**
 * The people who sign in to the web application, their sessions, and the login rate limit. Passwords
 * are stored as Argon2id hashes, sessions by the SHA-256 of their cookie value. Adding and disabling a
 * user are ledgered.
 */
public final class Users {

    /** A user as listed: never the password hash. */
    public record User(long id, String username, Role role, boolean disabled, OffsetDateTime createdAt) {
    }

    /** A signed-in session: who, and the token that every state-changing request must carry. */
    public record Session(String token, User user, String csrfToken) {
    }

    /** What a login attempt came to. */
    public sealed interface Login {
        record Success(Session session) implements Login {
        }

        /** Wrong user name or password: which one is never said. */
        record Refused() implements Login {
        }

        /** Too many failures for this user name: no password is tried until {@code until}. */
        record LockedOut(OffsetDateTime until) implements Login {
        }

        /** Too many attempts from one address in a short time. */
        record RateLimited() implements Login {
        }
    }

    /** Failures for one user name within {@link #LOCKOUT_WINDOW} that lock it for the rest of the window. */
    public static final int LOCKOUT_FAILURES = 5;
    public static final Duration LOCKOUT_WINDOW = Duration.ofMinutes(15);
    /** Failed attempts from one address per minute, whatever the user names, after which the address waits. */
    public static final int ATTEMPTS_PER_MINUTE = 30;
    public static final Duration SESSION_LIFETIME = Duration.ofHours(12);
    private static final int MIN_PASSWORD = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database db;

    public Users(Database db) {
        this.db = db;
    }

    /**
     * Adds a user.
     *
     * @throws BadInputException naming the user name or the password rule it breaks
     */
    public User add(String username, Role role, char[] password, String actor) {
        String name = username.strip();
        if (!name.matches("[\\p{L}\\p{N}._@-]{1,100}")) {
            throw new BadInputException("user name '" + username + "' must be 1 to 100 letters, digits or . _ @ -");
        }
        if (password.length < MIN_PASSWORD) {
            throw new BadInputException("the password for " + name + " has " + password.length + " characters; it needs at least " + MIN_PASSWORD);
        }
        String hash = PasswordHasher.hash(password);
        return db.jdbi().inTransaction(h -> {
            if (h.createQuery("SELECT COUNT(*) FROM app_user WHERE username = :u").bind("u", name).mapTo(Integer.class).one() > 0) {
                throw new BadInputException("there is already a user named " + name);
            }
            OffsetDateTime now = now();
            long id = h.createUpdate("INSERT INTO app_user (username, role, password_hash, disabled, created_at, created_by) "
                            + "VALUES (:u, :r, :p, FALSE, :at, :by)")
                    .bind("u", name).bind("r", role.label()).bind("p", hash).bind("at", now).bind("by", actor)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("username", name);
            payload.put("role", role.label());
            Ledger.append(h, actor, "user-add", payload);
            return new User(id, name, role, false, now);
        });
    }

    public List<User> list() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT id, username, role, disabled, created_at FROM app_user ORDER BY username")
                .map((rs, ctx) -> new User(rs.getLong(1), rs.getString(2), Role.parse(rs.getString(3)), rs.getBoolean(4),
                        rs.getObject(5, OffsetDateTime.class)))
                .list());
    }

    public Optional<User> find(String username) {
        return list().stream().filter(u -> u.username().equals(username.strip())).findFirst();
    }

    /**
     * Disables a user and ends their sessions.
     *
     * @throws BadInputException when there is no such user
     */
    public User disable(String username, String actor) {
        return db.jdbi().inTransaction(h -> {
            Optional<Long> id = h.createQuery("SELECT id FROM app_user WHERE username = :u").bind("u", username.strip())
                    .mapTo(Long.class).findFirst();
            if (id.isEmpty()) {
                throw new BadInputException("there is no user named '" + username + "'");
            }
            h.createUpdate("UPDATE app_user SET disabled = TRUE WHERE id = :id").bind("id", id.get()).execute();
            h.createUpdate("DELETE FROM app_session WHERE user_id = :id").bind("id", id.get()).execute();
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("username", username.strip());
            Ledger.append(h, actor, "user-disable", payload);
            return h.createQuery("SELECT id, username, role, disabled, created_at FROM app_user WHERE id = :id").bind("id", id.get())
                    .map((rs, ctx) -> new User(rs.getLong(1), rs.getString(2), Role.parse(rs.getString(3)), rs.getBoolean(4),
                            rs.getObject(5, OffsetDateTime.class)))
                    .one();
        });
    }

    /**
     * Checks a password, applying the per-address rate limit and the per-user lockout before any hash is
     * computed, and records the attempt. A disabled or unknown user is refused like a wrong password.
     */
    public Login login(String username, char[] password, String remote) {
        String name = username.strip();
        OffsetDateTime now = now();
        int recentFromAddress = db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM login_attempt WHERE remote = :r AND succeeded = FALSE AND attempted_at > :since")
                .bind("r", remote).bind("since", now.minusMinutes(1)).mapTo(Integer.class).one());
        if (recentFromAddress >= ATTEMPTS_PER_MINUTE) {
            record(name, remote, false, now);
            return new Login.RateLimited();
        }
        List<OffsetDateTime> failures = db.jdbi().withHandle(h -> h.createQuery("""
                        SELECT attempted_at FROM login_attempt WHERE username = :u AND succeeded = FALSE AND attempted_at > :since
                          AND attempted_at > COALESCE((SELECT MAX(attempted_at) FROM login_attempt WHERE username = :u AND succeeded = TRUE),
                                                      :since)
                        ORDER BY attempted_at""")
                .bind("u", name).bind("since", now.minus(LOCKOUT_WINDOW)).mapTo(OffsetDateTime.class).list());
        if (failures.size() >= LOCKOUT_FAILURES) {
            record(name, remote, false, now);
            return new Login.LockedOut(failures.get(failures.size() - LOCKOUT_FAILURES).plus(LOCKOUT_WINDOW));
        }
        Optional<Object[]> row = db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT id, password_hash, disabled FROM app_user WHERE username = :u")
                .bind("u", name).map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getBoolean(3)}).findFirst());
        boolean ok = row.isPresent() && !(Boolean) row.get()[2] && PasswordHasher.verify(password, (String) row.get()[1]);
        record(name, remote, ok, now);
        if (!ok) {
            return new Login.Refused();
        }
        return new Login.Success(startSession((Long) row.get()[0], now));
    }

    private void record(String username, String remote, boolean ok, OffsetDateTime at) {
        db.jdbi().useHandle(h -> h.createUpdate(
                        "INSERT INTO login_attempt (username, remote, succeeded, attempted_at) VALUES (:u, :r, :ok, :at)")
                .bind("u", username.length() > 100 ? username.substring(0, 100) : username)
                .bind("r", remote).bind("ok", ok).bind("at", at).execute());
    }

    private Session startSession(long userId, OffsetDateTime now) {
        String token = randomToken();
        String csrf = randomToken();
        db.jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO app_session (token_sha256, user_id, csrf_token, created_at, last_seen_at, expires_at)
                        VALUES (:t, :u, :c, :now, :now, :exp)""")
                .bind("t", Hashes.sha256Hex(token)).bind("u", userId).bind("c", csrf).bind("now", now)
                .bind("exp", now.plus(SESSION_LIFETIME)).execute());
        return session(token).orElseThrow();
    }

    /** The live session for a cookie value, if any (expired sessions and disabled users have none). */
    public Optional<Session> session(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return db.jdbi().withHandle(h -> h.createQuery("""
                        SELECT u.id, u.username, u.role, u.disabled, u.created_at, s.csrf_token FROM app_session s
                        JOIN app_user u ON u.id = s.user_id
                        WHERE s.token_sha256 = :t AND s.expires_at > :now AND u.disabled = FALSE""")
                .bind("t", Hashes.sha256Hex(token)).bind("now", now())
                .map((rs, ctx) -> new Session(token, new User(rs.getLong(1), rs.getString(2), Role.parse(rs.getString(3)),
                        rs.getBoolean(4), rs.getObject(5, OffsetDateTime.class)), rs.getString(6)))
                .findFirst());
    }

    public void endSession(String token) {
        if (token != null) {
            db.jdbi().useHandle(h -> h.createUpdate("DELETE FROM app_session WHERE token_sha256 = :t")
                    .bind("t", Hashes.sha256Hex(token)).execute());
        }
    }

    /** 256 random bits, hex. */
    public static String randomToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
