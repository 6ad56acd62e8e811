package org.nomina.engine.linkage;

import org.nomina.engine.domain.Sex;
import org.nomina.engine.parse.NameOrder;
import org.nomina.engine.parse.NameParser;
import org.nomina.engine.parse.ParsedName;

import java.util.Optional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A fictional district of Azerbaijani and Armenian villages seen through five lists written as real lists
 * are (issue 8): a ministry list in Azerbaijani Latin with diacritics; a Russian list in Cyrillic, its ФИО
 * column surname first but given name first in some rows, Armenian names as Russian writes them (Ованес,
 * Оганесян) and fathers' names as -ович or оглы/кызы; an English list in ALL CAPS with bare fathers' names
 * and ages; free-text testimonies given name first with swaps; and an Armenian-script list with fathers'
 * names in the genitive and Azerbaijani names written letter by letter from Russian (Ախմեդովա). Villages
 * have heavy-tailed sizes, names are Zipf-distributed, and a share of each community bears the other's
 * names. Typing errors, missing fields, type words on places (с., village of, kəndi). No real person's data.
 */
final class CommunitiesPopulation {

    /** One name: Azerbaijani or Armenian Latin, Russian Cyrillic, English capitals, Armenian script (or null). */
    private record Forms(String latin, String russian, String english, String armenian) {
    }

