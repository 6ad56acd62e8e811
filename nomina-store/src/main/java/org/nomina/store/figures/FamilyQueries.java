package org.nomina.store.figures;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.nomina.engine.domain.Sex;
import org.nomina.engine.families.FamilyLink;
import org.nomina.engine.families.Households;
import org.nomina.engine.families.Member;
import org.nomina.engine.families.Patronymics;
import org.nomina.engine.families.Relation;
import org.nomina.engine.names.NameNormaliser;

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

    /**
     * The households named by the given {@code SOURCE_ID:HOUSEHOLD} keys (a person's records give them), with all
     * their members: for person show, a few rows by index (source_record_household).
     */
    public static Map<String, List<Member>> households(Handle h, Collection<Map.Entry<Long, String>> keys) {
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

    /**
     * Fills in the given and full names of every member of the named households (those where a record
     * names a father or mother, whom {@link Households#links} finds among the members by name); other
     * households need no names, so a register without parents' names reads none.
     */
    static void addNames(Handle h, Map<String, List<Member>> households, Set<String> named) {
        List<Long> ids = new ArrayList<>();
        named.forEach(k -> households.get(k).forEach(m -> ids.add(m.recordId())));
        Map<Long, String[]> names = new HashMap<>(ids.size() * 2);
        for (int from = 0; from < ids.size(); from += 1000) {
            String in = ids.subList(from, Math.min(ids.size(), from + 1000)).stream().map(String::valueOf).collect(Collectors.joining(","));
            h.createQuery("SELECT id, given_name, full_name FROM source_record WHERE id IN (" + in + ")")
                    .map((rs, ctx) -> names.put(rs.getLong(1), new String[] {RegisterFacts.key(rs.getString(2)), RegisterFacts.key(rs.getString(3))}))
                    .forEach(x -> { });
        }
        for (String k : named) {
            households.put(k, households.get(k).stream().map(m -> {
                String[] n = names.get(m.recordId());
                return new Member(m.personId(), m.recordId(), m.household(), m.relation(), m.sex(), n[0], n[1], m.fatherName(), m.motherName());
            }).toList());
        }
    }

    /** The members of the given families (family id: the lowest person id in it). */
    static Map<Long, Set<Long>> members(Handle h, Collection<Long> families) {
        Set<Long> wanted = new HashSet<>(families);
        Map<Long, Set<Long>> all = Figures.Families.of(households(h).values()).members();
        return all.entrySet().stream().filter(e -> wanted.contains(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** One row of {@code export families}. */
    public record Row(long familyId, long personId, String link, long otherPersonId, String source, String recordId, String rule,
                      boolean proposed) {
    }

    /** The rows of {@code export families} and how many families they describe. */
    public record Export(List<Row> rows, int families) {
    }

    /** Every family with its members and links, and the parent links proposed from patronymics. */
    public static Export export(Handle h) {
        Map<String, List<Member>> households = households(h);
        Map<Long, Long> familyOf = familyOf(households.values());
        Map<Long, String[]> recordKeys = new HashMap<>();
        h.createQuery("""
                SELECT r.id, s.name, r.record_id FROM source_record r JOIN source s ON s.id = r.source_id WHERE r.household <> ''""")
                .setFetchSize(10_000)
                .map((rs, ctx) -> recordKeys.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)})).forEach(x -> { });
        List<Row> rows = new ArrayList<>();
        new TreeMap<>(familyOf).forEach((person, family) -> rows.add(new Row(family, person, "member", 0, "", "", "", false)));
        for (FamilyLink l : links(households.values())) {
            String[] key = recordKeys.getOrDefault(l.recordId(), new String[] {"", ""});
            rows.add(new Row(familyOf.getOrDefault(l.from(), 0L), l.from(), l.kind().word(), l.to(), key[0], key[1], l.rule(), false));
        }
        for (FamilyLink l : proposed(h)) {
            rows.add(new Row(familyOf.getOrDefault(l.from(), familyOf.getOrDefault(l.to(), 0L)), l.from(), l.kind().word(), l.to(), "", "",
                    l.rule(), true));
        }
        return new Export(rows, new HashSet<>(familyOf.values()).size());
    }

    /** Parent links proposed from patronymics over the consensus values of every current person. */
    static List<FamilyLink> proposed(Handle h) {
        NameNormaliser names = NameNormaliser.shared();
        List<Patronymics.Candidate> candidates = h.createQuery("""
                SELECT id, sex, surname, given_name, patronymic, place, birth_year FROM person WHERE retired_at IS NULL""")
                .setFetchSize(10_000)
                .map((rs, ctx) -> new Patronymics.Candidate(rs.getLong(1), Sex.fromWord(rs.getString(2)).orElse(Sex.UNKNOWN),
                        names.surname(rs.getString(3)).familyKey(), names.givenName(rs.getString(4)).familyKey(),
                        names.patronymic(rs.getString(5)).familyKey(), names.placeName(rs.getString(6)),
                        Optional.ofNullable(rs.getObject(7, Integer.class))))
                .list();
        return Patronymics.propose(candidates);
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
