package org.nomina.engine.linkage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The memo gives back what was put for the same two values, nothing for others, and never holds ids it cannot pack. */
class LevelMemoTest {

    @Test
    void shouldReturnTheLevelPutForTheSameOrderedPairOnly() {
        LevelMemo memo = new LevelMemo();
        assertThat(memo.get(3, 7)).isEqualTo(-1);
        memo.put(3, 7, 5);
        assertThat(memo.get(3, 7)).isEqualTo(5);
        assertThat(memo.get(7, 3)).isEqualTo(-1);
        memo.put(3, 7, 0);
        assertThat(memo.get(3, 7)).isZero();
    }

    @Test
    void shouldNeverAnswerForAnotherPairThatSharesItsSlot() {
        // Two million distinct pairs into a million slots: every answer is either -1 or the level put for that pair.
        LevelMemo memo = new LevelMemo();
        for (int a = 0; a < 2000; a++) {
            for (int b = 0; b < 1000; b++) {
                memo.put(a, b + 1, (a + b) % 15);
            }
        }
        int held = 0;
        int wrong = 0;
        for (int a = 0; a < 2000; a++) {
            for (int b = 0; b < 1000; b++) {
                int level = memo.get(a, b + 1);
                if (level >= 0) {
                    wrong += level == (a + b) % 15 ? 0 : 1;
                    held++;
                }
            }
        }
        assertThat(wrong).isZero();
        assertThat(held).isBetween(1, 1 << 20);
    }

    @Test
    void shouldNotHoldIdsBeyondThirtyBitsOrAValueAgainstItself() {
        LevelMemo memo = new LevelMemo();
        memo.put(1 << 30, 1, 4);
        assertThat(memo.get(1 << 30, 1)).isEqualTo(-1);
        assertThat(memo.get(0, 0)).isEqualTo(-1);
    }
}
