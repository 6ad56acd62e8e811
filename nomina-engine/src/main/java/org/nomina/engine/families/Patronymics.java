package org.nomina.engine.families;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nomina.engine.domain.Sex;

/**
 * Proposes parent links for review, never for figures: a person whose patronymic names a man's given
 * name, of the same surname family and place, born 15 to 60 years after him, is proposed as his child —
 * only when exactly one man fits. Pure; thread-safe.
 */
public final class Patronymics {

    public static final String RULE = "the patronymic names his given name; same surname family and place; plausible age gap";
    static final int MIN_GAP = 15;
    static final int MAX_GAP = 60;

    /** A person as the proposal needs them; keys are family keys from the name normaliser ("" when unknown). */
    public record Candidate(long personId, Sex sex, String surnameFamily, String givenFamily, String patronymicFamily, String place,
                            Optional<Integer> birthYear) {
    }

    private Patronymics() {
    }

    public static List<FamilyLink> propose(List<Candidate> persons) {
        Map<String, List<Candidate>> men = new HashMap<>();
        for (Candidate c : persons) {
            if (c.sex() == Sex.MALE && !c.givenFamily().isEmpty() && !c.surnameFamily().isEmpty()) {
                men.computeIfAbsent(key(c.surnameFamily(), c.givenFamily(), c.place()), k -> new ArrayList<>()).add(c);
            }
        }
        List<FamilyLink> out = new ArrayList<>();
        for (Candidate child : persons) {
            if (child.patronymicFamily().isEmpty() || child.birthYear().isEmpty()) {
                continue;
            }
            int born = child.birthYear().get();
            List<Candidate> fits = men.getOrDefault(key(child.surnameFamily(), child.patronymicFamily(), child.place()), List.of())
                    .stream()
                    .filter(f -> f.personId() != child.personId() && f.birthYear().isPresent()
                            && born - f.birthYear().get() >= MIN_GAP && born - f.birthYear().get() <= MAX_GAP)
                    .toList();
            if (fits.size() == 1) {
                out.add(new FamilyLink(fits.get(0).personId(), child.personId(), FamilyLink.Kind.PARENT_OF, 0, RULE, true));
            }
        }
        return out;
    }

    private static String key(String surname, String given, String place) {
        return surname + '\u001f' + given + '\u001f' + place;
    }
}
