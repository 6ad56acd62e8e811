package org.nomina.app.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
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
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.nomina.app.demo.NameBook.Spelling;

/**
 * Generates the fictional demo case: the invented district of Nomkənd, attacked on 14–15 November 1994
 * (a fictional event), and the lists four or five bodies made of its victims, each in its own schema,
 * script, encoding and format, with the faults real lists have: typos, transliteration variants,
 * missing fields, duplicates and a few unusable rows. Every person is a random combination of common
 * name elements; none is a real individual. Deterministic for a given seed. Streams rows to disk, so a
 * population of millions needs memory only for the people themselves (a few dozen bytes each).
 */
public final class DemoGenerator {

    static final int INCIDENT_YEAR = 1994;
    static final String[] STATUSES = {"killed", "injured", "missing", "hostage", "displaced"};
    static final double[] STATUS_SHARE = {0.58, 0.20, 0.08, 0.11, 0.03};

    /** Share of testimonies and press reports that name another village than the person's (see {@code village}). */
    public static final double PLACE_NOISE = 0.04;

    /**
     * Options: population size, number of lists (4 or 5), whether one list is an .xlsx workbook, seed, the
     * share of testimonies and press reports naming another village, and whether the lists are as hard as
     * real ones ({@link HardCaseGenerator}: two communities, Zipf names, towns of very unequal size, mixed
     * encodings, placeholders …) rather than the demo's.
     */
    public record Options(int people, int lists, boolean xlsx, long seed, double placeNoise, boolean hard) {
        public Options(int people, int lists, boolean xlsx, long seed) {
            this(people, lists, xlsx, seed, PLACE_NOISE);
        }

        public Options(int people, int lists, boolean xlsx, long seed, double placeNoise) {
            this(people, lists, xlsx, seed, placeNoise, false);
        }

        public Options {
            if (!(placeNoise >= 0 && placeNoise <= 1)) {
                throw new IllegalArgumentException("--place-noise must be between 0 and 1, not " + placeNoise);
            }
            if (people < 10) {
                throw new IllegalArgumentException("--people must be at least 10, not " + people);
            }
            if (lists < 4 || lists > 5) {
                throw new IllegalArgumentException("--lists must be 4 or 5, not " + lists);
            }
        }
    }

    /** One generated (fictional) person; fields are indexes into {@link NameBook}. */
    private record Person(int id, boolean female, int given, int father, int surname, int year, int month, int day, int village,
                          int status, int deathDay, double visibility) {
        int ageAtIncident() {
            return INCIDENT_YEAR - year - (month > 11 || (month == 11 && day > 14) ? 1 : 0);
        }
    }

    /** People per village when the population outgrows the demo's six villages. */
    private static final int PEOPLE_PER_VILLAGE = 1500;

    private final Options options;
    private final SplittableRandom random;
    private final List<Spelling> villages;

    public DemoGenerator(Options options) {
        this.options = options;
        this.random = new SplittableRandom(options.seed());
        this.villages = NameBook.villages(Math.max(6, options.people() / PEOPLE_PER_VILLAGE));
    }

    public DemoCase generate(Path dir) {
        if (options.hard()) {
            return new HardCaseGenerator(options).generate(dir);
        }
        try {
            List<Person> people = population();
            Map<String, Integer> byStatus = DemoCase.countByStatus(STATUSES, people, Person::status);
            List<DemoCase.ListWriter> writers = new ArrayList<>(List.of(
                    t -> hospital(dir, people, t), t -> committee(dir, people, t),
                    t -> testimonies(dir, people, t), t -> ministry(dir, people, t)));
            if (options.lists() == 5) {
                writers.add(t -> press(dir, people, t));
            }
            List<DemoCase.ListFile> lists = DemoCase.writeLists(dir, writers);
            Path truth = dir.resolve("truth.csv");
            return new DemoCase(dir, lists, people.size(), DemoCase.documented(truth), byStatus, truth);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo case to " + dir + ": " + e.getMessage(), e);
        }
    }

