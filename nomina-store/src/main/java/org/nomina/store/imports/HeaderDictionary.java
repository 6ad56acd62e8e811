package org.nomina.store.imports;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.nomina.engine.domain.Field;

/**
 * Column headers that lists commonly use, in English, Russian and Azerbaijani, and the field each
 * means. Used when an import has no mapping. Headers are compared case-, space- and
 * punctuation-insensitively ("Дата рождения:", "DATE OF BIRTH" and "date_of_birth" all match).
 */
public final class HeaderDictionary {

    private static final Map<String, Field> WORDS = new HashMap<>();

    static {
        add(Field.RECORD_ID, "id", "record id", "rec id", "no", "nr", "number", "#", "№", "n", "№ п п", "номер", "п п",
                "sıra", "sira", "sıra no", "sıra №", "list no", "entry");
        add(Field.FULL_NAME, "name", "full name", "fullname", "names", "victim", "victim name", "person", "фио", "ф и о",
                "фамилия имя отчество", "фамилия имя", "имя фамилия", "полное имя", "ad soyad", "adı soyadı", "soyadı adı",
                "soyadı adı atasının adı", "soyad ad ata adı", "s a a", "sаа");
        add(Field.SURNAME, "surname", "last name", "lastname", "family name", "фамилия", "soyad", "soyadı", "soyadi");
        add(Field.GIVEN_NAME, "given name", "first name", "firstname", "forename", "given names", "имя", "ad", "adı", "adi");
        add(Field.PATRONYMIC, "patronymic", "father s name", "fathers name", "father name", "middle name", "отчество",
                "ata adı", "atasının adı", "ata adi", "atasinin adi");
        add(Field.SEX, "sex", "gender", "пол", "cins", "cinsi", "cinsiyyət", "cinsiyyet");
        add(Field.BIRTH_DATE, "date of birth", "birth date", "birthdate", "dob", "d o b", "born", "дата рождения",
                "doğum tarixi", "dogum tarixi", "anadan olduğu tarix");
        add(Field.BIRTH_YEAR, "year of birth", "birth year", "yob", "год рождения", "г р", "год рожд", "doğum ili", "dogum ili",
                "təvəllüd", "tevellud", "anadan olduğu il");
        add(Field.AGE, "age", "возраст", "лет", "yaş", "yaşı", "yas", "yasi");
        add(Field.PLACE, "place", "village", "town", "city", "settlement", "locality", "place of residence", "residence", "origin",
                "село", "населенный пункт", "населённый пункт", "место жительства", "город", "kənd", "kend", "şəhər", "seher",
                "yaşayış yeri", "yasayis yeri", "yaşadığı yer", "məntəqə");
        add(Field.ADDRESS, "address", "street address", "адрес", "ünvan", "unvan");
        add(Field.ID_NUMBER, "id number", "national id", "passport", "passport no", "document", "document number", "паспорт",
                "номер паспорта", "документ", "şəxsiyyət vəsiqəsi", "vəsiqə", "fin", "fin kod");
        add(Field.INCIDENT_DATE, "date of death", "date of incident", "incident date", "date killed", "date", "дата гибели",
                "дата смерти", "дата события", "дата", "ölüm tarixi", "həlak olma tarixi", "hadisə tarixi", "tarix");
        add(Field.STATUS, "status", "fate", "outcome", "статус", "судьба", "категория", "taleyi", "vəziyyəti", "veziyyeti", "status");
        add(Field.STATUS_DATE, "status date", "date of status", "date of capture", "date taken", "date released", "release date",
                "дата статуса", "дата пленения", "дата освобождения", "status tarixi", "azad edilmə tarixi", "girov götürülmə tarixi");
        add(Field.HOUSEHOLD, "household", "household no", "household number", "family no", "family number", "family", "hh",
                "семья", "номер семьи", "хозяйство", "двор", "№ семьи", "ailə", "aile", "ailə no", "ailə №", "təsərrüfat");
        add(Field.RELATION, "relation", "relationship", "relation to head", "relationship to head", "kinship", "родство",
                "отношение к главе", "степень родства", "qohumluq", "qohumluq dərəcəsi", "ailə başçısına münasibəti");
        add(Field.FATHER_NAME, "father", "father s full name", "отец", "фио отца", "atası", "atasının adı soyadı");
        add(Field.MOTHER_NAME, "mother", "mother s name", "mothers name", "mother name", "мать", "фио матери", "имя матери",
                "anası", "anasının adı");
        add(Field.INCIDENT, "incident", "event", "событие", "инцидент", "hadisə");
        add(Field.NOTES, "notes", "note", "comment", "comments", "remarks", "примечание", "примечания", "комментарий",
                "qeyd", "qeydlər", "qeydler");
        // Armenian (the project's own Armenian list has these headers: bench/hard-case.sh). Հ/Հ is հերթական համար, the №.
        add(Field.RECORD_ID, "հ/հ", "հհ", "համար", "հերթական համար");
        add(Field.FULL_NAME, "անուն ազգանուն", "ազգանուն անուն", "ազգանուն անուն հայրանուն", "անուն ազգանուն հայրանուն");
        add(Field.SURNAME, "ազգանուն");
        add(Field.GIVEN_NAME, "անուն");
        add(Field.PATRONYMIC, "հայրանուն", "հոր անուն", "հոր անունը");
        add(Field.SEX, "սեռ");
        add(Field.BIRTH_DATE, "ծննդյան ամսաթիվ", "ծննդյան թվական", "ծննդյան օր");
        add(Field.BIRTH_YEAR, "ծննդյան տարեթիվ", "ծննդյան տարի");
        add(Field.AGE, "տարիք");
        add(Field.PLACE, "բնակավայր", "գյուղ", "քաղաք", "բնակության վայր");
        add(Field.ADDRESS, "հասցե");
        add(Field.STATUS, "ճակատագիր", "կարգավիճակ");
        add(Field.INCIDENT_DATE, "զոհվելու ամսաթիվ", "մահվան ամսաթիվ", "ամսաթիվ");
        add(Field.HOUSEHOLD, "ընտանիք", "ընտանիքի համար");
        add(Field.RELATION, "ազգակցական կապ", "ազգակցություն");
        add(Field.FATHER_NAME, "հայր");
        add(Field.MOTHER_NAME, "մայր", "մոր անուն");
        add(Field.NOTES, "նշում", "նշումներ", "մեկնաբանություն");
    }

    private static void add(Field field, String... headers) {
        for (String h : headers) {
            String k = key(h);
            WORDS.put(k.isEmpty() ? h : k, field);
        }
    }

    private HeaderDictionary() {
    }

    static String key(String header) {
        return header.toLowerCase(Locale.ROOT)
                .replaceAll("[\\p{Punct}’«»]", " ")
                .replaceAll("\\s+", " ")
                .strip();
    }

    /** The field a header commonly means, if it is one the dictionary knows. */
    public static Optional<Field> recognise(String header) {
        String k = key(header);
        return Optional.ofNullable(WORDS.get(k.isEmpty() ? header.strip() : k));
    }
}
