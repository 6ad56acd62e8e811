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
        assertThat(Values.age("40 yaşında").orElseThrow()).isEqualTo(new Values.Age(40, false));
        assertThat(Values.age("40?").orElseThrow()).isEqualTo(new Values.Age(40, true));
        assertThat(Values.age("около 40 лет").orElseThrow()).isEqualTo(new Values.Age(40, true));
        assertThat(Values.age("")).isEmpty();
    }

    @Test
    void shouldReadAnAgeRangeAsItsLowAndHighEnds() {
        assertThat(Values.age("30-40").orElseThrow()).isEqualTo(new Values.Age(30, 40, false));
        assertThat(Values.age("30 – 40 лет").orElseThrow()).isEqualTo(new Values.Age(30, 40, false));
        assertThat(Values.age("от 30 до 40").orElseThrow()).isEqualTo(new Values.Age(30, 40, false));
        assertThat(Values.age("between 30 and 40").orElseThrow()).isEqualTo(new Values.Age(30, 40, false));
        assertThat(Values.age("about 30-40").orElseThrow()).isEqualTo(new Values.Age(30, 40, true));
        Values.Age range = Values.age("30-40").orElseThrow();
        assertThat(range.isRange()).isTrue();
        assertThat(range.years()).isEqualTo(35);
        assertThat(range).hasToString("30-40");
    }

    @Test
    void shouldReadAgesWrittenInWordsInFourLanguages() {
        assertThat(Values.age("forty").orElseThrow()).isEqualTo(new Values.Age(40, false));
        assertThat(Values.age("Forty-two").orElseThrow()).isEqualTo(new Values.Age(42, false));
        assertThat(Values.age("forty two").orElseThrow()).isEqualTo(new Values.Age(42, false));
        assertThat(Values.age("about forty").orElseThrow()).isEqualTo(new Values.Age(40, true));
        assertThat(Values.age("сорок").orElseThrow()).isEqualTo(new Values.Age(40, false));
        assertThat(Values.age("сорок два года").orElseThrow()).isEqualTo(new Values.Age(42, false));
        assertThat(Values.age("qırx").orElseThrow()).isEqualTo(new Values.Age(40, false));
        assertThat(Values.age("qırx yaşında").orElseThrow()).isEqualTo(new Values.Age(40, false));
        assertThat(Values.age("քառասուն").orElseThrow()).isEqualTo(new Values.Age(40, false));
    }

    @Test
    void shouldReadPlaceholderAgesAsUnknown() {
        assertThat(Values.age("n/a")).isEmpty();
        assertThat(Values.age("?")).isEmpty();
        assertThat(Values.age("неизвестно")).isEmpty();
        assertThat(Values.age("-")).isEmpty();
    }

    @Test
    void shouldRejectTextThatIsNoAge() {
        assertThatThrownBy(() -> Values.age("tall")).isInstanceOf(ValueParseException.class).hasMessageContaining("tall");
        assertThatThrownBy(() -> Values.age("240")).isInstanceOf(ValueParseException.class).hasMessageContaining("240");
        assertThatThrownBy(() -> Values.age("two hundred")).isInstanceOf(ValueParseException.class).hasMessageContaining("two hundred");
        assertThatThrownBy(() -> Values.age("40-30")).isInstanceOf(ValueParseException.class).hasMessageContaining("40 is more than 30");
        assertThatThrownBy(() -> Values.age("30-140")).isInstanceOf(ValueParseException.class).hasMessageContaining("140");
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