    private static final Forms[] ARMENIAN_MEN = forms(
            "Hovhannes Ованес HOVHANNES Հովհաննես", "Sargis Саркис SARKIS Սարգիս", "Aram Арам ARAM Արամ",
            "Armen Армен ARMEN Արմեն", "Ashot Ашот ASHOT Աշոտ", "Gevorg Геворг GEVORG Գևորգ",
            "Tigran Тигран TIGRAN Տիգրան", "Karen Карен KAREN Կարեն", "Vardan Вардан VARDAN Վարդան",
            "Harutyun Арутюн HARUTYUN Հարություն", "Poghos Погос POGHOS Պողոս", "Hakob Акоп HAKOB Հակոբ",
            "Samvel Самвел SAMVEL Սամվել", "Artur Артур ARTUR Արթուր", "Grigor Григор GRIGOR Գրիգոր");
    private static final Forms[] ARMENIAN_WOMEN = forms(
            "Anahit Анаит ANAHIT Անահիտ", "Gohar Гоар GOHAR Գոհար", "Lilit Лилит LILIT Լիլիթ", "Anush Ануш ANUSH Անուշ",
            "Mariam Мариам MARIAM Մարիամ", "Nune Нуне NUNE Նունե", "Siranush Сирануш SIRANUSH Սիրանուշ",
            "Hasmik Асмик HASMIK Հասմիկ", "Armine Армине ARMINE Արմինե", "Karine Карине KARINE Կարինե");
    private static final Forms[] ARMENIAN_SURNAMES = forms(
            "Hovhannisyan Оганесян OHANIAN Հովհաննիսյան", "Sargsyan Саркисян SARGSIAN Սարգսյան",
            "Grigoryan Григорян GRIGORIAN Գրիգորյան", "Petrosyan Петросян PETROSYAN Պետրոսյան",
            "Harutyunyan Арутюнян HARUTYUNYAN Հարությունյան", "Khachatryan Хачатрян KHACHATRYAN Խաչատրյան",
            "Hakobyan Акопян HAKOBYAN Հակոբյան", "Vardanyan Варданян VARDANIAN Վարդանյան",
            "Gevorgyan Геворкян GEVORGYAN Գևորգյան", "Avetisyan Аветисян AVETISYAN Ավետիսյան",
            "Poghosyan Погосян POGHOSYAN Պողոսյան", "Mkrtchyan Мкртчян MKRTCHYAN Մկրտչյան",
            "Karapetyan Карапетян KARAPETYAN Կարապետյան", "Margaryan Маргарян MARGARYAN Մարգարյան",
            "Ghazaryan Казарян GHAZARYAN Ղազարյան");
    private static final Forms[] AZERBAIJANI_MEN = forms(
            "Məmməd Мамед MAMMAD -", "Əli Али ALI -", "Həsən Гасан HASAN -", "Hüseyn Гусейн HUSEYN -",
            "Cəfər Джафар JAFAR -", "Rəşid Рашид RASHID -", "Elçin Эльчин ELCHIN -", "Vüqar Вугар VUGAR -",
            "Tofiq Тофик TOFIG -", "Kərim Керим KARIM -", "Qasım Гасым GASIM -", "Rauf Рауф RAUF -",
            "Elşən Эльшан ELSHAN -", "Fərid Фарид FARID -", "İlham Ильгам ILHAM -");
    private static final Forms[] AZERBAIJANI_WOMEN = forms(
            "Gülnarə Гюльнара GULNARA -", "Aynur Айнур AYNUR -", "Leyla Лейла LEYLA -", "Nailə Наиля NAILA -",
            "Sevinc Севиндж SEVINJ -", "Aygün Айгюн AYGUN -", "Könül Кёнуль KONUL -", "Zəhra Захра ZAHRA -",
            "Səbinə Сабина SABINA -", "Xədicə Хадиджа KHADIJA -");
    private static final Forms[] AZERBAIJANI_SURNAMES = forms(
            "Məmmədov Мамедов MAMMADOV -", "Əliyev Алиев ALIYEV -", "Həsənov Гасанов HASANOV -",
            "Hüseynov Гусейнов HUSEYNOV -", "Cəfərov Джафаров JAFAROV -", "Quliyev Кулиев GULIYEV -",
            "Qasımov Гасымов GASIMOV -", "Kərimov Керимов KARIMOV -", "Rəhimov Рагимов RAHIMOV -",
            "Abbasov Аббасов ABBASOV -", "Əhmədov Ахмедов AHMADOV -", "Babayev Бабаев BABAYEV -",
            "İsmayılov Исмаилов ISMAYILOV -", "Nəsirov Насиров NASIROV -", "Həsənli Гасанлы HASANLI -");
    private static final Forms[] VILLAGES = forms(
            "Nurabulun Нурабулун NURABULUN -", "Qaratəpə Каратепе GARATAPA -", "Sarıbulaq Сарыбулаг SARIBULAG -",
            "Göykənd Гёйкенд GOYKAND -", "Daşkənd Дашкенд DASHKAND -", "Çaylı Чайлы CHAYLI -", "Meşəli Мешали MESHALI -",
            "Qızılca Гызылджа GIZILJA -", "Xanlıq Ханлыг KHANLIG -", "Güneyli Гюнейли GUNEYLI -", "Sofulu Софулу SOFULU -",
            "Quşçu Гушчу GUSHCHU -", "Təzəkənd Тазакенд TAZAKAND -", "Aranzəmin Аранзамин ARANZAMIN -",
            "Ağbulaq Агбулаг AGHBULAG -", "Vəng Ванк VANK Վանք", "Çardaxlı Чардаклы CHARDAKHLI -",
            "Kərkicahan Керкиджахан KARKIJAHAN -", "Badara Бадара BADARA Բադարա", "Sığnaq Сигнах SIGHNAG -");

    private static final String[] RUSSIAN_PLACE_WORDS = {"с. ", "пос. ", "село ", ""};
    private static final String[] ENGLISH_PLACE_WORDS = {"", " village", ""};

    private record Person(boolean armenian, boolean female, Forms surname, Forms given, Forms father, int year,
                          int month, int day, int village) {
    }

    private CommunitiesPopulation() {
    }

    private static Forms[] forms(String... lines) {
        Forms[] out = new Forms[lines.length];
        for (int i = 0; i < lines.length; i++) {
            String[] f = lines[i].split(" ");
            out[i] = new Forms(f[0], f[1], f[2], f[3].equals("-") ? null : f[3]);
        }
        return out;
    }

