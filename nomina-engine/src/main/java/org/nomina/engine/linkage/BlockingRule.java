package org.nomina.engine.linkage;

import java.util.List;

/**
 * Records whose keys all agree become candidate pairs. A record lacking any key part is not blocked by the
 * rule. Multi-valued key parts (Beider–Morse alternatives, birth years implied by an age) put a record in
 * several blocks.
 */
public record BlockingRule(String name, List<BlockingKey> keys) {

    public BlockingRule {
        keys = List.copyOf(keys);
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("blocking rule '" + name + "' has no keys");
        }
    }

    /**
     * Whether training runs an EM pass of its own on this rule's pairs. Not for a rule with
     * {@link BlockingKey.Standard#SURNAME_ONE_EDIT}: its pairs are chosen for a record without birth year or age
     * and a rare surname, so they hold no birth date to learn from and sample the crowds of namesakes such
     * records fall among (100,000 people: F1 0.8901 with its pass, 0.8913 without). Nor for a rule with
     * {@link BlockingKey.Standard#ONE_WITHOUT_PLACE}: its pairs hold no place to learn from. Their pairs still
     * count in λ.
     */
    public boolean trainsM() {
        return !keys.contains(BlockingKey.Standard.SURNAME_ONE_EDIT) && !keys.contains(BlockingKey.Standard.ONE_WITHOUT_PLACE);
    }
}
