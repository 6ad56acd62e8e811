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
}
