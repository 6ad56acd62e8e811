package org.nomina.engine.names;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The classes of missed links of issue 8, one test each: Armenian names through Russian, fathers' names in
 * three shapes, places with type words, short forms and nicknames. Each pair of spellings must reach the same
 * family key, and names of different people must not.
 */
class CommunitiesNamesTest {

    private final NameNormaliser names = NameNormaliser.shared();

    private static List<String> keys(List<String> raw, Function<String, NormalName> normalise) {
        return raw.stream().map(r -> normalise.apply(r).familyKey()).distinct().toList();
    }

    @Test
    void shouldBringArmenianSurnamesThroughRussianTogether() {
        assertThat(keys(List.of("Оганесян", "Ованесян", "Hovhannisyan", "Ohanian", "Оганян", "Հովհաննիսյան"),
                names::surname)).hasSize(1);
        assertThat(keys(List.of("Саргсян", "Sargsian", "Sargsyan", "Саркисян", "Sarkisian", "Սարգսյան"), names::surname))
                .hasSize(1);
        assertThat(keys(List.of("Арутюнян", "Harutyunyan", "Harutiunian", "Հարությունյան"), names::surname)).hasSize(1);
        assertThat(keys(List.of("Погосян", "Poghosyan", "Pogosian"), names::surname)).hasSize(1);
    }

    /** ICU's BGN read ո after an aspirated consonant as an initial "vo" (Մելքոնյան → melk’vonyan). */
    @Test
    void shouldReadArmenianOInsideAWordAsO() {
        assertThat(keys(List.of("Մելքոնյան", "Мелконян", "Melkonyan", "Melkonian", "ՄԵԼՔՈՆՅԱՆ"), names::surname)).hasSize(1);
        assertThat(keys(List.of("Քոչարյան", "Кочарян", "Kocharyan"), names::surname)).hasSize(1);
        assertThat(keys(List.of("Թորոսյան", "Торосян", "Torosyan"), names::surname)).hasSize(1);
        assertThat(names.ascii("Քոչարյան")).isEqualTo("kocharyan");
        // ու stays u, and an initial ո stays BGN's vo (the fold makes it o before a consonant).
        assertThat(names.ascii("Արություն")).isEqualTo("arutyun");
        assertThat(names.ascii("Ոսկանյան")).isEqualTo("voskanyan");
        assertThat(names.ascii("Թովմասյան")).isEqualTo("tovmasyan");
    }

    /** Armenian ձ: BGN's dz, Russian's ц. */
    @Test
    void shouldBringArmenianDzAndRussianTsTogether() {
        assertThat(keys(List.of("Համբարձումյան", "Hambardzumyan", "Амбарцумян", "Ambartsumyan", "Hambartsumian"), names::surname))
                .hasSize(1);
        assertThat(keys(List.of("Джафаров", "Jafarov", "Cəfərov", "Dzhafarov"), names::surname)).hasSize(1);
    }

    /** French romanisations: ou for u (but Mkrtchyan's tch is t and ch). */
    @Test
    void shouldReadFrenchRomanisationsOfArmenianNames() {
        assertThat(keys(List.of("Ղուկասյան", "Гукасян", "Ghukasyan", "Ghoukassian"), names::surname)).hasSize(1);
        assertThat(keys(List.of("Մկրտչյան", "Мкртчян", "Mkrtchyan", "Mkrtçyan"), names::surname)).hasSize(1);
        assertThat(keys(List.of("Բողոսյան", "Boghossian", "Poghosyan"), names::surname)).hasSize(1);
    }

    @Test
    void shouldBringArmenianGivenNamesThroughRussianTogether() {
        assertThat(keys(List.of("Ованес", "Оганес", "Hovhannes", "Հովհաննես"), names::givenName)).hasSize(1);
        assertThat(keys(List.of("Погос", "Poghos", "Պողոս"), names::givenName)).hasSize(1);
        assertThat(keys(List.of("Саркис", "Sargis", "Sarkis", "Սարգիս"), names::givenName)).hasSize(1);
        assertThat(keys(List.of("Арутюн", "Harutyun", "Հարություն"), names::givenName)).hasSize(1);
        assertThat(keys(List.of("Гоар", "Gohar", "Գոհար"), names::givenName)).hasSize(1);
        assertThat(keys(List.of("Анаит", "Anahit", "Անահիտ"), names::givenName)).hasSize(1);
    }

    @Test
    void shouldKnowArmenianShortFormsInEveryScript() {
        // Hovik and Ovik are Hovhannes, Arto is Harutyun, as witnesses call them; Ovik and Hovik once folded to
        // "oi" like Georgian Gogi and fell into Georgiy's family.
        assertThat(keys(List.of("Hovhannes", "Оганес", "Ovik", "Овик", "Hovik", "Օվիկ"), names::givenName)).hasSize(1);
        assertThat(keys(List.of("Harutyun", "Арутюн", "Arto", "Арто", "Արտո"), names::givenName)).hasSize(1);
        assertThat(keys(List.of("İbrahim", "Ибрагим", "Ibo"), names::givenName)).hasSize(1);
        assertThat(names.givenName("Ovik").familyKey()).isNotEqualTo(names.givenName("Gogi").familyKey());
    }

