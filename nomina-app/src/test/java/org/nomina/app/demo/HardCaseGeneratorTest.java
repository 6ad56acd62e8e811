package org.nomina.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hard case's lists have what real lists have; every person in them is invented. */
class HardCaseGeneratorTest {

    @TempDir
    Path dir;

    private static DemoGenerator.Options options(int people, long seed) {
        return new DemoGenerator.Options(people, 5, false, seed, DemoGenerator.PLACE_NOISE, true);
    }

    private static List<String> dataLines(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return lines.subList(1, lines.size());
    }

    @Test
    void shouldWriteFiveListsWhoseEveryRowHasItsTruePerson() throws IOException {
        DemoCase c = new DemoGenerator(options(2000, 3)).generate(dir);
        assertThat(c.lists()).extracting(DemoCase.ListFile::source).containsExactly("Committee of families", "Hospital register",
                "Press reports", "NGO testimonies", "Armenian list");
        List<String> truth = dataLines(c.truth());
        Map<String, Long> rowsBySource = truth.stream().collect(Collectors.groupingBy(l -> l.substring(0, l.indexOf(',')),
                Collectors.counting()));
        for (DemoCase.ListFile list : c.lists()) {
            assertThat(rowsBySource.get(list.source())).as(list.source()).isEqualTo(list.rows());
        }
        assertThat(truth).allSatisfy(l -> assertThat(Integer.parseInt(l.substring(l.lastIndexOf(',') + 1))).isBetween(1, 2000));
        assertThat(truth.stream().distinct().count()).as("no (source, record id) twice").isEqualTo(truth.size());
    }

