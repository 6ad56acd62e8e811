package org.nomina.app.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVPrinter;
import org.nomina.app.demo.NameBook.Spelling;

/**
 * Generates the fictional town case: the invented town of Nomkənd attacked on 14–15 November 1994 (a
 * fictional event), its residents by household with each one's relation to the head, and the lists
 * made afterwards — the killed, the injured, the hostages taken, the hostages released (dated) and a
 * later commission's list of those still missing — in the scripts and encodings the district case uses.
 * Every list is complete for what it records (so the figures can be judged exactly against the truth) but
 * spelt as lists are: Cyrillic and Latin, typing errors, ages instead of dates. It writes the truth twice:
 * {@code truth.csv} (which record is which person) and {@code truth_figures.csv} (every figure). Deterministic
 * for a seed; all people are random combinations of name elements, none real.
 */
public final class TownGenerator {

    public static final String INCIDENT = "Attack on Nomkənd";
    public static final String INCIDENT_FROM = "1994-11-14";
    public static final String INCIDENT_TO = "1994-11-15";
    private static final int YEAR = 1994;

    /** The town's size and the seed. */
    public record Options(int residents, long seed) {
        public Options {
            if (residents < 50) {
                throw new IllegalArgumentException("--people must be at least 50 for a town, not " + residents);
            }
        }
    }

    private enum Rel {
        HEAD("ailə başçısı"), SPOUSE("həyat yoldaşı"), SON("oğlu"), DAUGHTER("qızı"), MOTHER("anası"), DAUGHTER_IN_LAW("gəlini"),
        GRANDCHILD("nəvəsi");

        final String az;

        Rel(String az) {
            this.az = az;
        }
    }

    /** Fates as the generator decides them; the lists then record them. */
    private enum Truth { SURVIVED, KILLED, HOSTAGE_RELEASED, HOSTAGE_DIED, HOSTAGE_MISSING }

    private static final class Resident {
        final int id;
        final int household;
        final Rel rel;
        final boolean female;
        final int given;
        final int surname;
        final int father;
        final int year;
        final int month;
        final int day;
        int fatherId;
        int motherId;
        Truth truth = Truth.SURVIVED;
        boolean injured;
        int releaseMonth;

        Resident(int id, int household, Rel rel, boolean female, int given, int surname, int father, int age, SplittableRandom r) {
            this.id = id;
            this.household = household;
            this.rel = rel;
            this.female = female;
            this.given = given;
            this.surname = surname;
            this.father = father;
            this.month = 1 + r.nextInt(12);
            this.day = 1 + r.nextInt(28);
            // Born so as to be `age` on 14 November 1994.
            this.year = YEAR - age - (month > 11 || (month == 11 && day > 14) ? 1 : 0);
        }

        int age() {
            return YEAR - year - (month > 11 || (month == 11 && day > 14) ? 1 : 0);
        }

        boolean killed() {
            return truth == Truth.KILLED || truth == Truth.HOSTAGE_DIED;
        }

        boolean hostage() {
            return truth == Truth.HOSTAGE_RELEASED || truth == Truth.HOSTAGE_DIED || truth == Truth.HOSTAGE_MISSING;
        }
    }

    private final Options options;
    private final SplittableRandom random;
    private final Spelling town = NameBook.VILLAGES.get(0);

    public TownGenerator(Options options) {
        this.options = options;
        this.random = new SplittableRandom(options.seed());
    }