    @Test
    void shouldLetNoFoldedFormThatTwoFamiliesShareStandForEither() {
        // "Gogi" and "Hovik" both fold to "oi": written so, each is its own family's; a spelling that only folds
        // to "oi" belongs to neither.
        Diminutives table = Diminutives.parse(List.of("georgiy, gogi", "hovhannes, hovik"));

        assertThat(table.canonical("gogi")).contains("georgiy");
        assertThat(table.canonical("hovik")).contains("hovhannes");
        assertThat(table.canonical(NameNormaliser.fold("gogi"))).isEmpty();
        assertThat(table.canonical(NameNormaliser.fold("hovhannes"))).contains("hovhannes");
    }

    @Test
    void shouldKeepArmenianNamesApartFromTheirRussianTranslations() {
        // Hovhannes is John, as Ivan is, but a list that writes Ованес never means a man it calls Иван.
        assertThat(names.givenName("Ованес").familyKey()).isNotEqualTo(names.givenName("Иван").familyKey());
        assertThat(names.givenName("Poghos").familyKey()).isNotEqualTo(names.givenName("Pavel").familyKey());
        assertThat(names.surname("Sargsyan").familyKey()).isNotEqualTo(names.surname("Harutyunyan").familyKey());
    }

    @Test
    void shouldReadAzerbaijaniSurnamesWrittenInArmenianScript() {
        assertThat(keys(List.of("Ախմեդովա", "Ахмедова", "Əhmədova", "AKHMEDOVA", "Ahmadova"), names::surname)).hasSize(1);
        assertThat(keys(List.of("Մամեդով", "Мамедов", "Məmmədov"), names::surname)).hasSize(1);
    }

    @Test
    void shouldReadCyrillicRenderingsOfAzerbaijaniSounds() {
        assertThat(keys(List.of("Гасан", "Həsən", "Hasan"), names::givenName)).hasSize(1);
        assertThat(keys(List.of("Гусейн", "Hüseyn", "Huseyn"), names::givenName)).hasSize(1);
        assertThat(keys(List.of("Джафаров", "Cəfərov", "Jafarov", "Djafarov"), names::surname)).hasSize(1);
        assertThat(keys(List.of("Гасымов", "Qasımov", "Gasimov", "Qasymov"), names::surname)).hasSize(1);
    }

    @ParameterizedTest(name = "{0} and {1} name one father")
    @CsvSource({
        "Ованесович, Hovhannes", "Оганесович, Հովհաննեսի", "Hovhannesi, Ованес", "Саркисовна, Sargis",
        "Սարգսի, Саркисович", "Արամի, Арамович", "Aram, Արամի", "Гасан кызы, Həsən qızı", "Hasan oglu, Гасанович",
        "Hasan, Гасан оглы", "Гусейновна, Hüseyn qızı", "Алиевич, Əli oğlu", "Джафаровна, Cəfər qızı",
        // Armenian script writes an initial o as Ո, read "vo": Ոգտայի is Oqtay's, Որուջի Oruc's.
        "Ոգտայի, Октай кызы", "Ոգտայի, Oqtay oğlu", "Որուջի, Орудж кызы"})
    void shouldReduceEveryShapeOfAFathersNameToTheSameFamily(String left, String right) {
        assertThat(names.patronymic(left).familyKey()).isEqualTo(names.patronymic(right).familyKey());
    }

    @Test
    void shouldNotCutAnIThatBelongsToTheName() {
        assertThat(names.patronymic("Ali").form()).isEqualTo("ali");
        assertThat(names.patronymic("Vəli").form()).isEqualTo("vali");
        assertThat(names.patronymic("Rafi").familyKey()).isNotEqualTo(names.patronymic("Raf").familyKey());
    }

    @Test
    void shouldLeavePlaceTypeWordsOut() {
        List<String> forms = List.of("с. Нурабулун", "пос. Нурабулун", "г. Нурабулун", "село Нурабулун",
                "Nurabulun kəndi", "village of Nurabulun", "Nurabulun village", "Нурабулун", "Nurabulun qəsəbəsi",
                "NURABULUN", "Nurabulun k.");
        assertThat(forms.stream().map(names::placeName).distinct().toList()).containsExactly("nurabulun");
        // A name that is nothing but a type word keeps it, rather than becoming no place at all.
        assertThat(names.placeName("село")).isNotEmpty();
        // Two villages whose names share a type word stay two.
        assertThat(names.placeName("с. Ağdam")).isNotEqualTo(names.placeName("с. Ağdaş"));
    }

    @Test
    void shouldKnowShortFormsAndNicknames() {
        assertThat(keys(List.of("Gyulya", "Гюльнара", "Gülnarə", "Гюля"), names::givenName)).hasSize(1);
        assertThat(keys(List.of("Mamish", "Məmməd", "Мамед", "Mammad"), names::givenName)).hasSize(1);
        assertThat(keys(List.of("Nar", "Anar", "Анар"), names::givenName)).hasSize(1);
        assertThat(names.givenName("Nar").familyKey()).isNotEqualTo(names.givenName("Nərgiz").familyKey());
    }
}
