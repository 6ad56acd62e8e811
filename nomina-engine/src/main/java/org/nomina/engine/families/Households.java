package org.nomina.engine.families;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.nomina.engine.families.FamilyLink.Kind;

/**
 * Family links from households and from the parents' names records give, and families as the union of
 * households that share members. The rules, each named on the links it makes:
 * <ul>
 * <li>a head's son, daughter or child is the child of the head and of the head's spouse (each spouse listed);</li>
 * <li>the head's father and mother are the head's parents, and the parents of the head's brothers and sisters;</li>
 * <li>the head's spouse is the head's spouse; a brother or sister is the head's sibling; children of the head are siblings;</li>
 * <li>a grandchild is the child of the household's son and daughter-in-law (or daughter and son-in-law) when
 *     the household has exactly one such couple; otherwise the grandchild's parents stay unknown;</li>
 * <li>a record's father's or mother's name that names exactly one other member of its household (by full
 *     or given name) makes that member its parent.</li>
 * </ul>
 * Pure functions; thread-safe.
 */
public final class Households {

    public static final String HEAD_CHILD = "a head's son or daughter is the child of the head and the head's spouse";
    public static final String HEAD_PARENT = "the head's father or mother";
    public static final String SPOUSE = "the head's spouse";
    public static final String SIBLING = "the head's brother or sister, or two children of the head";
    public static final String GRANDCHILD = "a grandchild is the child of the household's only son and daughter-in-law";
    public static final String NAMED_PARENT = "the record names this household member as father or mother";

    private static final Set<Relation> CHILDREN = EnumSet.of(Relation.SON, Relation.DAUGHTER, Relation.CHILD);
    private static final Set<Relation> SIBLINGS = EnumSet.of(Relation.BROTHER, Relation.SISTER);
    private static final Set<Relation> GRANDCHILDREN = EnumSet.of(Relation.GRANDSON, Relation.GRANDDAUGHTER, Relation.GRANDCHILD);

    private Households() {
    }

    /** The links one household's records give (members of one source's household; any order). */
    public static List<FamilyLink> links(List<Member> household) {
        Set<FamilyLink> out = new LinkedHashSet<>();
        List<Member> heads = with(household, EnumSet.of(Relation.HEAD));
        List<Member> spouses = with(household, EnumSet.of(Relation.SPOUSE));
        List<Member> children = with(household, CHILDREN);
        if (heads.size() == 1) {
            Member head = heads.get(0);
            List<Member> parentsOfChildren = new ArrayList<>(spouses);
            parentsOfChildren.add(head);
            for (Member child : children) {
                for (Member parent : parentsOfChildren) {
                    parent(out, parent, child, child.recordId(), HEAD_CHILD);
                }
            }
            for (Member s : spouses) {
                symmetric(out, head, s, Kind.SPOUSE_OF, s.recordId(), SPOUSE);
            }
            List<Member> siblings = with(household, SIBLINGS);
            for (Member p : with(household, EnumSet.of(Relation.FATHER, Relation.MOTHER))) {
                parent(out, p, head, p.recordId(), HEAD_PARENT);
                for (Member s : siblings) {
                    parent(out, p, s, s.recordId(), HEAD_PARENT);
                }
            }
            for (Member s : siblings) {
                symmetric(out, head, s, Kind.SIBLING_OF, s.recordId(), SIBLING);
            }
        }
        for (int i = 0; i < children.size(); i++) {
            for (int j = i + 1; j < children.size(); j++) {
                symmetric(out, children.get(i), children.get(j), Kind.SIBLING_OF, children.get(j).recordId(), SIBLING);
            }
        }
        grandchildren(out, household);
        namedParents(out, household);
        return List.copyOf(out);
    }