    public DemoCase generate(Path dir) {
        try {
            List<Resident> people = residents();
            fates(people);
            Map<String, Integer> figures = truthFigures(people);
            List<DemoCase.ListFile> lists = DemoCase.writeLists(dir, List.of(
                    t -> residentsList(dir, people, t), t -> killedList(dir, people, t), t -> injuredList(dir, people, t),
                    t -> hostagesList(dir, people, t), t -> releasedList(dir, people, t), t -> commissionList(dir, people, t)));
            Path truth = dir.resolve("truth.csv");
            try (Writer out = Files.newBufferedWriter(dir.resolve("truth_figures.csv"), StandardCharsets.UTF_8)) {
                out.write("category,subgroup,count\n");
                for (Map.Entry<String, Integer> e : figures.entrySet()) {
                    String[] k = e.getKey().split("/");
                    out.write(k[0] + "," + (k.length > 1 ? k[1] : "") + "," + e.getValue() + "\n");
                }
            }
            Map<String, Integer> byStatus = new LinkedHashMap<>();
            for (String k : List.of("killed", "injured", "hostage", "released", "missing", "displaced")) {
                byStatus.put(k, figures.getOrDefault(k, 0));
            }
            return new DemoCase(dir, lists, people.size(), people.size(), byStatus, truth);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the town case to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The truth of every figure, computed from the generator's own people by the figures' definitions. */
    public static Map<String, Integer> readTruth(Path dir) throws IOException {
        Map<String, Integer> out = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(dir.resolve("truth_figures.csv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            out.put(f[1].isEmpty() ? f[0] : f[0] + "/" + f[1], Integer.parseInt(f[2]));
        }
        return out;
    }

    private List<Resident> residents() {
        List<Resident> out = new ArrayList<>(options.residents() + 10);
        int household = 0;
        while (out.size() < options.residents()) {
            household++;
            boolean maleHead = random.nextDouble() < 0.75;
            int headAge = maleHead ? 25 + random.nextInt(50) : 30 + random.nextInt(50);
            int surname = skewed(NameBook.SURNAMES.size(), 1.8);
            Resident head = add(out, household, Rel.HEAD, !maleHead, surname, skewed(NameBook.MALE.size(), 1.6), headAge);
            Resident wife = null;
            if (maleHead && random.nextDouble() < 0.85) {
                wife = add(out, household, Rel.SPOUSE, true, skewed(NameBook.SURNAMES.size(), 1.8), skewed(NameBook.MALE.size(), 1.6),
                        Math.max(18, headAge - random.nextInt(9)));
            }
            int motherAge = wife != null ? wife.age() : maleHead ? headAge - 3 : headAge;
            int fatherName = maleHead ? head.given : skewed(NameBook.MALE.size(), 1.6);
            int children = random.nextInt(5);
            List<Resident> sons = new ArrayList<>();
            for (int c = 0; c < children; c++) {
                int age = motherAge - 18 - random.nextInt(Math.max(1, Math.min(27, motherAge - 18)));
                if (age < 0) {
                    continue;
                }
                boolean girl = random.nextBoolean();
                Resident child = add(out, household, girl ? Rel.DAUGHTER : Rel.SON, girl, maleHead ? surname : skewed(NameBook.SURNAMES.size(), 1.8),
                        fatherName, age);
                child.fatherId = maleHead ? head.id : 0;
                child.motherId = wife != null ? wife.id : maleHead ? 0 : head.id;
                if (!girl) {
                    sons.add(child);
                }
            }
            // A daughter-in-law only beside an only son: the relation words then say whose children the
            // grandchildren are, as the figures' rule needs (with two sons they could be either's).
            Resident marriedSon = sons.size() == 1 && sons.get(0).age() >= 20 && random.nextDouble() < 0.5 ? sons.get(0) : null;
            if (marriedSon != null) {
                Resident dil = add(out, household, Rel.DAUGHTER_IN_LAW, true, skewed(NameBook.SURNAMES.size(), 1.8),
                        skewed(NameBook.MALE.size(), 1.6), Math.max(18, marriedSon.age() - random.nextInt(6)));
                for (int g = random.nextInt(4); g > 0; g--) {
                    int age = random.nextInt(Math.max(1, Math.min(12, dil.age() - 17)));
                    boolean girl = random.nextBoolean();
                    Resident grandchild = add(out, household, Rel.GRANDCHILD, girl, marriedSon.surname, marriedSon.given, age);
                    grandchild.fatherId = marriedSon.id;
                    grandchild.motherId = dil.id;
                }
            }
            if (random.nextDouble() < 0.15 && headAge < 55) {
                add(out, household, Rel.MOTHER, true, surname, skewed(NameBook.MALE.size(), 1.6), headAge + 20 + random.nextInt(15));
            }
        }
        return out;
    }

    private Resident add(List<Resident> out, int household, Rel rel, boolean female, int surname, int father, int age) {
        int given = skewed(female ? NameBook.FEMALE.size() : NameBook.MALE.size(), 1.6);
        Resident r = new Resident(out.size() + 1, household, rel, female, given, surname, father, age, random);
        out.add(r);
        return r;
    }

    private void fates(List<Resident> people) {
        Map<Integer, List<Resident>> households = new LinkedHashMap<>();
        people.forEach(p -> households.computeIfAbsent(p.household, k -> new ArrayList<>()).add(p));
        for (List<Resident> h : households.values()) {
            boolean destroyed = h.size() >= 2 && random.nextDouble() < 0.012;
            for (Resident p : h) {
                double killed = p.age() < 18 ? 0.04 : p.female ? 0.07 : 0.13;
                if (destroyed || random.nextDouble() < killed) {
                    p.truth = Truth.KILLED;
                } else if (random.nextDouble() < 0.18) {
                    double r = random.nextDouble();
                    p.truth = r < 0.86 ? Truth.HOSTAGE_RELEASED : r < 0.89 ? Truth.HOSTAGE_DIED : Truth.HOSTAGE_MISSING;
                    p.releaseMonth = 1 + random.nextInt(30);
                }
                p.injured = !destroyed && random.nextDouble() < (p.truth == Truth.KILLED ? 0.0 : 0.07);
            }
        }
    }

    private static Map<String, Integer> truthFigures(List<Resident> people) {
        Map<String, Integer> out = new LinkedHashMap<>();
        out.put("population", people.size());
        count(out, "killed", people, Resident::killed);
        count(out, "injured", people, p -> p.injured);
        count(out, "hostage", people, Resident::hostage);
        count(out, "released", people, p -> p.truth == Truth.HOSTAGE_RELEASED);
        count(out, "missing", people, p -> p.truth == Truth.HOSTAGE_MISSING);
        Map<Integer, Resident> byId = new LinkedHashMap<>();
        people.forEach(p -> byId.put(p.id, p));
        Map<Integer, List<Resident>> households = new LinkedHashMap<>();
        people.forEach(p -> households.computeIfAbsent(p.household, k -> new ArrayList<>()).add(p));
        out.put("families_destroyed", (int) households.values().stream().filter(h -> h.size() >= 2 && h.stream().allMatch(Resident::killed)).count());
        int one = 0;
        int both = 0;
        for (Resident p : people) {
            if (p.killed() || p.age() >= 18) {
                continue;
            }
            int dead = (p.fatherId != 0 && byId.get(p.fatherId).killed() ? 1 : 0) + (p.motherId != 0 && byId.get(p.motherId).killed() ? 1 : 0);
            if (dead == 1) {
                one++;
            } else if (dead == 2) {
                both++;
            }
        }
        out.put("orphaned_one_parent", one);
        out.put("orphaned_both_parents", both);
        return out;
    }

    private static void count(Map<String, Integer> out, String category, List<Resident> people, java.util.function.Predicate<Resident> in) {
        List<Resident> all = people.stream().filter(in).toList();
        out.put(category, all.size());
        out.put(category + "/children", (int) all.stream().filter(p -> p.age() < 18).count());
        out.put(category + "/women", (int) all.stream().filter(p -> p.female && p.age() >= 18).count());
        out.put(category + "/men", (int) all.stream().filter(p -> !p.female && p.age() >= 18).count());
        out.put(category + "/elderly", (int) all.stream().filter(p -> p.age() >= 60).count());
    }

    private int skewed(int size, double power) {
        return (int) Math.floor(size * Math.pow(random.nextDouble(), power));
    }

    private Spelling given(Resident p) {
        return p.female ? NameBook.FEMALE.get(p.given) : NameBook.MALE.get(p.given);
    }

    private String en(Spelling s) {
        return s.en().get(random.nextInt(s.en().size()));
    }

    private String maybeTypo(String word, double share) {
        return random.nextDouble() < share ? DemoGenerator.typo(word, random) : word;
    }

    private String ruSurname(Resident p) {
        return DemoGenerator.female(NameBook.SURNAMES.get(p.surname).ru(), p.female);
    }

    private String ruPatronymic(Resident p) {
        return NameBook.MALE.get(p.father).ru() + (p.female ? " кызы" : " оглы");
    }

    private static String date(int year, int month, int day) {
        return String.format("%02d.%02d.%04d", day, month, year);
    }

    // The residents' list of the town before the attack: Azerbaijani Latin, UTF-8 with BOM, by household.
    private DemoCase.ListFile residentsList(Path dir, List<Resident> people, Writer truth) throws IOException {
        Path file = dir.resolve("lists/town_residents.csv");
        try (CSVPrinter out = DemoGenerator.csv(file, StandardCharsets.UTF_8, ',', true)) {
            out.printRecord("Sıra №", "Ailə №", "Qohumluq", "Soyadı", "Adı", "Atasının adı", "Doğum tarixi", "Cinsi", "Kənd");
            for (Resident p : people) {
                out.printRecord(p.id, p.household, p.rel.az, DemoGenerator.female(NameBook.SURNAMES.get(p.surname).az(), p.female),
                        given(p).az(), NameBook.MALE.get(p.father).az(), date(p.year, p.month, p.day), p.female ? "qadın" : "kişi", town.az());
                truth.write("Town residents," + p.id + "," + p.id + "\n");
            }
        }
        return new DemoCase.ListFile("Town residents", file, Optional.empty(),
                "residents of the town before the attack, by household, Azerbaijani Latin, UTF-8 with BOM", people.size());
    }

    // The killed: Russian, Windows-1251, semicolons, surname first in capitals; dated deaths.
    private DemoCase.ListFile killedList(Path dir, List<Resident> people, Writer truth) throws IOException {
        Path file = dir.resolve("lists/killed.csv");
        int no = 0;
        try (CSVPrinter out = DemoGenerator.csv(file, Charset.forName("windows-1251"), ';', false)) {
            out.printRecord("№", "ФИО", "Дата рождения", "Пол", "Село", "Статус", "Дата гибели");
            for (Resident p : people) {
                if (!p.killed()) {
                    continue;
                }
                no++;
                String name = maybeTypo(ruSurname(p).toUpperCase(Locale.ROOT), 0.03) + " " + given(p).ru() + " " + ruPatronymic(p);
                String when = p.truth == Truth.HOSTAGE_DIED ? date(YEAR + (10 + p.releaseMonth) / 12, 1 + (10 + p.releaseMonth) % 12, 10)
                        : date(YEAR, 11, 14 + random.nextInt(2));
                // Mostly full dates of birth, some years only, a few none: with years only, two residents of one
                // name and year are indistinguishable, and a town of 2,000 holds a few such pairs.
                double r = random.nextDouble();
                String born = r < 0.7 ? date(p.year, p.month, p.day) : r < 0.93 ? p.year + " г." : "";
                out.printRecord(no, name, born, p.female ? "ж" : "м", town.ru(),
                        p.female ? "погибла" : "погиб", when);
                truth.write("Killed," + no + "," + p.id + "\n");
            }
        }
        Path mapping = dir.resolve("mappings/killed.yaml");
        Files.writeString(mapping, """
                # The list of the killed: Russian, Windows-1251, semicolon-separated; the date is the date of death.
                encoding: windows-1251
                delimiter: ";"
                columns:
                  "№":            {field: record_id}
                  "ФИО":          {field: full_name, order: surname_first}
                  "Дата рождения": {field: birth_date, format: auto}
                  "Пол":          {field: sex}
                  "Село":         {field: place}
                  "Статус":       {field: status}
                  "Дата гибели":  {field: status_date, format: auto}
                """, StandardCharsets.UTF_8);
        return new DemoCase.ListFile("Killed", file, Optional.of(mapping), "the killed, Russian, Windows-1251, ';', dated", no);
    }

    // The injured: a hospital's list in English transliteration, UTF-8, ages instead of dates.
    private DemoCase.ListFile injuredList(Path dir, List<Resident> people, Writer truth) throws IOException {
        Path file = dir.resolve("lists/injured.csv");
        int no = 0;
        try (CSVPrinter out = DemoGenerator.csv(file, StandardCharsets.UTF_8, ',', false)) {
            out.printRecord("ID", "Name", "Age", "Sex", "Village", "Status", "Date of incident");
            for (Resident p : people) {
                if (!p.injured) {
                    continue;
                }
                no++;
                String surname = maybeTypo(DemoGenerator.female(en(NameBook.SURNAMES.get(p.surname)), p.female), 0.03);
                String id = String.format("I-%05d", no);
                out.printRecord(id, en(given(p)) + " " + en(NameBook.MALE.get(p.father)) + (p.female ? " qizi " : " oglu ") + surname,
                        p.age(), p.female ? "F" : "M", en(town), "wounded", "14 November " + YEAR);
                truth.write("Injured," + id + "," + p.id + "\n");
            }
        }
        return new DemoCase.ListFile("Injured", file, Optional.empty(), "the injured, English transliteration, UTF-8, ages", no);
    }

    // The hostages taken: Russian, UTF-16 with BOM, tab-separated, name in three columns, dated.
    private DemoCase.ListFile hostagesList(Path dir, List<Resident> people, Writer truth) throws IOException {
        Path file = dir.resolve("lists/hostages_taken.tsv");
        int no = 0;
        try (CSVPrinter out = DemoGenerator.csv(file, StandardCharsets.UTF_16LE, '\t', true)) {
            out.printRecord("Номер", "Фамилия", "Имя", "Отчество", "Год рождения", "Село", "Статус", "Дата пленения");
            for (Resident p : people) {
                if (!p.hostage()) {
                    continue;
                }
                no++;
                String number = "H" + (1000 + no);
                out.printRecord(number, maybeTypo(ruSurname(p), 0.02), given(p).ru(), ruPatronymic(p), p.year, town.ru(),
                        p.female ? "взята в заложники" : "взят в заложники", date(YEAR, 11, 14 + random.nextInt(2)));
                truth.write("Hostages taken," + number + "," + p.id + "\n");
            }
        }
        return new DemoCase.ListFile("Hostages taken", file, Optional.empty(), "hostages taken, Russian, UTF-16 with BOM, tab-separated, dated", no);
    }

    // The hostages released: English, UTF-8 with BOM, '|', the date of release.
    private DemoCase.ListFile releasedList(Path dir, List<Resident> people, Writer truth) throws IOException {
        Path file = dir.resolve("lists/hostages_released.csv");
        int no = 0;
        try (CSVPrinter out = DemoGenerator.csv(file, StandardCharsets.UTF_8, '|', true)) {
            out.printRecord("Surname", "Given name", "Patronymic", "Year of birth", "Place", "Status", "Release date");
            for (Resident p : people) {
                if (p.truth != Truth.HOSTAGE_RELEASED) {
                    continue;
                }
                no++;
                int months = 10 + p.releaseMonth;
                out.printRecord(maybeTypo(DemoGenerator.female(en(NameBook.SURNAMES.get(p.surname)), p.female), 0.02), en(given(p)),
                        en(NameBook.MALE.get(p.father)) + (p.female ? " qizi" : " oglu"), p.year, en(town),
                        random.nextBoolean() ? "released" : "exchanged", date(YEAR + months / 12, 1 + months % 12, 1 + random.nextInt(28)));
                truth.write("Hostages released,row-" + (no + 1) + "," + p.id + "\n");
            }
        }
        return new DemoCase.ListFile("Hostages released", file, Optional.empty(), "hostages released, English, UTF-8 with BOM, '|', dated", no);
    }

    // A later commission's list of those still missing: Azerbaijani Latin, UTF-8, ';', dated 2005.
    private DemoCase.ListFile commissionList(Path dir, List<Resident> people, Writer truth) throws IOException {
        Path file = dir.resolve("lists/commission_missing.csv");
        int no = 0;
        try (CSVPrinter out = DemoGenerator.csv(file, StandardCharsets.UTF_8, ';', false)) {
            out.printRecord("Sıra №", "Soyadı", "Adı", "Atasının adı", "Doğum ili", "Cinsi", "Kənd", "Taleyi", "Status tarixi");
            for (Resident p : people) {
                if (p.truth != Truth.HOSTAGE_MISSING) {
                    continue;
                }
                no++;
                out.printRecord(no, DemoGenerator.female(NameBook.SURNAMES.get(p.surname).az(), p.female), given(p).az(),
                        NameBook.MALE.get(p.father).az(), p.year, p.female ? "qadın" : "kişi", town.az(), "itkin düşüb", "01.03.2005");
                truth.write("Commission on the missing," + no + "," + p.id + "\n");
            }
        }
        return new DemoCase.ListFile("Commission on the missing", file, Optional.empty(),
                "a later commission's list of those still missing, Azerbaijani Latin, UTF-8, ';', dated 2005", no);
    }

    /** How each list is imported: its kind. */
    public static String kindOf(String source) {
        return switch (source) {
            case "Town residents" -> "residents";
            case "Commission on the missing" -> "official";
            default -> "list";
        };
    }
}
