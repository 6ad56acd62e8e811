package org.nomina.engine.linkage;

import org.junit.jupiter.api.Test;
import org.nomina.engine.names.NameNormaliser;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nomina.engine.linkage.Records.record;

/** Place names compared word by word, through the same normalisation as the linker. */
class PlaceComparisonTest {

    private static String level(String left, String right) {
        RecordTable table = new RecordTable(List.of(record(1, 0).names("A", "B", "").place(left).build(),
                record(2, 1).names("A", "B", "").place(right).build()), Set.of(), NameNormaliser.shared());
        FieldComparator place = FieldComparator.of(LinkageConfig.defaults().comparisons().stream()
                .filter(c -> c.field().equals("place")).findFirst().orElseThrow());
        return place.labels().get(place.level(table, 0, 1));
    }

    @Test
    void shouldTellApartVillagesSharingTheirFirstWord() {
        // As whole strings these reach Jaro–Winkler 0.85 on the shared "Yuxarı".
        assertThat(level("Yuxarı Daşbulaq", "Yuxarı Sarıtəpə")).isEqualTo("different");
        assertThat(level("Yuxarı Daşbulaq", "Aşağı Daşbulaq")).isEqualTo("different");
    }

    @Test
    void shouldMatchOneVillageAcrossScriptsAndTypos() {
        assertThat(level("Yuxarı Daşbulaq", "Юхары Дашбулаг")).isEqualTo("exact");
        assertThat(level("Gözəltəpə", "Гёзельтепе")).isEqualTo("exact");
        assertThat(level("Yukhari Dashbulag", "Yukhari Dashbulga")).startsWith("jaro_winkler");
    }

    @Test
    void shouldMatchAVillageWrittenInOneWordOrTwo() {
        assertThat(level("Yeni Nomkənd kəndi", "YeniNomkend")).isEqualTo("jaro_winkler>=0.92");
        assertThat(level("Ağ Dərə", "Ağdərə")).isEqualTo("jaro_winkler>=0.92");
        assertThat(level("Yeni Nomkənd", "Nomkənd")).isEqualTo("different");
        assertThat(level("Yeni Nomkənd", "Yeni")).isEqualTo("different");
    }

    @Test
    void shouldMatchOneVillageWhoseRussianNameHasYBeforeAVowel() {
        assertThat(level("с. Чеззайурд", "CHEZZAYURD VILLAGE")).isEqualTo("exact");
        assertThat(level("Зозгунйери", "Zozgunyeri kəndi")).isEqualTo("exact");
    }
}
