package org.nomina.store.claims;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.nomina.engine.claims.ClaimCategory;
import org.nomina.engine.claims.ClaimComparison;
import org.nomina.engine.claims.ClaimComparison.Key;
import org.nomina.engine.claims.Subgroup;

/**
 * How many persons of the linked register have each status, by subgroup: women and men from the
 * person's sex; children (under 18) and elderly (60 and over) from the youngest age any of the
 * person's records gives at the incident (its age, or the incident year less the birth year).
 * Persons are not yet tied to incidents, so the counts are of the whole register.
 */
public final class RegisterCounts {

    private static final Map<String, ClaimCategory> STATUSES = Map.of("killed", ClaimCategory.KILLED, "injured", ClaimCategory.INJURED,
            "missing", ClaimCategory.MISSING, "hostage", ClaimCategory.HOSTAGE, "displaced", ClaimCategory.DISPLACED);

    private RegisterCounts() {
    }

    public static Map<Key, Long> count(Jdbi jdbi) {
        return jdbi.withHandle(RegisterCounts::count);
    }

    static Map<Key, Long> count(Handle h) {
        Map<Key, Long> out = new LinkedHashMap<>();
        h.createQuery("""
                SELECT p.status, p.sex, MIN(COALESCE(r.age, r.incident_year - r.birth_year)) AS age
                FROM person p JOIN person_record pr ON pr.person_id = p.id JOIN source_record r ON r.id = pr.source_record_id
                WHERE p.retired_at IS NULL
                GROUP BY p.id, p.status, p.sex""")
                .setFetchSize(10_000)
                .map((rs, ctx) -> {
                    ClaimCategory category = STATUSES.get(rs.getString("status"));
                    if (category == null) {
                        return 0;
                    }
                    int age = rs.getInt("age");
                    boolean known = !rs.wasNull();
                    out.merge(new Key(category, Optional.empty()), 1L, Long::sum);
                    String sex = rs.getString("sex");
                    if ("female".equals(sex)) {
                        out.merge(new Key(category, Optional.of(Subgroup.WOMEN)), 1L, Long::sum);
                    } else if ("male".equals(sex)) {
                        out.merge(new Key(category, Optional.of(Subgroup.MEN)), 1L, Long::sum);
                    }
                    if (known && age < 18) {
                        out.merge(new Key(category, Optional.of(Subgroup.CHILDREN)), 1L, Long::sum);
                    } else if (known && age >= 60) {
                        out.merge(new Key(category, Optional.of(Subgroup.ELDERLY)), 1L, Long::sum);
                    }
                    return 0;
                })
                .forEach(x -> { });
        return out;
    }

    /** The current, unrejected claims as the comparison takes them. */
    public static List<ClaimComparison.SourcedClaim> sourced(List<StoredClaim> claims) {
        return claims.stream().filter(c -> !c.reading().rejected())
                .map(c -> new ClaimComparison.SourcedClaim(c.id(), c.source(), new Key(c.reading().category(), c.reading().subgroup()),
                        c.reading().low(), c.reading().high(), c.reading().qualifier(), c.parentId(), c.quote()))
                .toList();
    }
}