    private List<Person> population() {
        List<Person> people = new ArrayList<>(options.people());
        for (int i = 1; i <= options.people(); i++) {
            boolean female = random.nextDouble() < 0.42;
            // Names follow skewed distributions, as they do in the region: a few very common surnames
            // (Məmmədov alone is one person in fifteen) and given names, and a long tail of rarer ones.
            int given = skewed(female ? NameBook.FEMALE.size() : NameBook.MALE.size(), 1.6);
            int surname = skewed(NameBook.SURNAMES.size(), 1.8);
            int age = ageAtIncident();
            int month = 1 + random.nextInt(12);
            int day = 1 + random.nextInt(28);
            int status = pick(STATUS_SHARE);
            double visibility = new double[] {0.55, 1.0, 1.35}[random.nextInt(3)];
            people.add(new Person(i, female, given, skewed(NameBook.MALE.size(), 1.6), surname, INCIDENT_YEAR - age, month, day,
                    random.nextInt(villages.size()), status, 14 + random.nextInt(2), visibility));
        }
        return people;
    }

    /** An index in [0, size) drawn with more weight on the first ones; the larger the power, the steeper. */
    private int skewed(int size, double power) {
        return (int) Math.floor(size * Math.pow(random.nextDouble(), power));
    }

    private int ageAtIncident() {
        return ageAtIncident(random);
    }

    /** An age at the incident: 18% children, 64% adults under 60, the rest older. Shared with {@link HardCaseGenerator}. */
    static int ageAtIncident(SplittableRandom random) {
        double r = random.nextDouble();
        if (r < 0.18) {
            return 1 + random.nextInt(17);
        }
        if (r < 0.82) {
            return 18 + random.nextInt(42);
        }
        return 60 + random.nextInt(30);
    }

    private int pick(double[] shares) {
        return pick(random, shares);
    }

    /** An index drawn with the given shares (summing to 1). Shared with {@link HardCaseGenerator}. */
    static int pick(SplittableRandom random, double[] shares) {
        double r = random.nextDouble();
        double acc = 0;
        for (int i = 0; i < shares.length; i++) {
            acc += shares[i];
            if (r < acc) {
                return i;
            }
        }
        return shares.length - 1;
    }

    private boolean captured(Person p, double[] byStatus) {
        return random.nextDouble() < Math.min(0.95, byStatus[p.status()] * p.visibility());
    }

    private Spelling given(Person p) {
        return p.female() ? NameBook.FEMALE.get(p.given()) : NameBook.MALE.get(p.given());
    }

    static String female(String surname, boolean female) {
        return female ? surname + (Character.UnicodeScript.of(surname.codePointAt(0)) == Character.UnicodeScript.CYRILLIC ? "а" : "a")
                : surname;
    }

    private String en(Spelling s) {
        return s.en().get(random.nextInt(s.en().size()));
    }

    /**
     * The village a testimony or a press report gives: now and then not where the person lived but where
     * they were killed or found, so records of one person do not always agree on the place.
     */
    private Spelling village(Person p) {
        return villages.get(random.nextDouble() < options.placeNoise() ? random.nextInt(villages.size()) : p.village());
    }

    /**
     * The fate a testimony or a press report gives: now and then not the one the official lists hold — a
     * relative still hopes the killed are missing, a report has the missing dead.
     */
    private int hearsay(Person p) {
        if (p.status() == 0 && random.nextDouble() < 0.08) {
            return 2;
        }
        if (p.status() == 2 && random.nextDouble() < 0.10) {
            return 0;
        }
        return p.status();
    }

    /** A typing error: a dropped, doubled or swapped letter. */
    private String typo(String word) {
        return typo(word, random);
    }

    /** A typing error drawn from {@code random}; shared with {@link TownGenerator}. */
    static String typo(String word, SplittableRandom random) {
        if (word.length() < 4) {
            return word;
        }
        int i = 1 + random.nextInt(word.length() - 2);
        return switch (random.nextInt(3)) {
            case 0 -> word.substring(0, i) + word.substring(i + 1);
            case 1 -> word.substring(0, i) + word.charAt(i) + word.substring(i);
            default -> word.substring(0, i - 1) + word.charAt(i) + word.charAt(i - 1) + word.substring(i + 1);
        };
    }

