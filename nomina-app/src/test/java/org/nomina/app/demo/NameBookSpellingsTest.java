package org.nomina.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.nomina.engine.names.NameNormaliser;
import org.nomina.engine.names.NormalName;

/**
 * Every spelling the generators write of one name (Azerbaijani Latin, Russian, English romanisations, Armenian
 * script) must reach the linkage as one family: a name whose spellings fall into two families is only linked by
 * the rules that do without it. These spellings are the real ones lists use, so the check is of the normaliser,
 * not of the generator. It found Hambardzumyan / Амбарцумян (Armenian ձ is BGN's dz and Russian's ц) and
 * Մելքոնյան read "melk'vonyan" by ICU's BGN rules.
 */
class NameBookSpellingsTest {
    /** Alik is a short form of Aleksandr as well as of Ələkbər (and of Əli): which one a list means, no table can say. */
    private static final Set<String> AMBIGUOUS_SHORT_FORMS = Set.of("Alik");

    private final NameNormaliser names = NameNormaliser.shared();

    @Test
    void shouldGiveEverySpellingOfASurnameOneFamily() {
        List<String> split = new ArrayList<>();
        NameBook.SURNAMES.forEach(s -> splitFamilies(forms(NameBook.forms(s)), names::surname, split));
        NameBook.ARMENIAN_SURNAMES.forEach(s -> splitFamilies(forms(s), names::surname, split));
        assertThat(split).as("surnames whose spellings fall into more than one family").isEmpty();
    }

    @Test
    void shouldGiveEverySpellingOfAGivenNameAndItsShortFormsOneFamily() {
        List<String> split = new ArrayList<>();
        for (List<NameBook.Spelling> book : List.of(NameBook.MALE, NameBook.FEMALE)) {
            book.forEach(s -> splitFamilies(forms(NameBook.forms(s)), names::givenName, split));
        }
        for (List<NameBook.Forms> book : List.of(NameBook.ARMENIAN_MALE, NameBook.ARMENIAN_FEMALE)) {
            book.forEach(s -> splitFamilies(forms(s), names::givenName, split));
        }
        for (Map.Entry<String, NameBook.Forms> nickname : NameBook.NICKNAMES.entrySet()) {
            if (!AMBIGUOUS_SHORT_FORMS.contains(nickname.getValue().latin())) {
                List<String> all = forms(nickname.getValue());
                all.add(nickname.getKey());
                splitFamilies(all, names::givenName, split);
            }
        }
        assertThat(split).as("given names whose spellings fall into more than one family").isEmpty();
    }

    @Test
    void shouldGiveEverySpellingOfAVillageOneName() {
        List<String> split = new ArrayList<>();
        for (NameBook.Spelling village : NameBook.VILLAGES) {
            List<String> all = new ArrayList<>(List.of(village.az(), village.ru()));
            all.addAll(village.en());
            Map<String, List<String>> byName = new TreeMap<>();
            all.forEach(v -> byName.computeIfAbsent(names.placeName(v), k -> new ArrayList<>()).add(v));
            if (byName.size() > 1) {
                split.add(byName.toString());
            }
        }
        assertThat(split).as("villages whose spellings give more than one place name").isEmpty();
    }

    private static List<String> forms(NameBook.Forms name) {
        List<String> all = new ArrayList<>();
        all.add(name.latin());
        all.addAll(name.ru());
        all.addAll(name.en());
        if (!name.hy().isEmpty()) {
            all.add(name.hy());
        }
        return all;
    }

    private void splitFamilies(List<String> spellings, Function<String, NormalName> normalise, List<String> split) {
        Map<String, List<String>> byFamily = new TreeMap<>();
        spellings.forEach(s -> byFamily.computeIfAbsent(normalise.apply(s).familyKey(), k -> new ArrayList<>())
                .add(s + " (" + names.ascii(s) + ")"));
        if (byFamily.size() > 1) {
            split.add(byFamily.toString());
        }
    }
}
