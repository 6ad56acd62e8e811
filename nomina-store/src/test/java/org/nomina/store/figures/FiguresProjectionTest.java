package org.nomina.store.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nomina.engine.domain.PartialDate;
import org.nomina.engine.domain.Sex;
import org.nomina.engine.domain.Status;
import org.nomina.engine.fates.Subgroups;

/** The projection's chunks: what is written comes back as it was, whatever the places hold. */
class FiguresProjectionTest {

    private static final List<String> PLACES = List.of("Nomkənd", "", "back\\slash\\n not a break", "two\nlines", "trailing\\", "a|b;c\\p\\s");

    private static RegisterFacts.Projected person(long id) {
        RegisterFacts.Projected p = new RegisterFacts.Projected(id);
        p.sex = Sex.FEMALE;
        p.birth = new PartialDate(1985, 1, 30, false);
        p.recordAge = -9; // never given by a list, but nothing in the bytes forbids it
        p.recordAgeDate = new PartialDate(1994, 11, 0, false);
        p.inIncident(3, true);
        p.inIncident(0, false);
        p.inIncident(3, false); // already in: still a resident there
        p.events.add(new RegisterFacts.Event(3, Status.REMAINS_IDENTIFIED, Optional.of(new PartialDate(1996, 0, 0, false)), 17, 2));
        p.events.add(new RegisterFacts.Event(0, Status.HOSTAGE, Optional.empty(), 4, 1));
        p.events.add(new RegisterFacts.Event(1L << 40, Status.KILLED, Optional.of(new PartialDate(9999, 12, 31, false)), Long.MAX_VALUE, 3));
        p.family = 5;
        p.parents = new long[] {5, 6};
        p.residentPlaces.addAll(PLACES);
        return p;
    }

    /** The person written between two others (one known, one of whom nothing is) in one chunk of a second chunk's register, and read back. */
    private static PersonColumns back(RegisterFacts.Projected p) {
        RegisterFacts.Projected first = new RegisterFacts.Projected(p.id - 2);
        first.residentPlaces.add("elsewhere");
        PersonColumns written = PersonColumns.of(List.of(first, person(p.id - 1), p, new RegisterFacts.Projected(p.id + 1)));
        PersonColumns read = new PersonColumns();
        assertThat(read.decode(written.encode(0, 1))).isEqualTo(1);
        assertThat(read.decode(written.encode(1, 4))).isEqualTo(3);
        read.done();
        assertThat(read.n).isEqualTo(4);
        assertThat(Arrays.copyOf(read.id, 4)).containsExactly(p.id - 2, p.id - 1, p.id, p.id + 1);
        assertThat(read.encode(0, 4)).isEqualTo(written.encode(0, 4));
        return read;
    }

    @Test
    void shouldGiveBackEveryFactAsWritten() {
        RegisterFacts.Projected p = person(42);
        PersonColumns c = back(p);
        int i = 2;
        assertThat(c.sex(i)).isEqualTo(Sex.FEMALE);
        assertThat(c.birth[i]).isEqualTo(Subgroups.pack(p.birth));
        assertThat(c.recordAge[i]).isEqualTo(-9);
        assertThat(c.recordAgeDate[i]).isEqualTo(Subgroups.pack(p.recordAgeDate));
        assertThat(c.incidentFrom[i + 1] - c.incidentFrom[i]).isEqualTo(2);
        assertThat(c.incidentIds.ids[c.incident[c.incidentFrom[i]]]).isEqualTo(3);
        assertThat(c.residentIn[c.incidentFrom[i]]).isTrue();
        assertThat(c.incidentIds.ids[c.incident[c.incidentFrom[i] + 1]]).isZero();
        assertThat(c.residentIn[c.incidentFrom[i] + 1]).isFalse();
        int e = c.eventFrom[i];
        assertThat(c.eventFrom[i + 1] - e).isEqualTo(3);
        assertThat(c.incidentIds.ids[c.eventIncident[e]]).isEqualTo(3);
        assertThat(PersonColumns.status(c.eventStatus[e])).isEqualTo(Status.REMAINS_IDENTIFIED);
        assertThat(c.eventDate[e]).isEqualTo(Subgroups.pack(1996, 0, 0));
        assertThat(c.eventRecord[e]).isEqualTo(17);
        assertThat(c.sourceIds.ids[c.eventSource[e]]).isEqualTo(2);
        assertThat(c.eventDate[e + 1]).isZero();
        assertThat(c.incidentIds.ids[c.eventIncident[e + 2]]).isEqualTo(1L << 40);
        assertThat(c.eventRecord[e + 2]).isEqualTo(Long.MAX_VALUE);
        assertThat(c.eventDate[e + 2]).isEqualTo(Subgroups.pack(9999, 12, 31));
        assertThat(c.family[i]).isEqualTo(5);
        assertThat(Arrays.copyOfRange(c.parent, c.parentFrom[i], c.parentFrom[i + 1])).containsExactly(5, 6);
        assertThat(Arrays.stream(c.place, c.placeFrom[i], c.placeFrom[i + 1]).mapToObj(c.places::get).toList()).isEqualTo(PLACES);
        assertThat(c.places.get(c.place[c.placeFrom[0]])).isEqualTo("elsewhere");
    }

    @Test
    void shouldGiveBackAPersonOfWhomNothingIsKnown() {
        PersonColumns c = back(new RegisterFacts.Projected(7));
        int i = 2;
        assertThat(c.sex(i)).isEqualTo(Sex.UNKNOWN);
        assertThat(c.birth[i]).isZero();
        assertThat(c.recordAge[i]).isEqualTo(PersonColumns.NO_AGE);
        assertThat(c.recordAgeDate[i]).isZero();
        assertThat(c.incidentFrom[i + 1]).isEqualTo(c.incidentFrom[i]);
        assertThat(c.eventFrom[i + 1]).isEqualTo(c.eventFrom[i]);
        assertThat(c.family[i]).isZero();
        assertThat(c.parentFrom[i + 1]).isEqualTo(c.parentFrom[i]);
        assertThat(c.placeFrom[i + 1]).isEqualTo(c.placeFrom[i]);
    }

    @Test
    void shouldRefuseAChunkCutShortOrWithBytesLeftOver() {
        byte[] chunk = PersonColumns.of(List.of(person(42))).encode(0, 1);
        assertThatThrownBy(() -> new PersonColumns().decode(Arrays.copyOf(chunk, chunk.length - 1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("figures projection");
        assertThatThrownBy(() -> new PersonColumns().decode(Arrays.copyOf(chunk, chunk.length + 1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("more than its 1 persons");
    }

    @Test
    void shouldRefusePersonsOutOfOrder() {
        assertThatThrownBy(() -> PersonColumns.of(List.of(new RegisterFacts.Projected(5), new RegisterFacts.Projected(5))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("out of order at 5");
    }
}
