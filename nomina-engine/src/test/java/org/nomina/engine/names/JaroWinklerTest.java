package org.nomina.engine.names;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class JaroWinklerTest {

    @Test
    void shouldMatchTheTextbookValues() {
        // Winkler (1990) examples.
        assertThat(JaroWinkler.similarity("martha", "marhta")).isCloseTo(0.9611, within(1e-4));
        assertThat(JaroWinkler.similarity("dwayne", "duane")).isCloseTo(0.84, within(1e-4));
        assertThat(JaroWinkler.similarity("dixon", "dicksonx")).isCloseTo(0.8133, within(1e-4));
    }

    @Test
    void shouldAgreeBetweenTheBitParallelAndTheArrayPaths() {
        String left = "pinkerton circuit bega flats";
        String right = "pinkertn circuit began flats";
        // Non-ASCII forces the array path; the same strings with an ASCII marker take the bit path.
        double bits = JaroWinkler.similarity(left + "x", right + "x");
        double arrays = JaroWinkler.similarity(left + "é", right + "é");
        assertThat(bits).isCloseTo(arrays, within(1e-12));
    }

    @Test
    void shouldScoreDisjointStringsZero() {
        assertThat(JaroWinkler.similarity("abc", "xyz")).isZero();
        assertThat(JaroWinkler.similarity("", "xyz")).isZero();
    }
}