    static CSVPrinter csv(Path file, Charset charset, char delimiter, boolean bom) throws IOException {
        OutputStream out = Files.newOutputStream(file);
        if (bom) {
            if (charset.equals(StandardCharsets.UTF_8)) {
                out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            } else if (charset.equals(StandardCharsets.UTF_16LE)) {
                out.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
            }
        }
        Writer w = new BufferedWriter(new OutputStreamWriter(out, charset), 1 << 16);
        return new CSVPrinter(w, CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setRecordSeparator("\r\n").get());
    }

    // A: the district hospital's register — Russian, Windows-1251, semicolons, surname in capitals.
    private DemoCase.ListFile hospital(Path dir, List<Person> people, Writer truth) throws IOException {
        Path file = dir.resolve("lists/hospital_register.csv");
        String[] ru = {"погиб", "ранен", "пропал без вести", "заложник", "беженец"};
        String[] ruF = {"погибла", "ранена", "пропала без вести", "заложница", "беженка"};
        int rows = 0;
        int no = 0;
        try (CSVPrinter out = csv(file, Charset.forName("windows-1251"), ';', false)) {
            out.printRecord("№", "ФИО", "Дата рождения", "Пол", "Село", "Статус", "Примечание");
            for (Person p : people) {
                if (!captured(p, new double[] {0.55, 0.75, 0.05, 0.03, 0.02})) {
                    continue;
                }
                int copies = random.nextDouble() < 0.02 ? 2 : 1;
                for (int c = 0; c < copies; c++) {
                    no++;
                    String surname = female(NameBook.SURNAMES.get(p.surname()).ru(), p.female()).toUpperCase(Locale.ROOT);
                    if (random.nextDouble() < 0.03) {
                        surname = typo(surname);
                    }
                    String father = NameBook.MALE.get(p.father()).ru();
                    String patronymic = random.nextDouble() < 0.8 ? father + (p.female() ? " кызы" : " оглы") : "";
                    String name = (surname + " " + given(p).ru() + " " + patronymic).strip();
                    String birth = birth(p, 0.62, 0.16, c == 1);
                    String status = p.status() == 0 && random.nextDouble() < 0.15 ? "умер в больнице"
                            : (p.female() ? ruF : ru)[p.status()];
                    String note = c == 1 ? "повторная запись" : "";
                    if (no == 17) {
                        birth = "32.13.1951";
                    }
                    if (no == 41) {
                        name = "";
                    }
                    out.printRecord(no, name, birth, p.female() ? "ж" : "м", villages.get(p.village()).ru(), status, note);
                    truth.write("Hospital register," + no + "," + p.id() + "\n");
                    rows++;
                }
            }
        }
        Path mapping = dir.resolve("mappings/hospital_register.yaml");
        Files.writeString(mapping, """
                # The district hospital's register: Russian, Windows-1251, semicolon-separated.
                encoding: windows-1251
                delimiter: ";"
                columns:
                  "№":             {field: record_id}
                  "ФИО":           {field: full_name, order: surname_first}
                  "Дата рождения": {field: birth_date, format: auto}
                  "Пол":           {field: sex}
                  "Село":          {field: place}
                  "Статус":        {field: status, values: {"умер в больнице": killed}}
                  "Примечание":    {field: notes}
                """, StandardCharsets.UTF_8);
        return new DemoCase.ListFile("Hospital register", file, Optional.of(mapping),
                "district hospital register, Russian, Windows-1251, ';', surname in capitals", rows);
    }

    private String birth(Person p, double full, double yearOnly, boolean dropped) {
        double r = random.nextDouble();
        if (dropped || r >= full + yearOnly) {
            return "";
        }
        if (r < full) {
            return String.format("%02d.%02d.%04d", p.day(), p.month(), p.year());
        }
        return p.year() + " г.";
    }