    private static void grandchildren(Set<FamilyLink> out, List<Member> household) {
        List<Member> sons = with(household, EnumSet.of(Relation.SON));
        List<Member> daughters = with(household, EnumSet.of(Relation.DAUGHTER));
        List<Member> daughtersInLaw = with(household, EnumSet.of(Relation.DAUGHTER_IN_LAW));
        List<Member> sonsInLaw = with(household, EnumSet.of(Relation.SON_IN_LAW));
        List<Member[]> couples = new ArrayList<>();
        if (daughtersInLaw.size() == 1 && sons.size() == 1) {
            couples.add(new Member[] {sons.get(0), daughtersInLaw.get(0)});
        } else if (daughtersInLaw.size() == 1 && sons.size() > 1) {
            couples.add(null); // several sons, one wife among them: whose is unknown
        }
        if (sonsInLaw.size() == 1 && daughters.size() == 1) {
            couples.add(new Member[] {daughters.get(0), sonsInLaw.get(0)});
        } else if (sonsInLaw.size() == 1 && daughters.size() > 1) {
            couples.add(null);
        }
        if (couples.size() != 1 || couples.get(0) == null) {
            return;
        }
        Member[] couple = couples.get(0);
        symmetric(out, couple[0], couple[1], Kind.SPOUSE_OF, couple[1].recordId(), GRANDCHILD);
        for (Member g : with(household, GRANDCHILDREN)) {
            parent(out, couple[0], g, g.recordId(), GRANDCHILD);
            parent(out, couple[1], g, g.recordId(), GRANDCHILD);
        }
    }

    private static void namedParents(Set<FamilyLink> out, List<Member> household) {
        for (Member m : household) {
            for (String name : List.of(m.fatherName(), m.motherName())) {
                if (name.isEmpty()) {
                    continue;
                }
                List<Member> named = household.stream()
                        .filter(o -> o.personId() != m.personId() && (name.equals(o.fullName()) || name.equals(o.givenName())))
                        .toList();
                if (named.stream().map(Member::personId).distinct().count() == 1) {
                    parent(out, named.get(0), m, m.recordId(), NAMED_PARENT);
                }
            }
        }
    }

    private static List<Member> with(List<Member> household, Set<Relation> relations) {
        return household.stream().filter(m -> m.relation().filter(relations::contains).isPresent()).toList();
    }

    private static void parent(Set<FamilyLink> out, Member parent, Member child, long recordId, String rule) {
        if (parent.personId() != child.personId() && !contains(out, child.personId(), parent.personId())) {
            out.add(new FamilyLink(parent.personId(), child.personId(), Kind.PARENT_OF, recordId, rule, false));
        }
    }

    private static boolean contains(Set<FamilyLink> out, long from, long to) {
        return out.stream().anyMatch(l -> l.kind() == Kind.PARENT_OF && l.from() == from && l.to() == to);
    }

    private static void symmetric(Set<FamilyLink> out, Member a, Member b, Kind kind, long recordId, String rule) {
        if (a.personId() != b.personId()) {
            out.add(new FamilyLink(Math.min(a.personId(), b.personId()), Math.max(a.personId(), b.personId()), kind, recordId, rule, false));
        }
    }

    /**
     * Families: persons joined when they share a household in any source, so households of different
     * sources that share members are one family. Returns each person's family id, the lowest person id
     * in the family. Persons in no household have no family.
     */
    public static Map<Long, Long> families(Collection<List<Long>> households) {
        Map<Long, Long> parent = new HashMap<>();
        for (List<Long> members : households) {
            if (members.isEmpty()) {
                continue;
            }
            long first = members.get(0);
            for (long m : members) {
                union(parent, first, m);
            }
        }
        Map<Long, Long> out = new HashMap<>();
        for (long p : parent.keySet()) {
            out.put(p, root(parent, p));
        }
        return out;
    }

    private static long root(Map<Long, Long> parent, long x) {
        long r = x;
        while (parent.getOrDefault(r, r) != r) {
            r = parent.get(r);
        }
        long y = x;
        while (y != r) {
            long next = parent.get(y);
            parent.put(y, r);
            y = next;
        }
        return r;
    }

    private static void union(Map<Long, Long> parent, long a, long b) {
        parent.putIfAbsent(a, a);
        parent.putIfAbsent(b, b);
        long ra = root(parent, a);
        long rb = root(parent, b);
        if (ra != rb) {
            // The lower id becomes the root, so a family's id is its lowest person id.
            parent.put(Math.max(ra, rb), Math.min(ra, rb));
        }
    }

    /** The family id of a person, if they belong to a household. */
    public static Optional<Long> familyOf(Map<Long, Long> families, long personId) {
        return Optional.ofNullable(families.get(personId));
    }
}
