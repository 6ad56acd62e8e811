package org.nomina.app.demo;

import com.ibm.icu.text.RuleBasedNumberFormat;
import com.ibm.icu.util.ULocale;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.nomina.app.demo.NameBook.Forms;

/**
 * The fictional case made as hard as the lists people really have ({@code nomina generate --hard}): the
 * same invented district and event as the demo, but two communities (Azerbaijani and Armenian, each
 * written in the other's lists through Russian or in the other's script), Zipf-distributed names,
 * villages of very unequal size (a few towns of tens of thousands; one village where hundreds are named
 * Məmməd Məmmədov), and five lists as they come:
 * <ol>
 *   <li>the families' committee: Azerbaijani Latin with diacritics, fathers' names bare or "Həsən oğlu";</li>
 *   <li>the hospital register: Russian in Windows-1251 with blocks of rows pasted in from a UTF-8 sheet,
 *       ФИО given-first in some rows, Russian patronymics or "Гасан кызы", "с. Нурабулун";</li>
 *   <li>press reports in ALL-CAPS English romanisation, "VILLAGE OF …";</li>
 *   <li>testimonies in free text: given name first, some swapped, nicknames, ages as ranges and words;</li>
 *   <li>an Armenian-script list, fathers' names in the genitive (Արամի), Azerbaijani names transliterated.</li>
 * </ol>
 * Placeholders ("-", "неизвестно", "N/A") stand where clerks knew nothing; a few rows name nobody.
 * {@code truth.csv} holds the true person of every row. Every person is invented. Deterministic for a seed;
 * rows are streamed to disk.
 */
final class HardCaseGenerator {

    private static final int INCIDENT_YEAR = DemoGenerator.INCIDENT_YEAR;
    private static final double[] STATUS_SHARE = DemoGenerator.STATUS_SHARE;
    private static final String[] STATUSES = DemoGenerator.STATUSES;
    /** About one village per this many people; their sizes follow Zipf's law with {@link #VILLAGE_ZIPF}. */
    private static final int PEOPLE_PER_VILLAGE = 330;
    private static final double VILLAGE_ZIPF = 0.8;
    /** Share of villages that are Armenian; towns over {@link #TOWN} people are mixed. */
    private static final double ARMENIAN_VILLAGES = 0.3;
    /** Share of the long words for a village (kəndi, village) typed with an error (NURABULUN VILAGE, Nomkənd kənid). */
    private static final double TYPE_WORD_TYPOS = 0.05;
    private static final int TOWN = 10_000;
    /**
     * Share of people who are a brother or sister of the person before them: same village, surname and father,
     * their own given name and a birth year up to 12 years apart. Real lists are full of such siblings, whom only
     * the given name and the year tell apart (the killed of one house), and the generator without them was
     * kinder than real lists (issue 8).
     */
    private static final double SIBLINGS = 0.4;

    /** One invented person. Name fields index the community's tables in {@link NameBook}. */
    private record Person(int id, boolean armenian, boolean female, int given, int father, int surname, int year, int month,
                          int day, int village, int status, int deathDay, double visibility) {
        int ageAtIncident() {
            return INCIDENT_YEAR - year - (month > 11 || (month == 11 && day > 14) ? 1 : 0);
        }
    }

    private record Village(Forms name, boolean armenian, int size) {
    }

    private final DemoGenerator.Options options;
    private final SplittableRandom random;
    private final List<Forms> azMale = NameBook.MALE.stream().map(NameBook::forms).toList();
    private final List<Forms> azFemale = NameBook.FEMALE.stream().map(NameBook::forms).toList();
    private final List<Forms> azSurnames = NameBook.SURNAMES.stream().map(NameBook::forms).toList();
    // Zipf exponents for name books of about a hundred (Azerbaijani) and twenty-five (Armenian) names, chosen
    // so that the commonest names have the shares lists show: Məmmədov about 9% of people, Məmməd about 12% of
    // men (an exponent of 1 on 111 surnames would give Məmmədov 19%), the commonest Armenian surname about 12%.
    private final Zipf azMaleZipf = new Zipf(azMale.size(), 0.8);
    private final Zipf azFemaleZipf = new Zipf(azFemale.size(), 0.8);
    private final Zipf azSurnameZipf = new Zipf(azSurnames.size(), 0.7);
    private final Zipf hyMaleZipf = new Zipf(NameBook.ARMENIAN_MALE.size(), 0.6);
    private final Zipf hyFemaleZipf = new Zipf(NameBook.ARMENIAN_FEMALE.size(), 0.6);
    private final Zipf hySurnameZipf = new Zipf(NameBook.ARMENIAN_SURNAMES.size(), 0.5);
    private final RuleBasedNumberFormat englishWords = new RuleBasedNumberFormat(ULocale.ENGLISH, RuleBasedNumberFormat.SPELLOUT);
    private List<Village> villages = List.of();
    /** The village where hundreds are named Məmməd Məmmədov (the eleventh largest: 5,700 people at 660,000). */
    private int clanVillage = -1;
    private int clanNamesakes;