    // B: the committee of families — Azerbaijani Latin, an .xlsx workbook, headers it needs no mapping for.
    private DemoCase.ListFile committee(Path dir, List<Person> people, Writer truth) throws IOException {
        String[] az = {"həlak olub", "yaralanıb", "itkin düşüb", "girov götürülüb", "köçkün"};
        List<String[]> rowsOut = new ArrayList<>();
        int no = 0;
        for (Person p : people) {
            if (!captured(p, new double[] {0.45, 0.35, 0.8, 0.75, 0.3})) {
                continue;
            }
            no++;
            String year = random.nextDouble() < 0.15 ? "" : (random.nextDouble() < 0.1 ? "təx. " : "") + p.year();
            rowsOut.add(new String[] {String.valueOf(no), female(NameBook.SURNAMES.get(p.surname()).az(), p.female()), given(p).az(),
                NameBook.MALE.get(p.father()).az(), year, p.female() ? "qadın" : "kişi", villages.get(p.village()).az(),
                az[p.status()]});
            truth.write("Committee of families," + no + "," + p.id() + "\n");
        }
        String[] header = {"Sıra №", "Soyadı", "Adı", "Atasının adı", "Doğum ili", "Cinsi", "Kənd", "Taleyi"};
        Path file;
        if (options.xlsx()) {
            file = dir.resolve("lists/families_committee.xlsx");
            try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
                Sheet sheet = wb.createSheet("Siyahı");
                int r = 0;
                Row hr = sheet.createRow(r++);
                for (int i = 0; i < header.length; i++) {
                    hr.createCell(i).setCellValue(header[i]);
                }
                for (String[] row : rowsOut) {
                    Row xr = sheet.createRow(r++);
                    for (int i = 0; i < row.length; i++) {
                        if (!row[i].isEmpty()) {
                            if (i == 0 || (i == 4 && row[i].matches("\\d{4}"))) {
                                xr.createCell(i).setCellValue(Integer.parseInt(row[i]));
                            } else {
                                xr.createCell(i).setCellValue(row[i]);
                            }
                        }
                    }
                }
                try (OutputStream out = Files.newOutputStream(file)) {
                    wb.write(out);
                }
            }
        } else {
            file = dir.resolve("lists/families_committee.csv");
            try (CSVPrinter out = csv(file, StandardCharsets.UTF_8, ',', true)) {
                out.printRecord((Object[]) header);
                for (String[] row : rowsOut) {
                    out.printRecord((Object[]) row);
                }
            }
        }
        return new DemoCase.ListFile("Committee of families", file, Optional.empty(),
                "families' committee, Azerbaijani Latin, " + (options.xlsx() ? ".xlsx workbook" : "UTF-8 CSV with BOM"), rowsOut.size());
    }

    // C: testimonies an NGO collected — English transliterations, UTF-8, commas, ages instead of dates.
    private DemoCase.ListFile testimonies(Path dir, List<Person> people, Writer truth) throws IOException {
        Path file = dir.resolve("lists/ngo_testimonies.csv");
        String[] en = {"killed", "injured", "missing", "taken hostage", "displaced"};
        int no = 0;
        try (CSVPrinter out = csv(file, StandardCharsets.UTF_8, ',', false)) {
            out.printRecord("ID", "Name", "Age", "Village", "Fate", "Date of incident", "Notes");
            for (Person p : people) {
                if (!captured(p, new double[] {0.3, 0.2, 0.45, 0.4, 0.2})) {
                    continue;
                }
                no++;
                String surname = female(en(NameBook.SURNAMES.get(p.surname())), p.female());
                String given = en(given(p));
                if (random.nextDouble() < 0.08) {
                    surname = typo(surname);
                }
                if (random.nextDouble() < 0.04) {
                    given = typo(given);
                }
                String name;
                if (random.nextDouble() < 0.85) {
                    // Relatives often name the father too, the Azerbaijani way: "Ali Huseyn oglu Mammadov".
                    String father = random.nextDouble() < 0.4 ? en(NameBook.MALE.get(p.father())) + (p.female() ? " qizi " : " oglu ") : "";
                    name = given + " " + father + surname;
                } else {
                    name = surname + ", " + given;
                }
                String age = "";
                double r = random.nextDouble();
                if (r < 0.6) {
                    int a = p.ageAtIncident() + (random.nextDouble() < 0.2 ? random.nextInt(5) - 2 : 0);
                    age = random.nextDouble() < 0.3 ? "about " + Math.max(1, a) : String.valueOf(Math.max(1, a));
                }
                String fate = no == 23 ? "?" : en[hearsay(p)];
                String notes = random.nextDouble() < 0.3 ? "Testimony of a relative" : "";
                String id = String.format("T-%05d", no);
                String when = random.nextDouble() < 0.8 ? p.deathDay() + " November " + INCIDENT_YEAR : "November " + INCIDENT_YEAR;
                out.printRecord(id, name, age, en(village(p)), fate, when, notes);
                truth.write("NGO testimonies," + id + "," + p.id() + "\n");
            }
        }
        return new DemoCase.ListFile("NGO testimonies", file, Optional.empty(),
                "testimonies collected by an NGO, English transliteration, UTF-8, ',', ages not dates", no);
    }

    // D: the ministry's list — Russian, UTF-16 with BOM, tab-separated, one column per name part.
    private DemoCase.ListFile ministry(Path dir, List<Person> people, Writer truth) throws IOException {
        Path file = dir.resolve("lists/ministry_list.tsv");
        String[] ru = {"погибший", "раненый", "пропавший без вести", "заложник", "вынужденный переселенец"};
        int no = 0;
        try (CSVPrinter out = csv(file, StandardCharsets.UTF_16LE, '\t', true)) {
            out.printRecord("Номер", "Фамилия", "Имя", "Отчество", "Год рождения", "Место жительства", "Дата гибели", "Категория");
            for (Person p : people) {
                if (!captured(p, new double[] {0.6, 0.08, 0.55, 0.55, 0.05})) {
                    continue;
                }
                no++;
                String number = "M" + (1000 + no);
                String year = random.nextDouble() < 0.1 ? "" : String.valueOf(p.year() + (random.nextDouble() < 0.03 ? 1 : 0));
                String death = p.status() == 0 ? String.format("%02d.11.%d", p.deathDay(), INCIDENT_YEAR) : "";
                List<Object> row = new ArrayList<>(List.of(number, female(NameBook.SURNAMES.get(p.surname()).ru(), p.female()),
                        given(p).ru(), NameBook.MALE.get(p.father()).ru() + (p.female() ? " кызы" : " оглы"), year,
                        villages.get(p.village()).ru(), death, ru[p.status()]));
                if (no == 7) {
                    row.add("лишнее значение");
                }
                out.printRecord(row);
                truth.write("Ministry list," + number + "," + p.id() + "\n");
            }
        }
        Path mapping = dir.resolve("mappings/ministry_list.yaml");
        Files.writeString(mapping, """
                # The ministry's list: Russian, UTF-16 with a byte-order mark, tab-separated.
                delimiter: "\\t"
                columns:
                  "Номер":            {field: record_id}
                  "Фамилия":          {field: surname}
                  "Имя":              {field: given_name}
                  "Отчество":         {field: patronymic}
                  "Год рождения":     {field: birth_year}
                  "Место жительства": {field: place}
                  "Дата гибели":      {field: incident_date, format: "dd.MM.yyyy"}
                  "Категория":        {field: status, values: {"пропавший без вести": missing, "вынужденный переселенец": displaced}}
                """, StandardCharsets.UTF_8);
        return new DemoCase.ListFile("Ministry list", file, Optional.of(mapping),
                "ministry list, Russian, UTF-16 with BOM, tab-separated, name in three columns", no);
    }

    // E: press reports — English, UTF-8 with BOM, pipe-separated, year of birth only.
    private DemoCase.ListFile press(Path dir, List<Person> people, Writer truth) throws IOException {
        Path file = dir.resolve("lists/press_reports.csv");
        int no = 0;
        try (CSVPrinter out = csv(file, StandardCharsets.UTF_8, '|', true)) {
            out.printRecord("Surname", "Given name", "Year of birth", "Place", "Status");
            for (Person p : people) {
                if (!captured(p, new double[] {0.25, 0.1, 0.2, 0.3, 0.05})) {
                    continue;
                }
                no++;
                String year = random.nextDouble() < 0.4 ? "" : (random.nextDouble() < 0.2 ? "c. " : "") + p.year();
                String surname = female(en(NameBook.SURNAMES.get(p.surname())), p.female());
                out.printRecord(random.nextDouble() < 0.05 ? typo(surname) : surname, en(given(p)), year,
                        en(village(p)), new String[] {"killed", "injured", "missing", "hostage", "displaced"}[hearsay(p)]);
                truth.write("Press reports,row-" + (no + 1) + "," + p.id() + "\n");
            }
        }
        return new DemoCase.ListFile("Press reports", file, Optional.empty(), "press reports, English, UTF-8 with BOM, '|'", no);
    }
}
