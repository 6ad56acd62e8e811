package org.nomina.store.figures;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.nomina.engine.domain.Sex;
import org.nomina.engine.families.FamilyLink;
import org.nomina.engine.families.Households;
import org.nomina.engine.families.Member;
import org.nomina.engine.families.Relation;

/**
 * Households as the latest link sees them (records of one source under one household number, each with
 * the person it belongs to), the families they form and the links they give.
 */
public final class FamilyQueries {

    private static final String HOUSEHOLD_ROWS = """
            SELECT pr.person_id, r.id, r.source_id, r.household, r.relation, r.sex, r.given_name, r.full_name, r.father_name,
                   r.mother_name
            FROM source_record r JOIN person_record pr ON pr.source_record_id = r.id
            WHERE r.household <> ''""";

    private FamilyQueries() {
    }

    /** Every household of the register, keyed {@code SOURCE_ID:HOUSEHOLD}. */
    public static Map<String, List<Member>> households(Handle h) {
        return read(h, HOUSEHOLD_ROWS, Map.of());
    }

    /** The households the given person's records name, with all their members (for person show: a few rows, by index). */
    public static Map<String, List<Member>> householdsOf(Handle h, long personId) {
        List<Map.Entry<Long, String>> keys = h.createQuery("""
                SELECT r.source_id, r.household FROM person_record pr JOIN source_record r ON r.id = pr.source_record_id
                WHERE pr.person_id = :p AND r.household <> ''""").bind("p", personId)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2))).list();
        Map<String, List<Member>> out = new HashMap<>();
        for (Map.Entry<Long, String> k : keys) {
            out.putAll(read(h, HOUSEHOLD_ROWS + " AND r.source_id = :s AND r.household = :hh", Map.of("s", k.getKey(), "hh", k.getValue())));
        }
        return out;
    }

    private static Map<String, List<Member>> read(Handle h, String sql, Map<String, Object> binds) {
        Map<String, List<Member>> out = new HashMap<>();
        var q = h.createQuery(sql).setFetchSize(10_000);
        binds.forEach(q::bind);
        q.map((rs, ctx) -> {
            String sex = rs.getString(6);
            out.computeIfAbsent(rs.getLong(3) + ":" + rs.getString(4), k -> new ArrayList<>(6))
                    .add(new Member(rs.getLong(1), rs.getLong(2), rs.getString(4), Relation.fromWord(rs.getString(5)),
                            Sex.fromWord(sex).orElse(Sex.UNKNOWN), RegisterFacts.key(rs.getString(7)), RegisterFacts.key(rs.getString(8)),
                            RegisterFacts.key(rs.getString(9)), RegisterFacts.key(rs.getString(10))));
            return 0;
        }).forEach(x -> { });
        return out;
    }

    /** The members of the given families (family id: the lowest person id in it). */
    static Map<Long, Set<Long>> members(Handle h, Collection<Long> families) {
        Set<Long> wanted = new HashSet<>(families);
        Map<Long, Set<Long>> all = Figures.Families.of(households(h).values()).members();
        return all.entrySet().stream().filter(e -> wanted.contains(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Every link the households give. */
    public static List<FamilyLink> links(Collection<List<Member>> households) {
        return Figures.Families.of(households).links();
    }

    /** Each person's family id. */
    public static Map<Long, Long> familyOf(Collection<List<Member>> households) {
        return Households.families(households.stream().map(m -> m.stream().map(Member::personId).distinct().toList()).toList());
    }
}
