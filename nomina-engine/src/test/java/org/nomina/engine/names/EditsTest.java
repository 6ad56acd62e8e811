package org.nomina.engine.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EditsTest {

    @Test
    void shouldTellStringsOneEditApart() {
        assertThat(Edits.withinOne("thrv", "thsv")).isTrue();
        assertThat(Edits.withinOne("thrv", "thv")).isTrue();
        assertThat(Edits.withinOne("thv", "thrv")).isTrue();
        assertThat(Edits.withinOne("mmdv", "mdmv")).isTrue();
        assertThat(Edits.withinOne("mmdv", "mmdv")).isTrue();
        assertThat(Edits.withinOne("abc", "bcd")).isFalse();
        assertThat(Edits.withinOne("mmdv", "mdvm")).isFalse();
        assertThat(Edits.withinOne("thrv", "tsrvx")).isFalse();
        assertThat(Edits.withinOne("abcd", "ab")).isFalse();
    }
}
