package org.nomina.store.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nomina.engine.domain.PartialDate;
import org.nomina.engine.domain.Sex;
import org.nomina.engine.domain.Status;

/** The projection's row: what is written comes back as it was, whatever the places hold. */
class FiguresProjectionTest {

    private static RegisterFacts.Projected person(long id) {
        RegisterFacts.Projected p = new RegisterFacts.Projected(id);
        p.sex = Sex.FEMALE;
        p.birth = new PartialDate(1985, 1, 30, false);
        p.recordAge = 9;
        p.recordAgeDate = new PartialDate(1994, 11, 0, false);
        p.inIncident(3, true);
        p.inIncident(0, false);
        p.inIncident(3, false); // already in: still a resident there
        p.events.add(new RegisterFacts.Event(3, Status.REMAINS_IDENTIFIED, Optional.of(new PartialDate(1996, 0, 0, false)), 17, 2));
        p.events.add(new RegisterFacts.Event(0, Status.HOSTAGE, Optional.empty(), 4, 1));
        p.family = 5;
        p.parents = new long[] {5, 6};
        p.residentPlaces.addAll(List.of("Nomkənd", "", "back\\slash\\n not a break", "two\nlines", "trailing\\", "a|b;c\\p\\s"));
        return p;
    }

    /** The person written as a line between two others in one chunk, and read back. */
    private static RegisterFacts.Projected back(RegisterFacts.Projected p) {
        RegisterFacts.Projected before = person(p.id - 1);
        RegisterFacts.Projected after = new RegisterFacts.Projected(p.id + 1);
        List<RegisterFacts.Projected> out = new java.util.ArrayList<>();
        FiguresProjection.parse(FiguresProjection.line(before) + FiguresProjection.line(p) + FiguresProjection.line(after), out);
        assertThat(out).extracting(x -> x.id).containsExactly(p.id - 1, p.id, p.id + 1);
        assertThat(FiguresProjection.line(out.get(0))).isEqualTo(FiguresProjection.line(before));
        assertThat(FiguresProjection.line(out.get(2))).isEqualTo(FiguresProjection.line(after));
        return out.get(1);
    }

    @Test
    void shouldGiveBackEveryFactAsWritten() {
        RegisterFacts.Projected p = person(42);
        RegisterFacts.Projected back = back(p);
        assertThat(FiguresProjection.line(back)).isEqualTo(FiguresProjection.line(p));
        assertThat(back.sex).isEqualTo(Sex.FEMALE);
        assertThat(back.birth).isEqualTo(p.birth);
        assertThat(back.recordAge).isEqualTo(9);
        assertThat(back.recordAgeDate).isEqualTo(p.recordAgeDate);
        assertThat(back.incidents).containsExactly(3, 0);
        assertThat(back.residentIn).containsExactly(true, false);
        assertThat(back.events).isEqualTo(p.events);
        assertThat(back.family).isEqualTo(5);
        assertThat(back.parents).containsExactly(5, 6);
        assertThat(back.residentPlaces).isEqualTo(p.residentPlaces);
    }

    @Test
    void shouldGiveBackAPersonOfWhomNothingIsKnown() {
        RegisterFacts.Projected p = new RegisterFacts.Projected(7);
        RegisterFacts.Projected back = back(p);
        assertThat(FiguresProjection.encode(p)).isEqualTo("u|||||||");
        assertThat(back.sex).isEqualTo(Sex.UNKNOWN);
        assertThat(back.birth).isNull();
        assertThat(back.recordAge).isNull();
        assertThat(back.incidents).isEmpty();
        assertThat(back.events).isEmpty();
        assertThat(back.family).isZero();
        assertThat(back.parents).isEmpty();
        assertThat(back.residentPlaces).isEmpty();
    }
}