    HardCaseGenerator(DemoGenerator.Options options) {
        this.options = options;
        this.random = new SplittableRandom(options.seed());
    }

    DemoCase generate(Path dir) {
        try {
            List<Person> people = population();
            Map<String, Integer> byStatus = DemoCase.countByStatus(STATUSES, people, Person::status);
            List<DemoCase.ListWriter> writers = new ArrayList<>(List.of(
                    t -> committee(dir, people, t), t -> hospital(dir, people, t),
                    t -> press(dir, people, t), t -> testimonies(dir, people, t)));
            if (options.lists() == 5) {
                writers.add(t -> armenianList(dir, people, t));
            }
            List<DemoCase.ListFile> lists = DemoCase.writeLists(dir, writers);
            writeVillages(dir.resolve("villages.csv"));
            Path truth = dir.resolve("truth.csv");
            return new DemoCase(dir, lists, people.size(), DemoCase.documented(truth), byStatus, truth);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the case to " + dir + ": " + e.getMessage(), e);
        }
    }

    // ---- the population ------------------------------------------------------------------------------

    private List<Person> population() {
        int count = Math.max(8, options.people() / PEOPLE_PER_VILLAGE);
        Zipf villageZipf = new Zipf(count, VILLAGE_ZIPF);
        int[] sizes = new int[count];
        int[] home = new int[options.people()];
        boolean[] sibling = new boolean[options.people()];
        for (int i = 0; i < home.length; i++) {
            // Households: the next person is often a brother or sister of the one before, of the same village.
            sibling[i] = i > 0 && chance(SIBLINGS);
            home[i] = sibling[i] ? home[i - 1] : villageZipf.draw(random);
            sizes[home[i]]++;
        }
        clanVillage = Math.min(10, count - 1);
        List<Forms> azNames = NameBook.villages(count).stream().map(NameBook::villageForms).toList();
        List<Forms> hyNames = armenianVillages(count);
        List<Village> out = new ArrayList<>(count);
        int az = 0;
        int hy = 0;
        for (int v = 0; v < count; v++) {
            boolean armenian = v > 0 && v != clanVillage && random.nextDouble() < ARMENIAN_VILLAGES && hy < hyNames.size();
            out.add(new Village(armenian ? hyNames.get(hy++) : azNames.get(az++ % azNames.size()), armenian, sizes[v]));
        }
        villages = List.copyOf(out);

        List<Person> people = new ArrayList<>(options.people());
        int mammadov = indexOf(azSurnames, "Məmmədov");
        int mammad = indexOf(azMale, "Məmməd");
        for (int i = 0; i < home.length; i++) {
            Village village = villages.get(home[i]);
            Person elder = sibling[i] ? people.get(i - 1) : null;
            boolean armenian = elder != null ? elder.armenian() : village.size() > TOWN ? random.nextDouble() < 0.25 : village.armenian();
            boolean female = random.nextDouble() < 0.45;
            int given;
            int father;
            int surname;
            if (elder != null) {
                // A brother or sister: the family's surname and father, a name and a birth year of their own.
                given = armenian ? (female ? hyFemaleZipf : hyMaleZipf).draw(random) : (female ? azFemaleZipf : azMaleZipf).draw(random);
                father = elder.father();
                surname = elder.surname();
            } else if (armenian) {
                given = (female ? hyFemaleZipf : hyMaleZipf).draw(random);
                father = hyMaleZipf.draw(random);
                surname = hySurnameZipf.draw(random);
            } else {
                given = (female ? azFemaleZipf : azMaleZipf).draw(random);
                father = azMaleZipf.draw(random);
                surname = azSurnameZipf.draw(random);
                if (home[i] == clanVillage) {
                    // A village of one clan: most are Məmmədov, and many sons and fathers Məmməd.
                    surname = random.nextDouble() < 0.5 ? mammadov : surname;
                    given = !female && random.nextDouble() < 0.2 ? mammad : given;
                    father = random.nextDouble() < 0.2 ? mammad : father;
                }
            }
            int age = elder != null ? Math.max(1, Math.min(95, elder.ageAtIncident() + random.nextInt(25) - 12))
                    : DemoGenerator.ageAtIncident(random);
            int month = 1 + random.nextInt(12);
            int day = 1 + random.nextInt(28);
            double visibility = new double[] {0.55, 1.0, 1.35}[random.nextInt(3)];
            people.add(new Person(i + 1, armenian, female, given, father, surname, INCIDENT_YEAR - age, month, day, home[i],
                    DemoGenerator.pick(random, STATUS_SHARE), 14 + random.nextInt(2), visibility));
            if (home[i] == clanVillage && !armenian && !female && given == mammad && surname == mammadov) {
                clanNamesakes++;
            }
        }
        return people;
    }

