package org.nomina.engine.linkage;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LinkageConfigTest {

    @Test
    void shouldNameTheFieldOfAnUnknownComparison() {
        Map<String, Object> map = Map.of("comparisons", List.of(
                Map.of("field", "surname"), Map.of("field", "given_name"), Map.of("field", "burth_year")));

        assertThatThrownBy(() -> LinkageConfig.fromMap(map)).isInstanceOf(LinkageConfigException.class)
                .hasMessageStartingWith("comparisons[2].field: unknown field 'burth_year'");
    }

    @Test
    void shouldReadExtraColumnsAndBlockingRules() {
        Map<String, Object> map = Map.of(
                "comparisons", List.of(Map.of("field", "surname"),
                        Map.of("field", "extra.postcode", "method", "exact"),
                        Map.of("field", "extra.street", "thresholds", List.of(0.9, 0.8))),
                "blocking", List.of(Map.of("name", "by_postcode", "keys", List.of("surname_metaphone",
                        "extra.postcode"))),
                "match_probability", 0.9,
                "block_cap", 300);

        LinkageConfig config = LinkageConfig.fromMap(map);

        assertThat(config.comparisons().get(1).method()).isEqualTo(ComparisonSpec.Method.EXACT);
        assertThat(config.comparisons().get(2).thresholds()).containsExactly(0.9, 0.8);
        assertThat(config.blockingRules().getFirst().keys())
                .containsExactly(BlockingKey.Standard.SURNAME_METAPHONE, new BlockingKey.Extra("postcode"));
        assertThat(config.matchProbability()).isEqualTo(0.9);
        assertThat(config.blockCap()).isEqualTo(300);
    }

    @Test
    void shouldAllowSixteenRulesWhileTheirMaskFitsBesideTheComparisons() {
        List<Object> rules = new java.util.ArrayList<>();
        for (int i = 0; i < 17; i++) {
            rules.add(List.of("surname_metaphone", "extra.c" + i));
        }
        assertThat(LinkageConfig.fromMap(Map.of("blocking", rules.subList(0, 16))).blockingRules()).hasSize(16);
        assertThatThrownBy(() -> LinkageConfig.fromMap(Map.of("blocking", rules)))
                .hasMessage("blocking: at most 16 rules, got 17");
        List<Object> comparisons = new java.util.ArrayList<>();
        for (int i = 0; i < 14; i++) {
            comparisons.add(Map.of("field", "extra.c" + i, "method", "exact"));
        }
        assertThat(LinkageConfig.fromMap(Map.of("comparisons", comparisons, "blocking", rules.subList(0, 8)))
                .blockingRules()).hasSize(8);
        assertThatThrownBy(() -> LinkageConfig.fromMap(Map.of("comparisons", comparisons, "blocking", rules.subList(0, 9))))
                .hasMessage("blocking: 9 rules beside 14 comparisons: four times the comparisons plus the rules may be at most 64");
    }

    @Test
    void shouldTrainMOnEveryDefaultRuleButTheTypedSurnamesAndTheRecordsWithoutPlace() {
        assertThat(LinkageConfig.defaults().blockingRules()).filteredOn(rule -> !rule.trainsM())
                .extracting(BlockingRule::name).containsExactly("surname_one_edit+given_family+place",
                        "surname_family+given_family+one_without_place");
    }

    @Test
    void shouldRejectARuleWithBothConditionsOnThePlace() {
        Map<String, Object> map = Map.of("blocking", List.of(Map.of("name", "both",
                "keys", List.of("surname_family", "one_without_place", "place_unless_no_birth_year"))));

        assertThatThrownBy(() -> LinkageConfig.fromMap(map))
                .hasMessage("blocking: rule 'both' has two conditions on the place (one_without_place and"
                        + " place_unless_no_birth_year): give it one of them");
    }

    @Test
    void shouldRejectAnUnknownBlockingKey() {
        Map<String, Object> map = Map.of("blocking", List.of(List.of("surname_metaphone", "birth_yaer")));

        assertThatThrownBy(() -> LinkageConfig.fromMap(map))
                .hasMessage("blocking[0].keys[1]: unknown blocking key 'birth_yaer'");
    }

    @Test
    void shouldReadOneToOneAndRefuseAWordThatIsNotTrueOrFalse() {
        assertThat(LinkageConfig.defaults().oneToOne()).as("on by default").isTrue();
        assertThat(LinkageConfig.fromMap(Map.of("one_to_one", false)).oneToOne()).isFalse();
        assertThat(LinkageConfig.fromMap(Map.of("one_to_one", true)).oneToOne()).isTrue();

        assertThatThrownBy(() -> LinkageConfig.fromMap(Map.of("one_to_one", "maybe"))).isInstanceOf(LinkageConfigException.class)
                .hasMessage("one_to_one: expected true or false, got 'maybe'");
    }

    @Test
    void shouldRejectAReviewBandAboveTheMatchThreshold() {
        Map<String, Object> map = Map.of("match_probability", 0.6, "review_probability", 0.8);

        assertThatThrownBy(() -> LinkageConfig.fromMap(map)).hasMessageStartingWith("review_probability:");
    }

    @Test
    void shouldRejectThresholdsThatAreNotDescending() {
        Map<String, Object> map = Map.of("comparisons",
                List.of(Map.of("field", "surname", "thresholds", List.of(0.8, 0.9))));

        assertThatThrownBy(() -> LinkageConfig.fromMap(map))
                .hasMessageStartingWith("comparisons[0].thresholds[1]:");
    }

    @Test
    void shouldKeepDefaultsForAbsentSettings() {
        assertThat(LinkageConfig.fromMap(Map.of())).isEqualTo(LinkageConfig.defaults());
    }

    @Test
    void shouldReadVetoesAndLimitsOnDisagreementPerComparison() {
        Map<String, Object> map = Map.of("comparisons", List.of(
                Map.of("field", "surname"),
                Map.of("field", "place", "veto", false, "disagreement_cap", 0.5),
                Map.of("field", "address", "veto", Map.of("similarity", 0.7, "override_bits", 9)),
                Map.of("field", "birth_date", "veto", Map.of("override_bits", 25)),
                Map.of("field", "status", "disagreement_floor", 0.02)));

        List<ComparisonSpec> specs = LinkageConfig.fromMap(map).comparisons();

        assertThat(specs.get(0).veto()).isEqualTo(ComparisonSpec.standardVeto("surname"));
        assertThat(specs.get(0).disagreementCap()).isEqualTo(0.10);
        assertThat(specs.get(1).veto().active()).isFalse();
        assertThat(specs.get(1).disagreementCap()).isEqualTo(0.5);
        assertThat(specs.get(2).veto()).isEqualTo(new ComparisonSpec.Veto(0.7, 9));
        assertThat(specs.get(3).veto()).isEqualTo(new ComparisonSpec.Veto(0, 25));
        assertThat(specs.get(4).disagreementFloor()).isEqualTo(0.02);
    }

    @Test
    void shouldRejectAVetoOnAFieldThatCannotVeto() {
        assertThatThrownBy(() -> LinkageConfig.fromMap(Map.of("comparisons", List.of(Map.of("field", "sex", "veto", true)))))
                .hasMessageStartingWith("comparisons[0].veto:");
        assertThatThrownBy(() -> LinkageConfig.fromMap(Map.of("comparisons",
                List.of(Map.of("field", "sex", "veto", Map.of("override_bits", 5))))))
                .hasMessageStartingWith("comparisons[0].veto: 'sex' cannot veto");
        assertThatThrownBy(() -> LinkageConfig.fromMap(Map.of("comparisons",
                List.of(Map.of("field", "place", "disagreement_floor", 0.3, "disagreement_cap", 0.2)))))
                .hasMessageStartingWith("comparisons[0].disagreement_floor: must not exceed");
    }

    @Test
    void shouldReadWhetherTwoValuesOnOneListAreTwoPeople() {
        Map<String, Object> map = Map.of("comparisons", List.of(
                Map.of("field", "status"),
                Map.of("field", "sex", "same_list", "distinct"),
                Map.of("field", "id_number", "same_list", "any")));

        List<ComparisonSpec> specs = LinkageConfig.fromMap(map).comparisons();

        assertThat(specs.get(0).sameList()).isEqualTo(ComparisonSpec.SameList.DISTINCT);
        assertThat(specs.get(1).sameList()).isEqualTo(ComparisonSpec.SameList.DISTINCT);
        assertThat(specs.get(2).sameList()).isEqualTo(ComparisonSpec.SameList.ANY);
        assertThat(LinkageConfig.fromMap(Map.of("comparisons", List.of(Map.of("field", "status", "same_list", "any"))))
                .comparisons().get(0).sameList()).isEqualTo(ComparisonSpec.SameList.ANY);
        assertThat(LinkageConfig.defaults().comparisons()).filteredOn(c -> c.sameList() == ComparisonSpec.SameList.DISTINCT)
                .extracting(ComparisonSpec::field).containsExactly("status");
    }

    @Test
    void shouldRejectABadSameListRuleNamingItsKeyAndValue() {
        assertThatThrownBy(() -> LinkageConfig.fromMap(Map.of("comparisons",
                List.of(Map.of("field", "surname"), Map.of("field", "status", "same_list", "distict")))))
                .hasMessage("comparisons[1].same_list: unknown value 'distict'; known: any, distinct");
        assertThatThrownBy(() -> LinkageConfig.fromMap(Map.of("comparisons",
                List.of(Map.of("field", "status", "same_list", true)))))
                .hasMessage("comparisons[0].same_list: unknown value 'true'; known: any, distinct");
        assertThatThrownBy(() -> LinkageConfig.fromMap(Map.of("comparisons",
                List.of(Map.of("field", "place", "same_list", "distinct")))))
                .hasMessageStartingWith("comparisons[0].same_list: 'place' cannot be distinct within a list");
    }
}
