package org.nomina.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nomina.store.export.SpreadsheetCells;

class SpreadsheetCellsTest {
    @Test
    void shouldPrefixEveryValueASpreadsheetWouldRunAsAFormula() {
        assertThat(SpreadsheetCells.neutralise("=1+2")).isEqualTo("'=1+2");
        assertThat(SpreadsheetCells.neutralise("+cmd|' /C calc'!A0")).isEqualTo("'+cmd|' /C calc'!A0");
        assertThat(SpreadsheetCells.neutralise("-2+3")).isEqualTo("'-2+3");
        assertThat(SpreadsheetCells.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SpreadsheetCells.neutralise("\t=1")).isEqualTo("'\t=1");
    }

    @Test
    void shouldLeaveNumbersNamesAndTheLoneDashAlone() {
        assertThat(SpreadsheetCells.neutralise("-12")).isEqualTo("-12");
        assertThat(SpreadsheetCells.neutralise("+3.5")).isEqualTo("+3.5");
        assertThat(SpreadsheetCells.neutralise("-")).isEqualTo("-");
        assertThat(SpreadsheetCells.neutralise("Məmmədov")).isEqualTo("Məmmədov");
        assertThat(SpreadsheetCells.neutralise(42)).isEqualTo(42);
        assertThat(SpreadsheetCells.neutralise("")).isEqualTo("");
    }
}
