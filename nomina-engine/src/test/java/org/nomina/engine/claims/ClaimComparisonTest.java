package org.nomina.engine.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.nomina.engine.claims.ClaimComparison.Key;
import org.nomina.engine.claims.ClaimComparison.Row;
import org.nomina.engine.claims.ClaimComparison.SourcedClaim;

class ClaimComparisonTest {
    private static final Key KILLED = new Key(ClaimCategory.KILLED, Optional.empty());
    private static final Key KILLED_CHILDREN = new Key(ClaimCategory.KILLED, Optional.of(Subgroup.CHILDREN));

    private static SourcedClaim claim(long id, String source, Key key, long low, long high, Qualifier q, Long parent) {
        return new SourcedClaim(id, source, key, OptionalLong.of(low), OptionalLong.of(high), q, Optional.ofNullable(parent), "…");
    }

    @Test
    void shouldSpanTheSourcesClaimsBesideTheRegistersCount() {
        List<Row> rows = ClaimComparison.compare(Map.of(KILLED, 590L),
                List.of(claim(1, "Ministry", KILLED, 613, 613, Qualifier.EXACT, null),
                        claim(2, "Press", KILLED, 600, 650, Qualifier.RANGE, null)), List.of());

        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.register()).isEqualTo(590);
            assertThat(r.claimsMinimum()).hasValue(600);
            assertThat(r.claimsMaximum()).hasValue(650);
            assertThat(r.claims()).hasSize(2);
            assertThat(r.flags()).isEmpty();
        });
    }

    @Test
    void shouldFlagARegisterHoldingMoreNamedThanASourcesExactCount() {
        List<Row> rows = ClaimComparison.compare(Map.of(KILLED, 640L), List.of(claim(1, "Ministry", KILLED, 613, 613, Qualifier.EXACT, null),
                claim(2, "Monitors", KILLED, 600, 600, Qualifier.MORE_THAN, null)), List.of());

        assertThat(rows.get(0).flags()).extracting(ClaimComparison.Flag::kind).containsExactly("register_exceeds_source");
        assertThat(rows.get(0).flags().get(0).message()).contains("640", "Ministry", "exactly 613");
    }

    @Test
    void shouldFlagSourcesThatCannotBothBeRight() {
        List<Row> rows = ClaimComparison.compare(Map.of(), List.of(claim(1, "Ministry", KILLED, 613, 613, Qualifier.EXACT, null),
                claim(2, "Press", KILLED, 1000, 1000, Qualifier.MORE_THAN, null),
                claim(3, "Ministry", KILLED, 613, 613, Qualifier.EXACT, null),
                claim(4, "Monitors", KILLED, 600, 600, Qualifier.ABOUT, null)), List.of());

        assertThat(rows.get(0).flags()).extracting(ClaimComparison.Flag::kind)
                .as("Ministry vs Press twice; Monitors' 'about 600' fits both Ministry and nothing excludes it but Press' more than 1000")
                .containsExactly("sources_disagree", "sources_disagree", "sources_disagree");
    }

    @Test
    void shouldFlagPartsLargerThanTheirWhole() {
        List<Row> rows = ClaimComparison.compare(Map.of(), List.of(claim(1, "Ministry", KILLED, 100, 100, Qualifier.EXACT, null),
                claim(2, "Ministry", KILLED_CHILDREN, 70, 70, Qualifier.EXACT, 1L),
                claim(3, "Ministry", new Key(ClaimCategory.KILLED, Optional.of(Subgroup.WOMEN)), 40, 40, Qualifier.EXACT, 1L)), List.of());

        assertThat(rows).extracting(r -> r.key().label()).containsExactly("killed", "killed/children", "killed/women");
        assertThat(rows.get(0).flags()).extracting(ClaimComparison.Flag::kind).containsExactly("parts_exceed_whole");
        assertThat(rows.get(0).flags().get(0).message()).contains("add up to 110");
    }

    @Test
    void shouldCarryTheEstimateOnItsRow() {
        ClaimComparison.Estimate estimate = new ClaimComparison.Estimate(KILLED, 700, 650, 780, "loglinear");
        List<Row> rows = ClaimComparison.compare(Map.of(KILLED, 590L), List.of(), List.of(estimate));

        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.estimate()).contains(estimate);
            assertThat(r.claimsMinimum()).isEmpty();
        });
    }
}
