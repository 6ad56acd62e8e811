package org.nomina.app.register;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which values are protected: id numbers, addresses and notes (where lists keep contact details and
 * informants), any column whose header names a witness, an informant or a contact, and everything but
 * the name of a person marked living. Roles below editor see them masked; every view is audited.
 */
final class Protection {
    static final String MASK = "•••• protected";

    static final Set<String> FIELDS = Set.of("id_number", "address", "notes");

    /** Fields of a living person that stay visible to every role. */
    static final Set<String> LIVING_VISIBLE = Set.of("full_name", "surname", "given_name", "patronymic", "sex");

    /** Headers that announce protected contents, in English, Russian and Azerbaijani. */
    private static final Pattern PROTECTED_HEADER = Pattern.compile(
            "(?iu).*(witness|informant|contact|phone|tel\\b|e-?mail|address|passport|свидетел|информант|контакт|телефон|адрес|паспорт"
                    + "|şahid|məlumat verən|əlaqə|telefon|ünvan|pasport).*");

    private Protection() {
    }

    /**
     * Headers asked already and the answer: a person page asks for every cell of every record, and the pattern (case-
     * insensitive in three scripts, tried at every position) cost more than the rest of masking. A source has a few
     * dozen headers; past {@link #REMEMBERED} distinct ones the answer is computed each time.
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, Boolean> HEADERS = new java.util.concurrent.ConcurrentHashMap<>();
    static final int REMEMBERED = 10_000;

    static boolean protectedHeader(String header) {
        Boolean known = HEADERS.get(header);
        if (known != null) {
            return known;
        }
        boolean answer = PROTECTED_HEADER.matcher(header).matches();
        if (HEADERS.size() < REMEMBERED) {
            HEADERS.put(header, answer);
        }
        return answer;
    }
}