    /**
     * @param people how many people; each appears on each of the five lists with probability 0.45
     */
    static Febrl.Data generate(int people, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<LinkRecord> records = new ArrayList<>();
        Map<Long, Integer> entities = new HashMap<>();
        for (int p = 0; p < people; p++) {
            int village = zipf(random, VILLAGES.length, 1.1);
            // Villages are of one community or the other; a few families bear the other's names.
            boolean armenian = (village % 3 == 0) != (random.nextDouble() < 0.1);
            boolean female = random.nextBoolean();
            Forms[] given = armenian ? (female ? ARMENIAN_WOMEN : ARMENIAN_MEN) : (female ? AZERBAIJANI_WOMEN : AZERBAIJANI_MEN);
            Forms[] fathers = armenian ? ARMENIAN_MEN : AZERBAIJANI_MEN;
            Forms[] surnames = armenian ? ARMENIAN_SURNAMES : AZERBAIJANI_SURNAMES;
            Person person = new Person(armenian, female, surnames[zipf(random, surnames.length, 1.0)],
                    given[zipf(random, given.length, 0.9)], fathers[zipf(random, fathers.length, 0.9)],
                    1925 + random.nextInt(75), 1 + random.nextInt(12), 1 + random.nextInt(28), village);
            for (int list = 0; list < 5; list++) {
                if (random.nextDouble() < 0.45) {
                    long key = records.size();
                    records.add(render(random, person, list, key));
                    entities.put(key, p);
                }
            }
        }
        return new Febrl.Data(records, entities);
    }

    private static LinkRecord render(SplittableRandom random, Person person, int list, long key) {
        String surname;
        String given;
        String father;
        String fullName = null;
        NameOrder order = NameOrder.SURNAME_FIRST;
        String place;
        Forms village = VILLAGES[person.village()];
        switch (list) {
            case 0 -> { // ministry: Latin with diacritics, separate columns
                surname = feminine(person.surname().latin(), person, "a");
                given = person.given().latin();
                father = person.father().latin() + (person.armenian() ? "" : person.female() ? " qızı" : " oğlu");
                place = random.nextBoolean() ? village.latin() : village.latin() + " kəndi";
            }
            case 1 -> { // Russian ФИО, surname first, some rows given name first
                surname = feminine(person.surname().russian(), person, "а");
                given = person.given().russian();
                father = person.armenian() ? russianPatronymic(person.father().russian(), person.female())
                        : person.father().russian() + (person.female() ? " кызы" : " оглы");
                fullName = random.nextDouble() < 0.2 ? given + " " + surname + " " + father
                        : surname + " " + given + " " + father;
                place = RUSSIAN_PLACE_WORDS[random.nextInt(RUSSIAN_PLACE_WORDS.length)] + village.russian();
            }
            case 2 -> { // English capitals, bare father's name
                surname = feminine(person.surname().english(), person, "A");
                given = person.given().english();
                father = person.father().english();
                place = village.english() + ENGLISH_PLACE_WORDS[random.nextInt(ENGLISH_PLACE_WORDS.length)];
            }
            case 3 -> { // testimonies: "Given Surname", given first, some swapped, Latin or Cyrillic
                boolean cyrillic = random.nextBoolean();
                surname = cyrillic ? feminine(person.surname().russian(), person, "а") : feminine(person.surname().latin(), person, "a");
                given = cyrillic ? person.given().russian() : person.given().latin();
                father = "";
                fullName = random.nextDouble() < 0.15 ? surname + " " + given : given + " " + surname;
                order = NameOrder.GIVEN_FIRST;
                place = cyrillic ? village.russian() : "village of " + village.latin();
            }
            default -> { // Armenian script, the father's name in the genitive
                surname = armenianScript(feminine(person.surname().russian(), person, "а"), person.surname());
                given = armenianScript(person.given().russian(), person.given());
                father = armenianScript(person.father().russian(), person.father()) + "ի";
                fullName = surname + " " + given + " " + father;
                place = armenianScript(village.russian(), village);
            }
        }
        if (fullName != null) {
            ParsedName parsed = NameParser.parse(typo(random, fullName, 0.05), order);
            surname = parsed.surname();
            given = parsed.givenName();
            father = parsed.patronymic();
        } else {
            surname = typo(random, surname, 0.05);
            given = typo(random, given, 0.05);
        }
        if (random.nextDouble() < 0.3) {
            father = "";
        }
        if (random.nextDouble() < 0.1) {
            place = "";
        }
        Born born = born(random, person, list);
        return new LinkRecord(key, list, surname, given, father, person.female() ? Sex.FEMALE : Sex.MALE, born.year(),
                born.month(), born.day(), born.approx(), born.age(), born.incident(), place, "", "", Optional.empty(), Map.of());
    }

