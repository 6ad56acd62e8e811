package org.nomina.engine.fates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nomina.engine.domain.PartialDate;
import org.nomina.engine.domain.Status;

class FateRulesTest {

    private static long ids;

    private static StatusEvent undated(Status s) {
        return new StatusEvent(s, Optional.empty(), Optional.empty(), ++ids, "list " + ids);
    }

    private static StatusEvent dated(Status s, int year, int month, int day) {
        Optional<PartialDate> d = Optional.of(new PartialDate(year, month, day, false));
        return new StatusEvent(s, d, d, ++ids, "list " + ids);
    }

    @Test
    void shouldLetADeathStandOverHostageWhenTheDeathIsRecorded() {
        FateOutcome o = FateRules.decide(List.of(dated(Status.HOSTAGE, 1994, 11, 14), undated(Status.KILLED)));
        assertThat(o.fate()).isEqualTo(Fate.KILLED);
        assertThat(o.rule()).isEqualTo(FateRules.DEATH_STANDS);
        assertThat(o.ever(Status.HOSTAGE)).isTrue();
    }

    @Test
    void shouldResolveAHostageAsReleasedWhenASourceRecordsTheRelease() {
        FateOutcome o = FateRules.decide(List.of(dated(Status.HOSTAGE, 1994, 11, 14), dated(Status.RELEASED, 1995, 3, 2)));
        assertThat(o.fate()).isEqualTo(Fate.RELEASED);
        assertThat(o.rule()).isEqualTo(FateRules.RELEASED);
    }

    @Test
    void shouldKeepAHostageUnresolvedUntilASourceResolvesThem() {
        FateOutcome o = FateRules.decide(List.of(dated(Status.HOSTAGE, 1994, 11, 14), dated(Status.MISSING, 2005, 3, 1)));
        assertThat(o.fate()).isEqualTo(Fate.MISSING);
        assertThat(o.rule()).isEqualTo(FateRules.UNRESOLVED);
    }

    @Test
    void shouldCallUndatedKilledAgainstMissingAConflictWithBothSources() {
        StatusEvent killed = undated(Status.KILLED);
        StatusEvent missing = undated(Status.MISSING);
        FateOutcome o = FateRules.decide(List.of(killed, missing));
        assertThat(o.fate()).isEqualTo(Fate.CONFLICT);
        assertThat(o.because()).containsExactly(killed, missing);
    }

    @Test
    void shouldLetTheLaterDatedStatusSupersedeWhenDeathAndReleaseAreBothDated() {
        assertThat(FateRules.decide(List.of(dated(Status.RELEASED, 1995, 1, 1), dated(Status.KILLED, 1996, 5, 1))).fate())
                .isEqualTo(Fate.KILLED);
        FateOutcome later = FateRules.decide(List.of(dated(Status.KILLED, 1994, 11, 14), dated(Status.RELEASED, 1995, 1, 1)));
        assertThat(later.fate()).isEqualTo(Fate.RELEASED);
        assertThat(later.rule()).isEqualTo(FateRules.LATER);
    }

    @Test
    void shouldCallAnUndatedDeathAgainstAReleaseAConflict() {
        assertThat(FateRules.decide(List.of(undated(Status.KILLED), dated(Status.RELEASED, 1995, 1, 1))).fate()).isEqualTo(Fate.CONFLICT);
    }

    @Test
    void shouldMakeAPersonTakenAgainAfterTheirReleaseMissing() {
        FateOutcome o = FateRules.decide(List.of(dated(Status.HOSTAGE, 1994, 11, 14), dated(Status.RELEASED, 1995, 1, 1),
                dated(Status.HOSTAGE, 1996, 2, 2)));
        assertThat(o.fate()).isEqualTo(Fate.MISSING);
        assertThat(o.rule()).isEqualTo(FateRules.LATER);
    }

    @Test
    void shouldKeepInjuredBesideTheFateRatherThanReplaceIt() {
        FateOutcome o = FateRules.decide(List.of(undated(Status.INJURED), dated(Status.HOSTAGE, 1994, 11, 14)));
        assertThat(o.fate()).isEqualTo(Fate.MISSING);
        assertThat(o.ever(Status.INJURED)).isTrue();
        assertThat(FateRules.decide(List.of(undated(Status.INJURED), undated(Status.DISPLACED))).fate()).isEqualTo(Fate.NONE);
    }

    @Test
    void shouldCountRemainsIdentifiedAsADeath() {
        FateOutcome o = FateRules.decide(List.of(dated(Status.MISSING, 1994, 11, 14), dated(Status.REMAINS_IDENTIFIED, 2003, 6, 1)));
        assertThat(o.fate()).isEqualTo(Fate.REMAINS_IDENTIFIED);
        assertThat(o.fate().isDeath()).isTrue();
    }

    @Test
    void shouldStateTheFateAsSourcesKnewItByTheAsOfDate() {
        List<StatusEvent> history = List.of(dated(Status.HOSTAGE, 1994, 11, 14), dated(Status.RELEASED, 1995, 3, 2));
        assertThat(FateRules.decide(FateRules.asOf(history, new PartialDate(1995, 1, 0, false))).fate()).isEqualTo(Fate.MISSING);
        assertThat(FateRules.decide(FateRules.asOf(history, new PartialDate(1995, 3, 2, false))).fate()).isEqualTo(Fate.RELEASED);
    }

    @Test
    void shouldCompareDatesOnlyAsFarAsBothAreKnown() {
        assertThat(FateRules.compare(new PartialDate(1992, 2, 0, false), new PartialDate(1992, 2, 26, false))).isZero();
        assertThat(FateRules.compare(new PartialDate(1992, 3, 0, false), new PartialDate(1992, 2, 26, false))).isPositive();
        assertThat(FateRules.compare(new PartialDate(1991, 0, 0, false), new PartialDate(1992, 2, 26, false))).isNegative();
    }
}
