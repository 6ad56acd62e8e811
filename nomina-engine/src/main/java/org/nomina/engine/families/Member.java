package org.nomina.engine.families;

import java.util.Optional;
import org.nomina.engine.domain.Sex;

/**
 * One record of a household: the person it was linked to, the record, the household it names (unique
 * across sources, e.g. "3:H-12"), its relation to the head, and the names it gives, normalised by the
 * caller for comparison (lower case, single spaces): the person's given and full name, and the father's
 * and mother's names the record states ("" when it states none).
 */
public record Member(long personId, long recordId, String household, Optional<Relation> relation, Sex sex, String givenName,
                     String fullName, String fatherName, String motherName) {
}
