package org.nomina.engine.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ClaimExtractorTest {

    static Stream<ClaimTexts.Text> texts() {
        return ClaimTexts.all(ClaimTexts.DIRECTORY).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    void shouldExtractExactlyTheExpectedClaimsFromEachTestText(ClaimTexts.Text text) {
        ClaimExtraction extraction = ClaimTexts.extract(text);

        assertThat(extraction.claims().stream().map(ClaimTexts::line).toList()).as(text.name()).containsExactlyElementsOf(text.expected());
        assertThat(extraction.duplicatesSkipped()).as(text.name() + ": figures in repeated passages").isEqualTo(text.duplicatesSkipped());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    void shouldQuoteEachClaimFromItsOwnOffsets(ClaimTexts.Text text) {
        for (Claim c : ClaimTexts.extract(text).claims()) {
            assertThat(text.content().substring(c.start(), c.end())).isEqualTo(c.quote());
            c.parent().ifPresent(p -> assertThat(p).as("a parent comes before its parts").isLessThan(c.id()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    void shouldGuessEachTestTextsLanguage(ClaimTexts.Text text) {
        assertThat(ClaimLanguage.guess(text.content())).isEqualTo(text.language());
    }

    @Test
    void shouldCoverEveryCategoryQualifierAndLanguageInTheTestTexts() {
        List<ClaimTexts.Text> all = texts().toList();
        List<String> lines = all.stream().flatMap(t -> t.expected().stream()).toList();
        for (ClaimCategory c : ClaimCategory.values()) {
            assertThat(lines).as("a test text with a " + c.label() + " figure").anyMatch(l -> l.split(" \\| ")[1].equals(c.label()));
        }
        for (Qualifier q : Qualifier.values()) {
            assertThat(lines).as("a test text with a " + q.label() + " figure").anyMatch(l -> l.split(" \\| ")[4].equals(q.label()));
        }
        for (ClaimLanguage l : ClaimLanguage.values()) {
            assertThat(all).as("test texts in " + l.code()).filteredOn(t -> t.language() == l).hasSizeGreaterThanOrEqualTo(4);
        }
    }

    @Test
    void shouldReadTheSameFigureHoweverItsDigitsAreGrouped() {
        for (String written : List.of("1,275", "1 275", "1.275", "1\u00A0275", "1275")) {
            ClaimExtraction x = ClaimExtractor.extract(written + " civilians were taken hostage.", Optional.of(ClaimLanguage.EN), "main");
            assertThat(x.claims()).as(written).singleElement().satisfies(c -> {
                assertThat(c.count()).hasValue(1275);
                assertThat(c.category()).isEqualTo(ClaimCategory.HOSTAGE);
            });
        }
    }

    @Test
    void shouldReadSpelledOutNumbersInTheirGrammaticalForms() {
        record Case(ClaimLanguage language, String text, long count) {
        }
        List<Case> cases = List.of(
                new Case(ClaimLanguage.EN, "Six hundred and thirteen people were killed.", 613),
                new Case(ClaimLanguage.EN, "One thousand two hundred seventy-five people were taken hostage.", 1275),
                new Case(ClaimLanguage.RU, "Погибли шестьсот тринадцать человек.", 613),
                new Case(ClaimLanguage.RU, "Судьба двухсот человек неизвестна.", 200),
                new Case(ClaimLanguage.RU, "Из города были изгнаны свыше полутора тысяч человек.", 1500),
                new Case(ClaimLanguage.RU, "Были убиты шестьдесят три человека.", 63),
                new Case(ClaimLanguage.RU, "Пятеро детей были ранены.", 5),
                new Case(ClaimLanguage.RU, "Тысяча двести семьдесят пять человек были взяты в заложники.", 1275),
                new Case(ClaimLanguage.AZ, "Altı yüz on üç nəfər qətlə yetirilib.", 613),
                new Case(ClaimLanguage.AZ, "Min iki yüz yetmiş beş nəfər girov götürülüb.", 1275),
                new Case(ClaimLanguage.HY, "Վեց հարյուր տասներեք մարդ սպանվել է։", 613),
                new Case(ClaimLanguage.HY, "Հազար երկու հարյուր յոթանասունհինգ մարդ պատանդ է վերցվել։", 1275));
        for (Case c : cases) {
            ClaimExtraction x = ClaimExtractor.extract(c.text(), Optional.of(c.language()), "main");
            assertThat(x.claims()).as(c.text()).singleElement().satisfies(claim -> assertThat(claim.low()).hasValue(c.count()));
        }
    }

    @Test
    void shouldFindNoFigureAboutPeopleInDatesUnitsDurationsPercentagesAndThings() {
        String text = """
                On 26 February 1994, in the 30th year of the conflict, regiment No. 366 shelled the town for three hours.
                The 44 day war began in 2020. 60% of the houses burned; 400 shells and 12 testimonies were counted over 5 km.
                """;
        assertThat(ClaimExtractor.extract(text, Optional.of(ClaimLanguage.EN), "main").claims()).isEmpty();
    }

    @Test
    void shouldCountARepeatedPassageOnce() {
        String once = "At least 40 people were killed in Ferndale. 12 of them were children.\n\n";
        ClaimExtraction x = ClaimExtractor.extract(once + once, Optional.of(ClaimLanguage.EN), "main");
        assertThat(x.claims()).hasSize(2);
        assertThat(x.duplicatesSkipped()).isEqualTo(2);
    }

    @Test
    void shouldReadAWordThatNamesBothPeopleAndWhatHappenedAsWhatHappenedAfterAVerb() {
        ClaimExtraction x = ClaimExtractor.extract("96 were wounded, and 40 residents were taken hostage. The 12 wounded were treated.",
                Optional.of(ClaimLanguage.EN), "main");
        assertThat(x.claims()).extracting(Claim::category, c -> c.low().getAsLong())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ClaimCategory.INJURED, 96L),
                        org.assertj.core.groups.Tuple.tuple(ClaimCategory.HOSTAGE, 40L),
                        org.assertj.core.groups.Tuple.tuple(ClaimCategory.INJURED, 12L));
    }
}
