package org.nomina.store.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nomina.store.BadInputException;
import org.nomina.store.DatabaseContract;
import org.nomina.store.TestDatabases;

/** Users, passwords, sessions and the lockout, on H2 and PostgreSQL alike. */
abstract class UsersContract extends DatabaseContract {
    private static final char[] PASSWORD = "correct horse battery".toCharArray();

    @Test
    void aUserSignsInWithTheRightPasswordOnly() {
        Users users = new Users(db());
        Users.User added = users.add("amina", Role.REVIEWER, PASSWORD, "test");
        assertThat(added.role()).isEqualTo(Role.REVIEWER);
        String stored = db().jdbi().withHandle(h -> h.createQuery("SELECT password_hash FROM app_user").mapTo(String.class).one());
        assertThat(stored).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("correct");
        assertThat(users.login("amina", "wrong password!".toCharArray(), "127.0.0.1")).isInstanceOf(Users.Login.Refused.class);
        Users.Login ok = users.login("amina", PASSWORD, "127.0.0.1");
        assertThat(ok).isInstanceOf(Users.Login.Success.class);
        Users.Session session = ((Users.Login.Success) ok).session();
        assertThat(users.session(session.token())).get().extracting(s -> s.user().username()).isEqualTo("amina");
        assertThat(session.csrfToken()).hasSize(64).isNotEqualTo(session.token());
        users.endSession(session.token());
        assertThat(users.session(session.token())).isEmpty();
        assertThat(users.login("nobody", PASSWORD, "127.0.0.1")).isInstanceOf(Users.Login.Refused.class);
    }

    @Test
    void fiveFailuresLockTheUserEvenForTheRightPassword() {
        Users users = new Users(db());
        users.add("bakhtiyar", Role.VIEWER, PASSWORD, "test");
        for (int i = 0; i < Users.LOCKOUT_FAILURES; i++) {
            assertThat(users.login("bakhtiyar", ("guess number " + i).toCharArray(), "10.0.0." + i)).isInstanceOf(Users.Login.Refused.class);
        }
        assertThat(users.login("bakhtiyar", PASSWORD, "127.0.0.1")).isInstanceOf(Users.Login.LockedOut.class);
    }

    @Test
    void oneAddressIsRateLimited() {
        Users users = new Users(db());
        users.add("carine", Role.VIEWER, PASSWORD, "test");
        for (int i = 0; i < Users.ATTEMPTS_PER_MINUTE; i++) {
            users.login("someone" + i, PASSWORD, "192.0.2.7");
        }
        assertThat(users.login("carine", PASSWORD, "192.0.2.7")).isInstanceOf(Users.Login.RateLimited.class);
        assertThat(users.login("carine", PASSWORD, "192.0.2.8")).isInstanceOf(Users.Login.Success.class);
    }

    @Test
    void aDisabledUserCannotSignInAndLosesTheirSessions() {
        Users users = new Users(db());
        users.add("davit", Role.EDITOR, PASSWORD, "test");
        Users.Session s = ((Users.Login.Success) users.login("davit", PASSWORD, "127.0.0.1")).session();
        users.disable("davit", "admin");
        assertThat(users.session(s.token())).isEmpty();
        assertThat(users.login("davit", PASSWORD, "127.0.0.1")).isInstanceOf(Users.Login.Refused.class);
        assertThat(users.list()).singleElement().extracting(Users.User::disabled).isEqualTo(true);
    }

    @Test
    void badUsersAreRefusedAndChangeNothing() {
        Users users = new Users(db());
        users.add("emil", Role.ADMIN, PASSWORD, "test");
        Map<String, Object> before = TestDatabases.snapshot(db());
        assertThatThrownBy(() -> users.add("emil", Role.VIEWER, PASSWORD, "test")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("already a user named emil");
        assertThatThrownBy(() -> users.add("farid", Role.VIEWER, "short".toCharArray(), "test")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("at least 10");
        assertThatThrownBy(() -> users.add("a b", Role.VIEWER, PASSWORD, "test")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("'a b'");
        assertThatThrownBy(() -> users.disable("nobody", "test")).isInstanceOf(BadInputException.class).hasMessageContaining("'nobody'");
        assertThatThrownBy(() -> Role.parse("owner")).isInstanceOf(BadInputException.class).hasMessageContaining("'owner'");
        assertThat(TestDatabases.snapshot(db())).isEqualTo(before);
        assertThat(users.list()).hasSize(1);
    }
}
