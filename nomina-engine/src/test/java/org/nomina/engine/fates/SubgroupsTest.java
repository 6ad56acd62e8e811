package org.nomina.engine.fates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nomina.engine.domain.PartialDate;
import org.nomina.engine.domain.Sex;

class SubgroupsTest {

    private static final Optional<PartialDate> ATTACK = Optional.of(new PartialDate(1994, 11, 14, false));

    @Test
    void shouldCountABirthdayAfterTheIncidentWhenGivingTheAge() {
        assertThat(Subgroups.ageAt(Optional.of(new PartialDate(1976, 12, 1, false)), Optional.empty(), Optional.empty(), ATTACK)).contains(17);
        assertThat(Subgroups.ageAt(Optional.of(new PartialDate(1976, 3, 1, false)), Optional.empty(), Optional.empty(), ATTACK)).contains(18);
    }

    @Test
    void shouldMoveARecordsAgeFromItsOwnDateToTheIncidentsDate() {
        assertThat(Subgroups.ageAt(Optional.empty(), Optional.of(30), Optional.of(new PartialDate(2004, 0, 0, false)), ATTACK)).contains(20);
    }

    @Test
    void shouldLeaveSubgroupsUnknownWhenTheAgeOrSexNeededIsUnknown() {
        Subgroups s = Subgroups.DEFAULT;
        assertThat(s.in("children", Sex.FEMALE, Optional.empty())).isEmpty();
        assertThat(s.in("women", Sex.UNKNOWN, Optional.of(40))).isEmpty();
        assertThat(s.in("women", Sex.UNKNOWN, Optional.of(10))).contains(false);
        assertThat(s.in("women", Sex.FEMALE, Optional.of(18))).contains(true);
        assertThat(s.in("elderly", Sex.MALE, Optional.of(60))).contains(true);
        assertThat(s.in("men", Sex.MALE, Optional.of(17))).contains(false);
    }

    @Test
    void shouldGiveTheSameAgesAndSubgroupsOnNumbers() {
        int attack = Subgroups.pack(1994, 11, 14);
        assertThat(Subgroups.ageAt(Subgroups.pack(1976, 12, 1), Subgroups.UNKNOWN_AGE, 0, attack)).isEqualTo(17);
        assertThat(Subgroups.ageAt(Subgroups.pack(1976, 11, 14), Subgroups.UNKNOWN_AGE, 0, attack)).isEqualTo(18);
        assertThat(Subgroups.ageAt(Subgroups.pack(1976, 11, 0), Subgroups.UNKNOWN_AGE, 0, attack)).isEqualTo(18);
        assertThat(Subgroups.ageAt(0, 30, Subgroups.pack(2004, 0, 0), attack)).isEqualTo(20);
        assertThat(Subgroups.ageAt(0, 30, 0, attack)).isEqualTo(30);
        assertThat(Subgroups.ageAt(Subgroups.pack(1990, 0, 0), Subgroups.UNKNOWN_AGE, 0, 0)).isEqualTo(Subgroups.UNKNOWN_AGE);
        assertThat(Subgroups.ageAt(Subgroups.pack(1990, 5, 2), Subgroups.UNKNOWN_AGE, Subgroups.pack(2000, 1, 1), 0)).isEqualTo(9);
        assertThat(Subgroups.pack(new PartialDate(1994, 11, 14, true))).isEqualTo(attack);
        assertThat(Subgroups.pack(1994, 11, 0)).isLessThan(Subgroups.pack(1994, 11, 1)).isGreaterThan(Subgroups.pack(1994, 10, 31));
        Subgroups s = Subgroups.DEFAULT;
        assertThat(s.in(0, Sex.FEMALE, Subgroups.UNKNOWN_AGE)).isEqualTo(Subgroups.UNPLACED);
        assertThat(s.in(1, Sex.UNKNOWN, 40)).isEqualTo(Subgroups.UNPLACED);
        assertThat(s.in(1, Sex.UNKNOWN, 10)).isZero();
        assertThat(s.in(1, Sex.FEMALE, 18)).isEqualTo(1);
        assertThat(s.in(2, Sex.FEMALE, 40)).isZero();
        assertThat(s.in(2, Sex.MALE, Subgroups.UNKNOWN_AGE)).isEqualTo(Subgroups.UNPLACED);
        assertThat(s.in(3, Sex.MALE, 60)).isEqualTo(1);
        assertThat(s.in(3, Sex.MALE, 59)).isZero();
    }
}
