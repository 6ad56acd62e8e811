package org.nomina.engine.families;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nomina.engine.domain.Sex;
import org.nomina.engine.families.FamilyLink.Kind;

class HouseholdsTest {

    private static Member m(long person, Relation relation) {
        return new Member(person, person * 10, "H1", Optional.of(relation), Sex.UNKNOWN, "g" + person, "name " + person, "", "");
    }

    private static boolean parent(List<FamilyLink> links, long parent, long child) {
        return links.stream().anyMatch(l -> l.kind() == Kind.PARENT_OF && l.from() == parent && l.to() == child);
    }

    @Test
    void shouldMakeTheHeadsSonTheChildOfTheHeadAndTheHeadsSpouse() {
        List<FamilyLink> links = Households.links(List.of(m(1, Relation.HEAD), m(2, Relation.SPOUSE), m(3, Relation.SON), m(4, Relation.DAUGHTER)));
        assertThat(parent(links, 1, 3)).isTrue();
        assertThat(parent(links, 2, 3)).isTrue();
        assertThat(parent(links, 2, 4)).isTrue();
        assertThat(links).anyMatch(l -> l.kind() == Kind.SPOUSE_OF && l.from() == 1 && l.to() == 2);
        assertThat(links).anyMatch(l -> l.kind() == Kind.SIBLING_OF && l.from() == 3 && l.to() == 4);
        assertThat(links).allMatch(l -> !l.proposed());
    }

    @Test
    void shouldGiveAGrandchildTheOnlySonAndDaughterInLawAsParents() {
        List<FamilyLink> links = Households.links(List.of(m(1, Relation.HEAD), m(2, Relation.SON), m(3, Relation.DAUGHTER_IN_LAW),
                m(4, Relation.GRANDSON)));
        assertThat(parent(links, 2, 4)).isTrue();
        assertThat(parent(links, 3, 4)).isTrue();
        assertThat(parent(links, 1, 4)).isFalse();
    }

    @Test
    void shouldLeaveAGrandchildsParentsUnknownWhenTwoSonsCouldBeTheFather() {
        List<FamilyLink> links = Households.links(List.of(m(1, Relation.HEAD), m(2, Relation.SON), m(5, Relation.SON),
                m(3, Relation.DAUGHTER_IN_LAW), m(4, Relation.GRANDDAUGHTER)));
        assertThat(links).noneMatch(l -> l.kind() == Kind.PARENT_OF && l.to() == 4);
    }

    @Test
    void shouldMakeOneFamilyOfHouseholdsThatShareAMember() {
        // A child listed in her parents' household and in her grandparents' (another source).
        Map<Long, Long> families = Households.families(List.of(List.of(1L, 2L, 3L), List.of(7L, 8L, 3L), List.of(20L, 21L)));
        assertThat(families.get(7L)).isEqualTo(families.get(1L)).isEqualTo(1L);
        assertThat(families.get(21L)).isEqualTo(20L);
        assertThat(Households.familyOf(families, 99L)).isEmpty();
    }

    @Test
    void shouldMakeTheMemberARecordNamesAsFatherItsParent() {
        Member father = new Member(1, 10, "H1", Optional.empty(), Sex.MALE, "kamran", "kamran aliyev", "", "");
        Member child = new Member(2, 20, "H1", Optional.empty(), Sex.FEMALE, "leyla", "leyla aliyeva", "kamran aliyev", "");
        assertThat(parent(Households.links(List.of(father, child)), 1, 2)).isTrue();
    }

    @Test
    void shouldProposeButNeverAssertAParentFromAPatronymic() {
        var father = new Patronymics.Candidate(1, Sex.MALE, "aliyev", "kamran", "", "nomkend", Optional.of(1950));
        var child = new Patronymics.Candidate(2, Sex.FEMALE, "aliyev", "leyla", "kamran", "nomkend", Optional.of(1978));
        var tooOld = new Patronymics.Candidate(3, Sex.MALE, "aliyev", "rauf", "kamran", "nomkend", Optional.of(1955));
        List<FamilyLink> proposed = Patronymics.propose(List.of(father, child, tooOld));
        assertThat(proposed).singleElement().satisfies(l -> {
            assertThat(l.from()).isEqualTo(1);
            assertThat(l.to()).isEqualTo(2);
            assertThat(l.proposed()).isTrue();
        });
    }

    @Test
    void shouldKnowRelationWordsInFourLanguagesAndNoneOtherwise() {
        assertThat(Relation.fromWord("Wife")).contains(Relation.SPOUSE);
        assertThat(Relation.fromWord("сын")).contains(Relation.SON);
        assertThat(Relation.fromWord("gəlini")).contains(Relation.DAUGHTER_IN_LAW);
        assertThat(Relation.fromWord("դուստր")).contains(Relation.DAUGHTER);
        assertThat(Relation.fromWord("lodger of the neighbour")).isEmpty();
    }
}
