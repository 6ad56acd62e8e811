package org.nomina.engine.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nomina.engine.domain.Status;
import org.nomina.engine.families.Relation;

/** The words lists use for releases, identified remains and relations, in the four languages of the region's lists. */
class FateWordsTest {

    @Test
    void shouldKnowReleasedAndRemainsIdentifiedInEnglishRussianAzerbaijaniAndArmenian() {
        assertThat(Values.statusWord("Exchanged")).contains(Status.RELEASED);
        assertThat(Values.statusWord("освобождён")).contains(Status.RELEASED);
        assertThat(Values.statusWord("azad edilib")).contains(Status.RELEASED);
        assertThat(Values.statusWord("ազատ արձակված")).contains(Status.RELEASED);
        assertThat(Values.statusWord("remains identified")).contains(Status.REMAINS_IDENTIFIED);
        assertThat(Values.statusWord("останки опознаны")).contains(Status.REMAINS_IDENTIFIED);
        assertThat(Values.statusWord("պատանդ")).contains(Status.HOSTAGE);
        assertThat(Values.statusWord("զոհված")).contains(Status.KILLED);
        assertThat(Status.fromWord("remains_identified")).contains(Status.REMAINS_IDENTIFIED);
    }

    @Test
    void shouldKnowRelationWordsAndNotGuessAnUnknownOne() {
        assertThat(Values.relationWord("  Daughter-in-law ")).contains(Relation.DAUGHTER_IN_LAW);
        assertThat(Values.relationWord("внучка")).contains(Relation.GRANDDAUGHTER);
        assertThat(Values.relationWord("ailə başçısı")).contains(Relation.HEAD);
        assertThat(Values.relationWord("cousin twice removed")).isEmpty();
    }
}