    @Test
    void shouldBeDeterministicForASeed() throws IOException {
        new DemoGenerator(options(500, 9)).generate(dir.resolve("a"));
        new DemoGenerator(options(500, 9)).generate(dir.resolve("b"));
        for (String f : List.of("truth.csv", "lists/hospital_register.csv", "lists/armenian_list.csv", "lists/ngo_testimonies.csv")) {
            assertThat(Files.readAllBytes(dir.resolve("b").resolve(f))).as(f).isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(f)));
        }
    }

    @Test
    void shouldPasteBlocksOfUtf8RowsIntoTheWindows1251HospitalList() throws IOException {
        new DemoGenerator(options(3000, 5)).generate(dir);
        byte[] bytes = Files.readAllBytes(dir.resolve("lists/hospital_register.csv"));
        int utf8 = 0;
        int cp1251 = 0;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                byte[] line = Arrays.copyOfRange(bytes, start, i);
                boolean ascii = new String(line, StandardCharsets.ISO_8859_1).chars().allMatch(ch -> ch < 0x80);
                if (ascii) {
                    start = i + 1;
                    continue;
                }
                if (isUtf8(line)) {
                    utf8++;
                    assertThat(new String(line, StandardCharsets.UTF_8)).containsPattern("\\p{IsCyrillic}");
                } else {
                    cp1251++;
                }
                start = i + 1;
            }
        }
        assertThat(cp1251).isGreaterThan(utf8 * 5);
        assertThat(utf8).isGreaterThan(0);
    }

    private static boolean isUtf8(byte[] line) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(line));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @Test
    void shouldWriteSiblingsAndTestimoniesWithoutADate() throws IOException {
        DemoCase c = new DemoGenerator(options(3000, 5)).generate(dir);
        Map<String, String> personOf = new java.util.HashMap<>();
        for (String line : dataLines(c.truth())) {
            String[] f = line.split(",");
            personOf.put(f[0] + "|" + f[1], f[2]);
        }
        // Brothers and sisters: different people of one surname, one father and one village on the committee's list.
        Map<String, java.util.Set<String>> peopleByFamily = new java.util.HashMap<>();
        java.util.Set<String> committeePeople = new java.util.HashSet<>();
        for (org.apache.commons.csv.CSVRecord r : csv(dir.resolve("lists/families_committee.csv"))) {
            String person = personOf.get("Committee of families|" + r.get(0));
            committeePeople.add(person);
            String surname = r.get(1).replaceAll("a$", "");
            String father = r.get(3).split(" ")[0];
            if (!father.isEmpty()) {
                peopleByFamily.computeIfAbsent(surname + "|" + father + "|" + r.get(6).split(" ")[0], k -> new java.util.HashSet<>()).add(person);
            }
        }
        long withSiblings = peopleByFamily.values().stream().filter(p -> p.size() > 1).mapToLong(java.util.Set::size).sum();
        assertThat(withSiblings).as("committee people with a brother or sister on the list").isGreaterThan(committeePeople.size() / 5);
        // A quarter of the testimonies give no date, so their ages imply a birth year only at the incident's year.
        List<org.apache.commons.csv.CSVRecord> testimonies = csv(dir.resolve("lists/ngo_testimonies.csv"));
        long undated = testimonies.stream().filter(r -> r.get(5).isEmpty()).count();
        assertThat(undated).isBetween(testimonies.size() / 6L, testimonies.size() / 3L);
    }

    private static List<org.apache.commons.csv.CSVRecord> csv(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", "");
        return org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new java.io.StringReader(text))
                .getRecords();
    }

    @Test
    void shouldWriteEachListInItsOwnScriptAndShape() throws IOException {
        new DemoGenerator(options(3000, 5)).generate(dir);
        List<String> press = dataLines(dir.resolve("lists/press_reports.csv"));
        assertThat(press).allSatisfy(l -> assertThat(l).isEqualTo(l.toUpperCase(java.util.Locale.ROOT)));
        assertThat(press).anySatisfy(l -> assertThat(l).contains("VILLAGE OF "));
        List<String> armenian = dataLines(dir.resolve("lists/armenian_list.csv"));
        assertThat(armenian).allSatisfy(l -> assertThat(l).containsPattern("\\p{IsArmenian}"));
        assertThat(armenian).anySatisfy(l -> assertThat(l).containsPattern("\\p{IsArmenian}+ի,"));
        String hospital = new String(Files.readAllBytes(dir.resolve("lists/hospital_register.csv")), Charset.forName("windows-1251"));
        assertThat(hospital).contains("с. ", " кызы", "вич", "ян ");
        assertThat(hospital).containsPattern(";[А-Я][а-я]+ [А-Я][а-я]+(ова|ева|ян);");
        List<String> testimonies = dataLines(dir.resolve("lists/ngo_testimonies.csv"));
        assertThat(testimonies).anySatisfy(l -> assertThat(l).containsPattern(",\\d{1,2}-\\d{2,3},"));
        assertThat(testimonies).anySatisfy(l -> assertThat(l).containsPattern(",(twenty|thirty|forty|fifty|sixty)(-\\w+)?,"));
        assertThat(testimonies).anySatisfy(l -> assertThat(l).containsPattern(",(n/a|\\?|unknown),"));
        // The words for a village typed with an error, as hands write them (NURABULUN VILAGE, Nomkənd kənid).
        assertThat(typedTypeWords(press, ",", 4, "VILLAGE")).isPositive();
        assertThat(typedTypeWords(dataLines(dir.resolve("lists/families_committee.csv")), ",", 6, "kəndi")).isPositive();
        // Russian type words as clerks type them: an abbreviation misspelt before its period (по., поос.), the space a
        // letter late (с.Н урабулун), село run into the name; each of them reads as the village (NameNormaliserTest).
        List<String> hospitalPlaces = hospital.lines().skip(1).map(l -> l.split(";", -1)[4]).toList();
        assertThat(hospitalPlaces).anySatisfy(p -> assertThat(p).matches("(по|пс|поос|посс|сс)\\. .+"));
        assertThat(hospitalPlaces).anySatisfy(p -> assertThat(p).matches("(с\\.|село|пос\\.)\\p{Lu} \\p{Ll}.+"));
        assertThat(hospitalPlaces).anySatisfy(p -> assertThat(p).matches("село\\p{Lu}\\p{Ll}.+"));
        // A village's Latin y + u, y + a, y + e written letter by letter in Russian: й + у, й + а, й + е (Йени).
        assertThat(hospital.lines().skip(1).map(l -> l.split(";", -1)[4])).anySatisfy(p -> assertThat(p).containsPattern("(?iu)й[уае]"));
        String all = String.join("\n", new ArrayList<>(List.of(hospital, String.join("\n", testimonies), String.join("\n", press))));
        assertThat(all).contains("Оганесян").containsAnyOf("Ohanian", "OHANIAN").containsAnyOf("Mamish", "MAMISH", "Мамиш");
    }

    /** Words of the place column one typing error from {@code word}, but not it. */
    private static long typedTypeWords(List<String> lines, String separator, int column, String word) {
        return lines.stream().map(l -> l.split(separator, -1)[column]).flatMap(p -> Arrays.stream(p.split(" ")))
                .filter(w -> !w.equals(word) && org.nomina.engine.names.Edits.withinOne(w, word)).count();
    }

    @Test
    void shouldMakeVillagesOfVeryUnequalSizeAndOneFullOfMammadMammadov() {
        HardCaseGenerator generator = new HardCaseGenerator(options(60_000, 1));
        generator.generate(dir);
        int[] sizes = generator.villageSizes();
        int[] sorted = sizes.clone();
        Arrays.sort(sorted);
        int median = sorted[sorted.length / 2];
        assertThat(sorted[sorted.length - 1]).as("largest village vs median").isGreaterThan(10 * median);
        // The clan village is the eleventh largest: about 1,000 people at 60,000 (5,700 at 660,000).
        assertThat(generator.clanNamesakes()).as("men named Məmməd Məmmədov in one village").isGreaterThan(50);
        assertThat(sizes[10]).isGreaterThan(median);
    }

    @Test
    void shouldFormRussianPatronymicsFromFathersNames() {
        assertThat(HardCaseGenerator.russianPatronymic("Гасан", false)).isEqualTo("Гасанович");
        assertThat(HardCaseGenerator.russianPatronymic("Ованес", true)).isEqualTo("Ованесовна");
        assertThat(HardCaseGenerator.russianPatronymic("Гусейн", false)).isEqualTo("Гусейнович");
        assertThat(HardCaseGenerator.russianPatronymic("Али", false)).isEqualTo("Алиевич");
        assertThat(HardCaseGenerator.russianPatronymic("Муса", true)).isEqualTo("Мусаевна");
    }
}