    /** What a list knows of a birth: the ministry the date, the English list an age, testimonies about a year. */
    private record Born(int year, int month, int day, boolean approx, int age, int incident) {
    }

    private static Born born(SplittableRandom random, Person person, int list) {
        if (random.nextDouble() < 0.08) {
            return new Born(0, 0, 0, false, -1, 0);
        }
        return switch (list) {
            case 0 -> new Born(person.year(), person.month(), person.day(), false, -1, 0);
            case 2 -> new Born(0, 0, 0, false, 2020 - person.year() - (random.nextDouble() < 0.4 ? 1 : 0), 2020);
            case 3 -> new Born(person.year() + random.nextInt(3) - 1, 0, 0, true, -1, 0);
            default -> new Born(person.year(), 0, 0, false, -1, 0);
        };
    }

    /** Russian and Azerbaijani surnames in -ov/-ev/-in take a feminine ending; Armenian ones do not. */
    private static String feminine(String surname, Person person, String ending) {
        if (!person.female() || person.armenian()) {
            return surname;
        }
        String lower = surname.toLowerCase(Locale.ROOT);
        return lower.endsWith("ov") || lower.endsWith("ev") || lower.endsWith("ов") || lower.endsWith("ев")
                ? surname + ending : surname;
    }

    private static String russianPatronymic(String father, boolean female) {
        return father + (female ? "овна" : "ович");
    }

    /** Armenian names as Armenian writes them; others letter by letter from their Russian spelling. */
    private static String armenianScript(String russian, Forms forms) {
        if (forms.armenian() != null && !russian.toLowerCase(Locale.ROOT).endsWith("а")) {
            return forms.armenian();
        }
        StringBuilder out = new StringBuilder();
        String lower = russian.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            out.append(switch (lower.charAt(i)) {
                case 'а' -> "ա"; case 'б' -> "բ"; case 'в' -> "վ"; case 'г' -> "գ"; case 'д' -> "դ"; case 'е' -> "ե";
                case 'ё' -> "յո"; case 'ж' -> "ժ"; case 'з' -> "զ"; case 'и' -> "ի"; case 'й' -> "յ"; case 'к' -> "կ";
                case 'л' -> "լ"; case 'м' -> "մ"; case 'н' -> "ն"; case 'о' -> "ո"; case 'п' -> "պ"; case 'р' -> "ր";
                case 'с' -> "ս"; case 'т' -> "տ"; case 'у' -> "ու"; case 'ф' -> "ֆ"; case 'х' -> "խ"; case 'ц' -> "ց";
                case 'ч' -> "չ"; case 'ш', 'щ' -> "շ"; case 'ы' -> "ը"; case 'э' -> "է"; case 'ю' -> "յու";
                case 'я' -> "յա"; case 'ь', 'ъ' -> "";
                default -> String.valueOf(lower.charAt(i));
            });
        }
        return out.isEmpty() ? out.toString() : out.substring(0, 1).toUpperCase(Locale.ROOT) + out.substring(1);
    }

    /** Rank by a Zipf law with the given exponent: few names and villages hold most people. */
    private static int zipf(SplittableRandom random, int size, double exponent) {
        double total = 0;
        for (int r = 1; r <= size; r++) {
            total += 1 / Math.pow(r, exponent);
        }
        double u = random.nextDouble() * total;
        for (int r = 1; r <= size; r++) {
            u -= 1 / Math.pow(r, exponent);
            if (u <= 0) {
                return r - 1;
            }
        }
        return size - 1;
    }

    private static String typo(SplittableRandom random, String text, double probability) {
        if (text.length() < 4 || random.nextDouble() >= probability) {
            return text;
        }
        int position = 1 + random.nextInt(text.length() - 2);
        if (text.charAt(position) == ' ' || text.charAt(position + 1) == ' ') {
            return text;
        }
        StringBuilder changed = new StringBuilder(text);
        char c = changed.charAt(position);
        changed.setCharAt(position, changed.charAt(position + 1));
        changed.setCharAt(position + 1, c);
        return changed.toString();
    }
}
