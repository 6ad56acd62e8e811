package org.nomina.engine.estimation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CaptureHistoriesTest {

    @Test
    void shouldReadQuotedValuesAndCountColumnWhenParsingKosovoStyleTable() {
        CaptureHistories table = CsvHistories.read("""
                "EXH","ABA","OSCE","Freq"
                "1","1","0",5
                "0","0","1",7
                """);

        assertThat(table.listNames()).containsExactly("EXH", "ABA", "OSCE");
        assertThat(table.count(0b011)).isEqualTo(5);
        assertThat(table.count(0b100)).isEqualTo(7);
        assertThat(table.count(0b111)).isZero();
        assertThat(table.observed()).isEqualTo(12);
    }

    @Test
    void shouldTakeRowsOfTextTrimmedSkipBlankLinesAndNameTheRowWithTooFewValues() {
        CaptureHistories table = CaptureHistories.fromRows(List.of(" A ", "B", "count"),
                List.of(List.of("1", " 0", "3 "), List.of(""), List.of("1", "1", "2")));
        assertThat(table.listNames()).containsExactly("A", "B");
        assertThat(table.count(0b01)).isEqualTo(3);
        assertThat(table.count(0b11)).isEqualTo(2);

        assertThatThrownBy(() -> CaptureHistories.fromRows(List.of("A", "B", "count"), List.of(List.of("1", "0", "3"), List.of("1", "1"))))
                .isInstanceOf(EstimationInputException.class).hasMessage("row 3: 2 values, the header has 3 columns");
        assertThatThrownBy(() -> CaptureHistories.fromRows(List.of(), List.of()))
                .isInstanceOf(EstimationInputException.class).hasMessageContaining("row 1: the table is empty");
    }

    @Test
    void shouldCountOneHistoryPerRowWithoutCountColumn() {
        CaptureHistories table = CsvHistories.read("c1,c2\n1,0\n1,1\n1,0\n");

        assertThat(table.count(0b01)).isEqualTo(2);
        assertThat(table.count(0b11)).isEqualTo(1);
    }

    @Test
    void shouldNameRowColumnAndValueWhenAValueIsNotZeroOrOne() {
        assertThatThrownBy(() -> CsvHistories.read("EXH,ABA,n\n1,0,3\n0,1,4\n1,1,1\n0,2,5\n"))
                .isInstanceOf(EstimationInputException.class)
                .hasMessage("row 5, column \"ABA\": value \"2\" is not 0 or 1");
    }

    @Test
    void shouldRejectAllZeroHistoryWithReason() {
        assertThatThrownBy(() -> CsvHistories.read("A,B,count\n0,0,3\n"))
                .isInstanceOf(EstimationInputException.class)
                .hasMessageContaining("row 2").hasMessageContaining("0 on every list");
    }

    @Test
    void shouldRejectFewerThanTwoLists() {
        assertThatThrownBy(() -> CsvHistories.read("A,count\n1,3\n"))
                .isInstanceOf(EstimationInputException.class).hasMessageContaining("at least 2 list");
    }

    @Test
    void shouldRejectNegativeOrNonNumericCount() {
        assertThatThrownBy(() -> CsvHistories.read("A,B,count\n1,0,-3\n"))
                .isInstanceOf(EstimationInputException.class).hasMessage("row 2, column \"count\": value \"-3\" is not a whole number of people (0 or more)");
    }

    @Test
    void shouldBuildFromEachPersonsSetOfSources() {
        CaptureHistories table = CaptureHistories.fromIndividuals(List.of("A", "B", "C"), List.of(Set.of(0), Set.of(0, 2), Set.of(0, 2)));

        assertThat(table.count(0b101)).isEqualTo(2);
        assertThat(table.recordedByAll(0b001)).isEqualTo(3);
    }

    @Test
    void shouldRejectPersonOnNoList() {
        assertThatThrownBy(() -> CaptureHistories.fromIndividuals(List.of("A", "B"), List.of(Set.of(0), Set.<Integer>of())))
                .isInstanceOf(EstimationInputException.class).hasMessageContaining("person 2 is on no list");
    }

    @Test
    void shouldSplitPeopleIntoStrataInFirstSeenOrder() {
        record Person(String region, Set<Integer> lists) {
        }
        Map<String, CaptureHistories> strata = CaptureHistories.byStratum(List.of("A", "B"),
                List.of(new Person("north", Set.of(0)), new Person("south", Set.of(1)), new Person("north", Set.of(0, 1))),
                Person::region, Person::lists);

        assertThat(strata.keySet()).containsExactly("north", "south");
        assertThat(strata.get("north").observed()).isEqualTo(2);
        assertThat(strata.get("south").count(0b10)).isEqualTo(1);
    }
}
