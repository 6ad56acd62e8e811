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
}
