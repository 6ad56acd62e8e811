package org.nomina.store.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.nomina.engine.linkage.FieldContribution;
import org.nomina.store.CanonicalJson;

/** The hand-written explanation JSON must be byte-identical to what CanonicalJson makes of the same values. */
class ContributionsJsonTest {

    private static String canonical(List<FieldContribution> list) {
        return CanonicalJson.write(PairWriter.contributionMaps(list));
    }

    @Property
    void shouldWriteTheSameTextAsCanonicalJsonForAnyFieldsLevelsAndWeights(
            @ForAll @Size(max = 12) List<String> fields, @ForAll @DoubleRange(min = -1e6, max = 1e6) double weight) {
        List<FieldContribution> list = fields.stream().map(f -> new FieldContribution(f, f + " (swapped)", weight / (f.length() + 1))).toList();
        assertThat(PairWriter.contributions(list)).isEqualTo(canonical(list));
    }

    @Test
    void shouldWriteTheSameTextForEscapesTinyWeightsAndLongExplanations() {
        List<FieldContribution> odd = List.of(new FieldContribution("sur\"name", "a\\b\nc\u0001", -0.004),
                new FieldContribution("given_name", "jw≥0.92 😀", 1e-9), new FieldContribution("age", "exact", 12345678.999));
        assertThat(PairWriter.contributions(odd)).isEqualTo(canonical(odd));
        List<FieldContribution> many = java.util.stream.IntStream.range(0, 400)
                .mapToObj(i -> new FieldContribution("field_" + i, "level_" + i, i * 0.37)).toList();
        String long400 = PairWriter.contributions(many);
        assertThat(long400).hasSizeGreaterThan(10_000).isEqualTo(canonical(many));
        // Whole, so it parses: an explanation cut at a column's width would not.
        assertThat((List<?>) CanonicalJson.read(long400)).hasSize(400);
    }
}