    /** Writes each village's name, community and population, largest first, and the clan village's namesakes. */
    private void writeVillages(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("village,community,people,men_named_mammad_mammadov\n");
            for (int v = 0; v < villages.size(); v++) {
                Village village = villages.get(v);
                String community = village.size() > TOWN ? "mixed" : village.armenian() ? "Armenian" : "Azerbaijani";
                out.write(CSVFormat.DEFAULT.format(village.name().latin(), community, village.size(), v == clanVillage ? clanNamesakes : 0)
                        + "\n");
            }
        }
    }

    /** The generated villages' populations, largest first (after {@link #generate}). */
    int[] villageSizes() {
        return villages.stream().mapToInt(Village::size).toArray();
    }

    /** How many men named Məmməd Məmmədov live in the clan village (after {@link #generate}). */
    int clanNamesakes() {
        return clanNamesakes;
    }

    private static int indexOf(List<Forms> names, String latin) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).latin().equals(latin)) {
                return i;
            }
        }
        throw new IllegalStateException(latin + " is not in the name book");
    }

    private static final String[][] HY_PREFIXES = {{"", "", ""}, {"Nor ", "Нор ", "Նոր "}, {"Verin ", "Верин ", "Վերին "},
        {"Nerkin ", "Неркин ", "Ներքին "}, {"Mets ", "Мец ", "Մեծ "}};
    private static final String[][] HY_ROOTS = {{"Karmir", "Кармир", "Կարմիր"}, {"Spitak", "Спитак", "Սպիտակ"},
        {"Getash", "Геташ", "Գետաշ"}, {"Vard", "Вард", "Վարդ"}, {"Aygep", "Айгеп", "Այգեպ"}, {"Hats", "Ац", "Հաց"},
        {"Khach", "Хач", "Խաչ"}, {"Lor", "Лор", "Լոր"}, {"Tsaghk", "Цахк", "Ծաղկ"}, {"Ashtar", "Аштар", "Աշտար"},
        {"Nur", "Нур", "Նուր"}, {"Gor", "Гор", "Գոր"}, {"Arev", "Арев", "Արև"}, {"Lus", "Лус", "Լուս"}, {"Tsov", "Цов", "Ծով"},
        {"Sar", "Сар", "Սար"}, {"Dasht", "Дашт", "Դաշտ"}, {"Agh", "Ах", "Աղ"}, {"Ayg", "Айг", "Այգ"}, {"Hovit", "Овит", "Հովիտ"}};
    private static final String[][] HY_ENDINGS = {{"avan", "аван", "ավան"}, {"ashen", "ашен", "աշեն"}, {"adzor", "адзор", "աձոր"},
        {"aberd", "аберд", "աբերդ"}, {"agyugh", "агюх", "ագյուղ"}, {"ashat", "ашат", "աշատ"}, {"avank", "аванк", "ավանք"},
        {"aghbyur", "ахбюр", "աղբյուր"}};

    /** Invented Armenian village names, each in Latin, Russian and Armenian script. */
    private static List<Forms> armenianVillages(int count) {
        List<Forms> out = new ArrayList<>();
        for (String[] prefix : HY_PREFIXES) {
            for (String[] ending : HY_ENDINGS) {
                for (String[] root : HY_ROOTS) {
                    if (out.size() >= count) {
                        return out;
                    }
                    String en = prefix[0] + root[0] + ending[0];
                    out.add(new Forms(NameBook.azerbaijaniFromRussian(prefix[1] + root[1] + ending[1]),
                            List.of(prefix[1] + root[1] + ending[1]), List.of(en), prefix[2] + root[2] + ending[2]));
                }
            }
        }
        return out;
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private <T> T any(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private boolean captured(Person p, double[] byStatus, double otherCommunity, boolean armenianList) {
        double community = p.armenian() == armenianList ? 1.0 : otherCommunity;
        return random.nextDouble() < Math.min(0.95, byStatus[p.status()] * p.visibility() * community);
    }

    // ---- names -------------------------------------------------------------------------------------

    private Forms given(Person p) {
        if (p.armenian()) {
            return (p.female() ? NameBook.ARMENIAN_FEMALE : NameBook.ARMENIAN_MALE).get(p.given());
        }
        return (p.female() ? azFemale : azMale).get(p.given());
    }

    /** The given name, or now and then its short form or nickname (Gyulya for Gülnarə). */
    private Forms calledBy(Person p, double nickname) {
        Forms full = given(p);
        Forms nick = NameBook.NICKNAMES.get(p.armenian() ? full.en().get(0) : full.latin());
        return nick != null && chance(nickname) ? nick : full;
    }

    private Forms father(Person p) {
        return (p.armenian() ? NameBook.ARMENIAN_MALE : azMale).get(p.father());
    }

    private Forms surname(Person p) {
        return (p.armenian() ? NameBook.ARMENIAN_SURNAMES : azSurnames).get(p.surname());
    }

    /** A surname's female form where the language has one (Məmmədova, Мамедова); Armenian -yan has none. */
    private static String female(String surname, Person p) {
        if (!p.female() || p.armenian()) {
            return surname;
        }
        int last = surname.codePointBefore(surname.length());
        boolean cyrillic = Character.UnicodeScript.of(last) == Character.UnicodeScript.CYRILLIC;
        boolean armenianScript = Character.UnicodeScript.of(last) == Character.UnicodeScript.ARMENIAN;
        boolean upper = Character.isUpperCase(last);
        String a = cyrillic ? "а" : armenianScript ? "ա" : "a";
        return surname + (upper ? a.toUpperCase(Locale.ROOT) : a);
    }

    /** A Russian patronymic from a father's Russian name: Гасан → Гасанович / Гасановна, Али → Алиевич. */
    static String russianPatronymic(String father, boolean female) {
        char last = father.charAt(father.length() - 1);
        String stem = father;
        String male = "ович";
        String fem = "овна";
        if (last == 'й' || last == 'ь') {
            stem = father.substring(0, father.length() - 1);
            male = "евич";
            fem = "евна";
        } else if (last == 'а' || last == 'я') {
            stem = father.substring(0, father.length() - 1) + "а";
            male = "евич";
            fem = "евна";
        } else if ("иоуеэю".indexOf(last) >= 0) {
            male = "евич";
            fem = "евна";
        }
        return stem + (female ? fem : male);
    }

    /** A typing error: a dropped, doubled or swapped letter, or in a short word one letter wrong. */
    private String typo(String word) {
        if (word.length() < 4) {
            return word;
        }
        int i = 1 + random.nextInt(word.length() - 2);
        return switch (random.nextInt(4)) {
            case 0 -> word.substring(0, i) + word.substring(i + 1);
            case 1 -> word.substring(0, i) + word.charAt(i) + word.substring(i);
            case 2 -> word.substring(0, i - 1) + word.charAt(i) + word.charAt(i - 1) + word.substring(i + 1);
            default -> word.substring(0, i) + (Character.isUpperCase(word.charAt(i)) ? word.charAt(i) : neighbour(word.charAt(i)))
                    + word.substring(i + 1);
        };
    }

    /**
     * The next letter of the basic Latin or Russian alphabet (a one-letter slip), so that the slip stays
     * writable in Windows-1251; other letters are left as they are.
     */
    private static char neighbour(char c) {
        if ((c >= 'a' && c < 'z') || (c >= 'а' && c < 'я')) {
            return (char) (c + 1);
        }
        return c == 'z' ? 'y' : c == 'я' ? 'ю' : c;
    }

    /**
     * A Russian type word before the village ("с.", "село", "пос."), in {@link #TYPE_WORD_TYPOS} of rows typed as
     * clerks type it: the abbreviation misspelt but closed by its period (по., пс., поос., с..), село one letter off
     * (сеол, сло), the space typed a letter late (с.Н урабулун, селоН урабулун) or not at all (селоНурабулун).
     */
    private String russianPlace(String type, String village) {
        if (!chance(TYPE_WORD_TYPOS) || village.length() < 3) {
            return type + " " + village;
        }
        boolean abbreviation = type.endsWith(".");
        return switch (random.nextInt(3)) {
            case 0 -> abbreviation ? misspeltAbbreviation(type) + " " + village : typo(type) + " " + village;
            case 1 -> type + village.charAt(0) + " " + village.substring(1);
            default -> abbreviation ? type + ". " + village : type + village;
        };
    }

    /** An abbreviation such as "пос." with a letter dropped or doubled, its period kept (по., пс., поос.). */
    private String misspeltAbbreviation(String type) {
        String letters = type.substring(0, type.length() - 1);
        int i = random.nextInt(letters.length());
        boolean drop = letters.length() > 1 && random.nextBoolean();
        return (drop ? letters.substring(0, i) + letters.substring(i + 1) : letters.substring(0, i + 1) + letters.substring(i)) + ".";
    }

    private String maybeTypo(String word, double p) {
        return chance(p) ? typo(word) : word;
    }

    private Village home(Person p) {
        return villages.get(p.village());
    }

    /** The village a testimony or press report gives: now and then another one (where they were found). */
    private Village reportedVillage(Person p) {
        return chance(options.placeNoise()) ? villages.get(random.nextInt(villages.size())) : home(p);
    }

    /** The fate hearsay gives: the killed now and then as missing, the missing as killed. */
    private int hearsay(Person p) {
        if (p.status() == 0 && chance(0.08)) {
            return 2;
        }
        if (p.status() == 2 && chance(0.10)) {
            return 0;
        }
        return p.status();
    }

    /** A placeholder where a clerk knew nothing. */
    private String placeholder(String... words) {
        return words[random.nextInt(words.length)];
    }

    // ---- writing -----------------------------------------------------------------------------------

    /**
     * Writes delimited rows, each line in the charset asked for it: the hospital list pastes UTF-8 rows
     * into a Windows-1251 file, which no single {@code Writer} can do.
     */
    private static final class LineWriter implements AutoCloseable {
        private final OutputStream out;
        private final CSVFormat format;

        LineWriter(Path file, char delimiter, boolean utf8Bom) throws IOException {
            out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
            if (utf8Bom) {
                out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setRecordSeparator("").get();
        }

        void row(Charset charset, Object... values) throws IOException {
            out.write((format.format(values) + "\r\n").getBytes(charset));
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    private static final Charset CP1251 = Charset.forName("windows-1251");

    // A: the families' committee — Azerbaijani Latin with diacritics; .xlsx (or UTF-8 CSV); headers known.
    private DemoCase.ListFile committee(Path dir, List<Person> people, Writer truth) throws IOException {
        String[] fates = {"həlak olub", "yaralanıb", "itkin düşüb", "girov götürülüb", "köçkün"};
        String[] header = {"Sıra №", "Soyadı", "Adı", "Atasının adı", "Doğum ili", "Cinsi", "Kənd", "Taleyi"};
        Path file = dir.resolve(options.xlsx() ? "lists/families_committee.xlsx" : "lists/families_committee.csv");
        int no = 0;
        try (Rows out = options.xlsx() ? new XlsxRows(file, "Siyahı") : new CsvRows(file, ',', StandardCharsets.UTF_8, true)) {
            out.row((Object[]) header);
            for (Person p : people) {
                if (!captured(p, new double[] {0.45, 0.35, 0.8, 0.75, 0.3}, 0.3, false)) {
                    continue;
                }
                no++;
                String surname = female(maybeTypo(surname(p).latin(), 0.03), p);
                String given = maybeTypo(calledBy(p, 0.05).latin(), 0.02);
                if (chance(0.002)) {
                    surname = placeholder("naməlum", "-", "?");
                    given = placeholder("naməlum", "-", "");
                } else if (chance(0.005)) {
                    given = placeholder("naməlum", "-");
                }
                String father = father(p).latin();
                double f = random.nextDouble();
                father = f < 0.5 ? father : f < 0.9 ? father + (p.female() ? " qızı" : " oğlu") : "";
                double y = random.nextDouble();
                Object year = y < 0.75 ? (Object) p.year() : y < 0.82 ? "təx. " + p.year() : y < 0.86 ? "naməlum" : "";
                Village v = home(p);
                String place = maybeTypo(v.name().latin(), 0.03);
                double t = random.nextDouble();
                place = t < 0.2 ? place + " " + maybeTypo("kəndi", TYPE_WORD_TYPOS) : t < 0.25 ? place + " k." : place;
                out.row(no, surname, given, father, year, p.female() ? "qadın" : "kişi", place, fates[p.status()]);
                truth.write("Committee of families," + no + "," + p.id() + "\n");
            }
        }
        return new DemoCase.ListFile("Committee of families", file, Optional.empty(),
                "families' committee, Azerbaijani Latin with diacritics, " + (options.xlsx() ? ".xlsx workbook" : "UTF-8 CSV with BOM")
                        + ", fathers' names bare or 'oğlu/qızı'", no);
    }

    // B: the hospital register — Russian, Windows-1251 with UTF-8 rows pasted in, ФИО given-first now and then.
    private DemoCase.ListFile hospital(Path dir, List<Person> people, Writer truth) throws IOException {
        Path file = dir.resolve("lists/hospital_register.csv");
        String[] ru = {"погиб", "ранен", "пропал без вести", "заложник", "беженец"};
        String[] ruF = {"погибла", "ранена", "пропала без вести", "заложница", "беженка"};
        int no = 0;
        int pasteLeft = 0;
        // The first pasted block comes early, so every list but the smallest has one; later ones at random.
        int firstPaste = 20 + random.nextInt(30);
        try (LineWriter out = new LineWriter(file, ';', false)) {
            out.row(CP1251, "№", "ФИО", "Дата рождения", "Пол", "Село", "Статус", "Примечание");
            for (Person p : people) {
                if (!captured(p, new double[] {0.55, 0.75, 0.05, 0.03, 0.02}, 0.8, false)) {
                    continue;
                }
                int copies = chance(0.02) ? 2 : 1;
                for (int c = 0; c < copies; c++) {
                    no++;
                    if (pasteLeft == 0 && (no == firstPaste || chance(0.002))) {
                        // A block of rows copied from a colleague's UTF-8 sheet.
                        pasteLeft = 5 + random.nextInt(30);
                    }
                    Charset charset = pasteLeft > 0 ? StandardCharsets.UTF_8 : CP1251;
                    pasteLeft = Math.max(0, pasteLeft - 1);
                    String surname = female(maybeTypo(any(surname(p).ru()), 0.03), p);
                    String given = maybeTypo(any(calledBy(p, 0.03).ru()), 0.02);
                    String fatherRu = any(father(p).ru());
                    double f = random.nextDouble();
                    String patronymic;
                    if (p.armenian()) {
                        patronymic = f < 0.7 ? russianPatronymic(fatherRu, p.female()) : "";
                    } else {
                        patronymic = f < 0.5 ? fatherRu + (p.female() ? " кызы" : " оглы")
                                : f < 0.8 ? russianPatronymic(fatherRu, p.female()) : "";
                    }
                    String name;
                    if (chance(0.12)) {
                        name = given + " " + surname;
                    } else {
                        name = ((chance(0.5) ? surname.toUpperCase(Locale.ROOT) : surname) + " " + given + " " + patronymic).strip();
                    }
                    if (chance(0.002)) {
                        name = placeholder("неизвестно", "-", "не указано");
                    }
                    double b = random.nextDouble();
                    String birth = c == 1 || b >= 0.75 ? ""
                            : b < 0.55 ? String.format("%02d.%02d.%04d", p.day(), p.month(), p.year())
                            : b < 0.69 ? p.year() + " г." : b < 0.692 ? String.format("%02d.%02d.%04d", 30 + p.day() % 2, 2, p.year())
                            : placeholder("неизвестно", "-", "?");
                    Village v = home(p);
                    String village = maybeTypo(any(v.name().ru()), 0.03);
                    double t = random.nextDouble();
                    String place = v.size() > TOWN ? (t < 0.6 ? "г. " + village : village)
                            : t < 0.4 ? russianPlace("с.", village) : t < 0.5 ? russianPlace("село", village)
                            : t < 0.55 ? russianPlace("пос.", village) : village;
                    String status = p.status() == 0 && chance(0.15) ? "умер в больнице" : (p.female() ? ruF : ru)[p.status()];
                    String sex = chance(0.02) ? "-" : p.female() ? "ж" : "м";
                    out.row(charset, no, name, birth, sex, place, status, c == 1 ? "повторная запись" : "");
                    truth.write("Hospital register," + no + "," + p.id() + "\n");
                }
            }
        }
        Path mapping = dir.resolve("mappings/hospital_register.yaml");
        Files.writeString(mapping, """
                # The district hospital's register: Russian, Windows-1251 (with rows pasted in from a UTF-8 sheet),
                # semicolon-separated. ФИО is surname first in most rows, given name first in some.
                encoding: windows-1251
                delimiter: ";"
                columns:
                  "№":             {field: record_id}
                  "ФИО":           {field: full_name, order: auto}
                  "Дата рождения": {field: birth_date, format: auto}
                  "Пол":           {field: sex}
                  "Село":          {field: place}
                  "Статус":        {field: status, values: {"умер в больнице": killed}}
                  "Примечание":    {field: notes}
                """, StandardCharsets.UTF_8);
        return new DemoCase.ListFile("Hospital register", file, Optional.of(mapping),
                "hospital register, Russian, Windows-1251 with UTF-8 rows pasted in, ';', ФИО given-first in some rows", no);
    }

    // C: press reports — ALL-CAPS English romanisation, UTF-8, commas, no id column.
    private DemoCase.ListFile press(Path dir, List<Person> people, Writer truth) throws IOException {
        Path file = dir.resolve("lists/press_reports.csv");
        String[] fates = {"KILLED", "WOUNDED", "MISSING", "HOSTAGE", "DISPLACED"};
        int no = 0;
        try (LineWriter out = new LineWriter(file, ',', false)) {
            out.row(StandardCharsets.UTF_8, "SURNAME", "NAME", "FATHER", "BORN", "PLACE", "STATUS");
            for (Person p : people) {
                if (!captured(p, new double[] {0.25, 0.1, 0.2, 0.3, 0.05}, 0.8, false)) {
                    continue;
                }
                no++;
                String surname = female(maybeTypo(any(surname(p).en()), 0.05), p).toUpperCase(Locale.ROOT);
                String given = maybeTypo(any(calledBy(p, 0.05).en()), 0.03).toUpperCase(Locale.ROOT);
                String father = any(father(p).en()).toUpperCase(Locale.ROOT);
                double f = random.nextDouble();
                father = f < 0.4 ? father : f < 0.6 && !p.armenian() ? father + (p.female() ? " KYZY" : " OGLU") : "";
                double y = random.nextDouble();
                String year = y < 0.5 ? String.valueOf(p.year()) : y < 0.6 ? "C. " + p.year() : y < 0.65 ? "N/A" : "";
                Village v = reportedVillage(p);
                String village = maybeTypo(any(v.name().en()), 0.03).toUpperCase(Locale.ROOT);
                double t = random.nextDouble();
                String place = t < 0.25 ? maybeTypo("VILLAGE", TYPE_WORD_TYPOS) + " OF " + village
                        : t < 0.4 ? village + " " + maybeTypo("VILLAGE", TYPE_WORD_TYPOS) : village;
                out.row(StandardCharsets.UTF_8, surname, given, father, year, place, fates[hearsay(p)]);
                truth.write("Press reports,row-" + (no + 1) + "," + p.id() + "\n");
            }
        }
        Path mapping = dir.resolve("mappings/press_reports.yaml");
        Files.writeString(mapping, """
                # Press reports: ALL-CAPS English romanisation, UTF-8, commas; the row number is the id.
                columns:
                  "SURNAME": {field: surname}
                  "NAME":    {field: given_name}
                  "FATHER":  {field: patronymic}
                  "BORN":    {field: birth_year}
                  "PLACE":   {field: place}
                  "STATUS":  {field: status, values: {"wounded": injured}}
                """, StandardCharsets.UTF_8);
        return new DemoCase.ListFile("Press reports", file, Optional.of(mapping),
                "press reports, ALL-CAPS English romanisation, UTF-8, ','", no);
    }

    // D: testimonies — free text, given name first (some swapped), nicknames, ages as ranges and words.
    private DemoCase.ListFile testimonies(Path dir, List<Person> people, Writer truth) throws IOException {
        Path file = dir.resolve("lists/ngo_testimonies.csv");
        String[] fates = {"killed", "injured", "missing", "taken hostage", "displaced"};
        int no = 0;
        try (LineWriter out = new LineWriter(file, ',', false)) {
            out.row(StandardCharsets.UTF_8, "ID", "Name", "Age", "Village", "Fate", "Date of incident", "Notes");
            for (Person p : people) {
                if (!captured(p, new double[] {0.3, 0.2, 0.45, 0.4, 0.2}, 0.9, false)) {
                    continue;
                }
                int copies = chance(0.03) ? 2 : 1;
                for (int c = 0; c < copies; c++) {
                    no++;
                    String surname = female(maybeTypo(any(surname(p).en()), 0.08), p);
                    String given = maybeTypo(any(calledBy(p, 0.12).en()), 0.04);
                    String fatherName = any(father(p).en());
                    String name;
                    double order = random.nextDouble();
                    if (order < 0.8) {
                        String father = !p.armenian() && chance(0.35) ? fatherName + (p.female() ? " qizi " : " oglu ") : "";
                        name = given + " " + father + surname;
                    } else if (order < 0.92) {
                        name = surname + " " + given;
                    } else {
                        name = surname + ", " + given;
                    }
                    if (chance(0.003)) {
                        name = placeholder("unknown", "N/A", "?", "-");
                    }
                    String id = String.format("T-%05d", no);
                    String notes = chance(0.3) ? "Testimony of a relative" : c == 1 ? "second testimony" : "";
                    Village v = reportedVillage(p);
                    String village = maybeTypo(any(v.name().en()), 0.04);
                    double t = random.nextDouble();
                    String place = t < 0.2 ? maybeTypo("village", TYPE_WORD_TYPOS) + " of " + village
                            : t < 0.3 ? village + " " + maybeTypo("village", TYPE_WORD_TYPOS) : t < 0.33 ? "?" : village;
                    // A witness often gives an age and no date at all ("she was 81"): a quarter of the rows.
                    double w = random.nextDouble();
                    String when = w < 0.25 ? "" : w < 0.85 ? p.deathDay() + " November " + INCIDENT_YEAR : "November " + INCIDENT_YEAR;
                    String fate = chance(0.02) ? "unknown" : fates[hearsay(p)];
                    out.row(StandardCharsets.UTF_8, id, name, age(p), place, fate, when, notes);
                    truth.write("NGO testimonies," + id + "," + p.id() + "\n");
                }
            }
        }
        return new DemoCase.ListFile("NGO testimonies", file, Optional.empty(),
                "testimonies, free text given-first (some swapped), nicknames, ages as ranges and words, UTF-8, ','", no);
    }

    /** An age as a relative gives it: a number, "about 40", a range "30-40", words "forty-two", or not known. */
    private String age(Person p) {
        // Witnesses' ages are off by a year or two in a fifth of the rows, by three to five in one in twenty
        // ("about 60" for a woman of 64).
        double off = random.nextDouble();
        int error = off < 0.2 ? random.nextInt(5) - 2 : off < 0.25 ? (random.nextBoolean() ? 1 : -1) * (3 + random.nextInt(3)) : 0;
        int a = Math.max(1, p.ageAtIncident() + error);
        double r = random.nextDouble();
        if (r < 0.4) {
            return String.valueOf(a);
        }
        if (r < 0.5) {
            return "about " + a;
        }
        if (r < 0.6) {
            int low = Math.max(0, (p.ageAtIncident() - random.nextInt(6)) / 5 * 5);
            return low + "-" + (low + 10);
        }
        if (r < 0.66) {
            return englishWords.format(a);
        }
        if (r < 0.7) {
            return placeholder("n/a", "?", "unknown");
        }
        return "";
    }

    // E: an Armenian-script list — UTF-8, fathers' names in the genitive, Azerbaijani names transliterated.
    private DemoCase.ListFile armenianList(Path dir, List<Person> people, Writer truth) throws IOException {
        Path file = dir.resolve("lists/armenian_list.csv");
        String[] fates = {"զոհված", "վիրավոր", "անհայտ կորած", "պատանդ", "տեղահանված"};
        int no = 0;
        try (LineWriter out = new LineWriter(file, ',', false)) {
            out.row(StandardCharsets.UTF_8, "№", "Ազգանուն", "Անուն", "Հայրանուն", "Ծննդյան թվական", "Բնակավայր", "Ճակատագիր");
            for (Person p : people) {
                if (!captured(p, new double[] {0.5, 0.3, 0.6, 0.6, 0.2}, 0.25, true)) {
                    continue;
                }
                no++;
                String surname = female(maybeTypo(script(surname(p)), 0.03), p);
                String given = maybeTypo(script(calledBy(p, 0.05)), 0.02);
                String father = script(father(p));
                double f = random.nextDouble();
                father = f < 0.7 ? father + "ի" : f < 0.9 ? father : "";
                if (chance(0.002)) {
                    surname = placeholder("անհայտ", "-");
                    given = "";
                }
                double y = random.nextDouble();
                String year = y < 0.7 ? String.valueOf(p.year()) : y < 0.75 ? "-" : "";
                Village v = reportedVillage(p);
                String village = v.name().hy().isEmpty() ? NameBook.armenianScript(v.name().en().get(0)) : v.name().hy();
                String place = chance(0.3) ? "գ. " + village : village;
                out.row(StandardCharsets.UTF_8, no, surname, given, father, year, place, fates[hearsay(p)]);
                truth.write("Armenian list," + no + "," + p.id() + "\n");
            }
        }
        Path mapping = dir.resolve("mappings/armenian_list.yaml");
        Files.writeString(mapping, """
                # A list in Armenian script, UTF-8, commas; the father's name mostly in the genitive (Արամի).
                columns:
                  "№":              {field: record_id}
                  "Ազգանուն":       {field: surname}
                  "Անուն":          {field: given_name}
                  "Հայրանուն":      {field: patronymic}
                  "Ծննդյան թվական": {field: birth_year}
                  "Բնակավայր":      {field: place}
                  "Ճակատագիր":      {field: status, values: {"զոհված": killed, "վիրավոր": injured, "անհայտ կորած": missing,
                                                               "պատանդ": hostage, "տեղահանված": displaced}}
                """, StandardCharsets.UTF_8);
        return new DemoCase.ListFile("Armenian list", file, Optional.of(mapping),
                "list in Armenian script, UTF-8, ',', fathers' names in the genitive", no);
    }

    /** A name in Armenian script: its own for Armenian names, transliterated from English for the others. */
    private static String script(Forms name) {
        return name.hy().isEmpty() ? NameBook.armenianScript(name.en().get(0)) : name.hy();
    }

    // ---- list sinks ----------------------------------------------------------------------------------

    /** Rows to a CSV file or a workbook. */
    private interface Rows extends AutoCloseable {
        void row(Object... values) throws IOException;

        @Override
        void close() throws IOException;
    }

    private static final class CsvRows implements Rows {
        private final LineWriter out;
        private final Charset charset;

        CsvRows(Path file, char delimiter, Charset charset, boolean bom) throws IOException {
            this.out = new LineWriter(file, delimiter, bom);
            this.charset = charset;
        }

        @Override
        public void row(Object... values) throws IOException {
            out.row(charset, values);
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    private static final class XlsxRows implements Rows {
        private final Path file;
        private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        private final Sheet sheet;
        private int next;

        XlsxRows(Path file, String sheetName) {
            this.file = file;
            this.sheet = workbook.createSheet(sheetName);
        }

        @Override
        public void row(Object... values) {
            Row row = sheet.createRow(next++);
            for (int i = 0; i < values.length; i++) {
                if (values[i] instanceof Integer n) {
                    row.createCell(i).setCellValue(n);
                } else if (!String.valueOf(values[i]).isEmpty()) {
                    row.createCell(i).setCellValue(String.valueOf(values[i]));
                }
            }
        }

        @Override
        public void close() throws IOException {
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            } finally {
                workbook.close();
            }
        }
    }

    /** Draws ranks 0 … n-1 with probability proportional to 1 / (rank + 1)^s (Zipf's law). */
    static final class Zipf {
        private final double[] cumulative;

        Zipf(int n, double s) {
            cumulative = new double[n];
            double total = 0;
            for (int k = 0; k < n; k++) {
                total += 1.0 / Math.pow(k + 1, s);
                cumulative[k] = total;
            }
            for (int k = 0; k < n; k++) {
                cumulative[k] /= total;
            }
        }

        int draw(SplittableRandom random) {
            int i = Arrays.binarySearch(cumulative, random.nextDouble());
            return Math.min(cumulative.length - 1, i >= 0 ? i + 1 : -i - 1);
        }
    }
}
