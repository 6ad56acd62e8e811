package org.nomina.engine.names;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NameNormaliserPropertiesTest {

    private final NameNormaliser names = NameNormaliser.shared();

    /** Syllables as (Russian Cyrillic, its BGN romanisation) pairs: one name, two scripts. */
    private static final List<String[]> SYLLABLES = List.of(
            new String[] {"ма", "ma"}, new String[] {"ме", "me"}, new String[] {"ли", "li"},
            new String[] {"до", "do"}, new String[] {"ра", "ra"}, new String[] {"ко", "ko"},
            new String[] {"зу", "zu"}, new String[] {"ни", "ni"}, new String[] {"ва", "va"},
            new String[] {"ша", "sha"}, new String[] {"ха", "kha"}, new String[] {"бе", "be"},
            new String[] {"тур", "tur"}, new String[] {"сан", "san"}, new String[] {"ков", "kov"});

    @Provide
    Arbitrary<String[]> nameInTwoScripts() {
        return Arbitraries.of(SYLLABLES).list().ofMinSize(2).ofMaxSize(4).flatMap(parts ->
                Combinators.combine(Arbitraries.just(parts), Arbitraries.of("ов", "ова", "ин", "ян"))
                        .as((syllables, ending) -> {
                            StringBuilder cyrillic = new StringBuilder();
                            StringBuilder latin = new StringBuilder();
                            for (String[] syllable : syllables) {
                                cyrillic.append(syllable[0]);
                                latin.append(syllable[1]);
                            }
                            String latinEnding = switch (ending) {
                                case "ов" -> "ov";
                                case "ова" -> "ova";
                                case "ин" -> "in";
                                default -> "yan";
                            };
                            return new String[] {cyrillic + ending, latin + latinEnding};
                        }));
    }

    @Property(tries = 300)
    void shouldNormaliseTheSameNameAlikeInCyrillicAndLatin(@ForAll("nameInTwoScripts") String[] name) {
        assertThat(names.surname(name[0])).isEqualTo(names.surname(name[1]));
    }

    @Property(tries = 300)
    void shouldBeIdempotent(@ForAll("anyName") String raw) {
        NormalName once = names.surname(raw);
        assertThat(names.surname(once.form())).isEqualTo(once);
        assertThat(NameNormaliser.fold(once.folded())).isEqualTo(once.folded());
    }

    @Property(tries = 300)
    void shouldProduceOnlyLowerCaseAsciiLetters(@ForAll("anyName") String raw) {
        NormalName name = names.surname(raw);
        assertThat(name.form()).matches("[a-z]*");
        assertThat(name.familyKey()).matches("[a-z]*");
    }

    @Provide
    Arbitrary<String> anyName() {
        return Arbitraries.strings()
                .withChars("абвгдеёжзийклмнопрстуфхцчшщыэюяәһјғүөАБВГМəığşçöüƏİĞŞÇÖÜabcdefghijklmnopqrstuvwxyzՀովհաննիսյանჯავახიშვილი -'")
                .ofMinLength(1).ofMaxLength(14);
    }

    @Property(tries = 500)
    void shouldKeepJaroWinklerWithinBoundsAndSymmetric(@ForAll("ascii") String left, @ForAll("ascii") String right) {
        double forward = JaroWinkler.similarity(left, right);
        assertThat(forward).isBetween(0.0, 1.0);
        assertThat(JaroWinkler.similarity(left, left)).isEqualTo(1.0);
        assertThat(Math.abs(forward - JaroWinkler.similarity(right, left))).isLessThan(1e-9);
    }

    @Provide
    Arbitrary<String> ascii() {
        return Arbitraries.strings().withCharRange('a', 'f').ofMinLength(0).ofMaxLength(70);
    }
}
