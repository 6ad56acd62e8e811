package org.nomina.engine.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nomina.engine.domain.Sex;
import org.nomina.engine.domain.Status;

class ValuesTest {
    @Test
    void shouldReadAgesAsListsWriteThem() {
        assertThat(Values.age("40").orElseThrow()).isEqualTo(new Values.Age(40, false));
        assertThat(Values.age("about 40").orElseThrow()).isEqualTo(new Values.Age(40, true));
        assertThat(Values.age("40 лет").orElseThrow()).isEqualTo(new Values.Age(40, false));
        assertThat(Values.age("40 yaş").orElseThrow()).isEqualTo(new Values.Age(40, false));
        assertThat(Values.age("40?").orElseThrow()).isEqualTo(new Values.Age(40, true));
        assertThat(Values.age("")).isEmpty();
    }

    @Test
    void shouldRejectTextThatIsNoAge() {
        assertThatThrownBy(() -> Values.age("forty")).isInstanceOf(ValueParseException.class).hasMessageContaining("forty");
        assertThatThrownBy(() -> Values.age("240")).isInstanceOf(ValueParseException.class).hasMessageContaining("240");
    }

    @Test
    void shouldKnowSexAndStatusWordsInThreeLanguages() {
        assertThat(Values.sexWord("ж")).contains(Sex.FEMALE);
        assertThat(Values.sexWord("kişi")).contains(Sex.MALE);
        assertThat(Values.statusWord("погибла")).contains(Status.KILLED);
        assertThat(Values.statusWord("itkin düşüb")).contains(Status.MISSING);
        assertThat(Values.statusWord("girov götürülüb")).contains(Status.HOSTAGE);
        assertThat(Values.statusWord("detained")).contains(Status.HOSTAGE);
        assertThat(Values.statusWord("on holiday")).isEmpty();
    }
}
