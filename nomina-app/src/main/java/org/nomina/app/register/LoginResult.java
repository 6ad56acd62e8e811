package org.nomina.app.register;

import java.time.OffsetDateTime;

/** What signing in came to. */
public sealed interface LoginResult {
    record SignedIn(String sessionToken, Viewer viewer) implements LoginResult {
    }

    record Refused() implements LoginResult {
    }

    record LockedOut(OffsetDateTime until) implements LoginResult {
    }

    record RateLimited() implements LoginResult {
    }
}
