package org.nomina.engine.linkage;

import org.nomina.engine.domain.Sex;
import java.util.Optional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A fictional population seen through several lists, for benchmarks. Names are built from syllables that
 * each carry four renderings — Azerbaijani Latin, Russian Cyrillic, Russian-style ASCII and
 * Azerbaijani-style ASCII — so one person's name differs across lists the way real lists differ
 * (Məmmədov / Мамедов / Mamedov / Mammadov). Each list has its own script, date precision (full date,
 * year, age at the incident, approximate year) and noise: typos, missing fields, swapped name order,
 * day/month swaps. Names follow a Zipf law. No real person's data.
 */
final class SyntheticPopulation {

    /** One sound in four renderings: az Latin, Cyrillic, Russian ASCII, az ASCII. */
    private record Part(String az, String cyrillic, String ruAscii, String azAscii) {
        String render(int style) {
            return switch (style) {
                case 0 -> az;
                case 1 -> cyrillic;
                case 2 -> ruAscii;
                default -> azAscii;
            };
        }
    }

    private static final Part[] ONSETS = {
            new Part("mə", "ме", "me", "ma"), new Part("hə", "га", "ga", "ha"), new Part("ə", "а", "a", "a"),
            new Part("qa", "га", "ga", "ga"), new Part("xa", "ха", "kha", "kha"), new Part("sa", "са", "sa", "sa"),
            new Part("ra", "ра", "ra", "ra"), new Part("ba", "ба", "ba", "ba"), new Part("to", "то", "to", "to"),
            new Part("hü", "гу", "gu", "hu"), new Part("ka", "ка", "ka", "ka"), new Part("na", "на", "na", "na"),
            new Part("ta", "та", "ta", "ta"), new Part("la", "ла", "la", "la"), new Part("zə", "зе", "ze", "za"),
            new Part("ve", "ве", "ve", "ve"), new Part("şa", "ша", "sha", "sha"), new Part("ça", "ча", "cha", "cha"),
            new Part("da", "да", "da", "da"), new Part("fə", "фа", "fa", "fa"), new Part("ni", "ни", "ni", "ni"),
            new Part("ar", "ар", "ar", "ar"), new Part("əs", "ас", "as", "as"), new Part("or", "ор", "or", "or"),
            new Part("ke", "ке", "ke", "ke"), new Part("pe", "пе", "pe", "pe"), new Part("lu", "лу", "lu", "lu"),
            new Part("vi", "ви", "vi", "vi"), new Part("ho", "о", "o", "ho"), new Part("go", "го", "go", "go")};
    private static final Part[] MIDDLES = {
            new Part("m", "м", "m", "m"), new Part("mməd", "мед", "med", "mmad"), new Part("s", "с", "s", "s"),
            new Part("lil", "лил", "lil", "lil"), new Part("r", "р", "r", "r"), new Part("hir", "гир", "gir", "hir"),
            new Part("dir", "дир", "dir", "dir"), new Part("sən", "сан", "san", "san"), new Part("vər", "вер", "ver", "var"),
            new Part("nes", "нес", "nes", "nes"), new Part("kar", "кар", "kar", "kar"), new Part("tur", "тур", "tur", "tur"),
            new Part("şid", "шид", "shid", "shid"), new Part("bek", "бек", "bek", "bek"), new Part("gər", "гер", "ger", "gar"),
            new Part("lim", "лим", "lim", "lim"), new Part("ran", "ран", "ran", "ran"), new Part("zul", "зул", "zul", "zul"),
            new Part("vaz", "ваз", "vaz", "vaz"), new Part("pol", "пол", "pol", "pol"), new Part("ten", "тен", "ten", "ten"),
            new Part("dar", "дар", "dar", "dar"), new Part("fir", "фир", "fir", "fir"), new Part("quli", "кули", "kuli", "guli")};
    private static final Part[] CODAS = {
            new Part("ov", "ов", "ov", "ov"), new Part("yev", "ев", "ev", "yev"), new Part("yan", "ян", "yan", "yan"),
            new Part("ova", "ова", "ova", "ova"), new Part("li", "ли", "li", "li"), new Part("zadə", "заде", "zade", "zada")};
    private static final Part[] GIVEN_ENDINGS = {
            new Part("", "", "", ""), new Part("a", "а", "a", "a"), new Part("in", "ин", "in", "in"),
            new Part("ət", "ат", "at", "at"), new Part("ur", "ур", "ur", "ur"), new Part("ik", "ик", "ik", "ik")};

    private SyntheticPopulation() {
    }

    private record Name(Part[] parts) {
        String render(int style) {
            StringBuilder text = new StringBuilder();
            for (Part part : parts) {
                text.append(part.render(style));
            }
            return capitalise(text.toString());
        }
    }

    private record Person(Name surname, boolean female, Name given, Name father, int year, int month, int day,
                          int place, String id) {
    }

    /**
     * @param records how many records to generate
     * @param lists   number of lists (sources); each person appears in each list with probability ½
     */
    static Febrl.Data generate(int records, int lists, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int persons = Math.max(10, (int) (records / (lists * 0.5 * 1.02)));
        Name[] surnames = names(random, Math.max(50, persons / 15), true);
        Name[] givenNames = names(random, Math.max(20, Math.min(3000, persons / 50)), false);
        Name[] places = names(random, Math.max(20, persons / 200), false);
        List<LinkRecord> out = new ArrayList<>(records);
        Map<Long, Integer> entities = new HashMap<>(records * 2);
        int entity = 0;
        while (out.size() < records) {
            Person person = new Person(surnames[zipf(random, surnames.length)], random.nextBoolean(),
                    givenNames[zipf(random, givenNames.length)], givenNames[zipf(random, givenNames.length)],
                    1920 + random.nextInt(90), 1 + random.nextInt(12), 1 + random.nextInt(28),
                    zipf(random, places.length), String.format("%08d", random.nextInt(100_000_000)));
            for (int list = 0; list < lists && out.size() < records; list++) {
                if (random.nextDouble() >= 0.5) {
                    continue;
                }
                int copies = random.nextDouble() < 0.02 ? 2 : 1;
                for (int copy = 0; copy < copies && out.size() < records; copy++) {
                    long key = out.size();
                    out.add(render(random, person, list, key, places));
                    entities.put(key, entity);
                }
            }
            entity++;
        }
        return new Febrl.Data(out, entities);
    }

    private static LinkRecord render(SplittableRandom random, Person person, int list, long key, Name[] places) {
        // List styles: 0 Azerbaijani Latin, 1 Russian Cyrillic, 2 Russian ASCII, 3 Azerbaijani ASCII, 4 mixed.
        int style = list % 5 == 4 ? random.nextInt(4) : list % 5;
        String surname = person.surname().render(style);
        if (person.female() && (style == 1 || style == 2) && surname.matches(".*(ов|ев|ин|ov|ev|in)$")) {
            surname = surname + (style == 1 ? "а" : "a");
        }
        String given = person.given().render(style);
        String father = person.father().render(style);
        String patronymic = switch (style) {
            case 0 -> father + (person.female() ? " qızı" : " oğlu");
            case 1 -> father + (person.female() ? "овна" : "ович");
            case 2 -> father + (person.female() ? "ovna" : "ovich");
            default -> father + (person.female() ? " gizi" : " oglu");
        };
        surname = typo(random, surname, 0.06);
        given = typo(random, given, 0.06);
        if (random.nextDouble() < 0.03) {
            String swap = surname;
            surname = given;
            given = swap;
        }
        if (random.nextDouble() < 0.05) {
            given = "";
        }
        if (random.nextDouble() < 0.3) {
            patronymic = "";
        }
        int year = person.year();
        int month = 0;
        int day = 0;
        int age = -1;
        int incident = 0;
        boolean approx = false;
        switch (list % 5) {
            case 0, 3 -> {
                month = person.month();
                day = person.day();
                if (random.nextDouble() < 0.03) {
                    day = Math.max(1, Math.min(28, day + random.nextInt(3) - 1));
                }
                if (random.nextDouble() < 0.02 && day <= 12) {
                    int swap = month;
                    month = day;
                    day = swap;
                }
            }
            case 1 -> {
                if (random.nextDouble() < 0.05) {
                    year += random.nextBoolean() ? 1 : -1;
                }
            }
            case 2 -> {
                incident = 2020;
                age = 2020 - year - (random.nextDouble() < 0.4 ? 1 : 0);
                year = 0;
            }
            default -> {
                approx = true;
                year += random.nextInt(3) - 1;
            }
        }
        if (random.nextDouble() < 0.08) {
            year = 0;
            month = 0;
            day = 0;
            age = -1;
        }
        String place = random.nextDouble() < 0.8 ? places[person.place()].render(style) : "";
        String id = (list % 5 == 0 || list % 5 == 3) && random.nextDouble() < 0.7 ? typo(random, person.id(), 0.02) : "";
        Sex sex = random.nextDouble() < 0.9 ? (person.female() ? Sex.FEMALE : Sex.MALE) : Sex.UNKNOWN;
        return new LinkRecord(key, list, surname, given, patronymic, sex, year, month, day, approx, age, incident,
                place, "", id, Optional.empty(), Map.of());
    }

    private static Name[] names(SplittableRandom random, int count, boolean surname) {
        Name[] names = new Name[count];
        for (int i = 0; i < count; i++) {
            List<Part> parts = new ArrayList<>();
            parts.add(ONSETS[random.nextInt(ONSETS.length)]);
            parts.add(MIDDLES[random.nextInt(MIDDLES.length)]);
            if (random.nextDouble() < (surname ? 0.6 : 0.25)) {
                parts.add(ONSETS[random.nextInt(ONSETS.length)]);
                parts.add(MIDDLES[random.nextInt(MIDDLES.length)]);
            }
            parts.add(surname ? CODAS[random.nextInt(3)] : GIVEN_ENDINGS[random.nextInt(GIVEN_ENDINGS.length)]);
            names[i] = new Name(parts.toArray(Part[]::new));
        }
        return names;
    }

    /**
     * Zipf–Mandelbrot rank, P(r) ∝ 1/(r + 10), by inverse transform. The offset flattens the head: with
     * a plain 1/r law the commonest of 5,000 surnames took 8 % of people and the commonest given name 10 %,
     * which made a third of all records indistinguishable namesakes (same surname, given name and birth
     * year ±1); with the offset the commonest surname holds about 1.5 %.
     */
    private static int zipf(SplittableRandom random, int size) {
        double offset = 10.0;
        double rank = offset * Math.pow((size + offset) / offset, random.nextDouble()) - offset;
        return Math.max(0, Math.min(size - 1, (int) rank));
    }

    private static String typo(SplittableRandom random, String text, double probability) {
        if (text.length() < 3 || random.nextDouble() >= probability) {
            return text;
        }
        int position = 1 + random.nextInt(text.length() - 1);
        StringBuilder changed = new StringBuilder(text);
        switch (random.nextInt(3)) {
            case 0 -> changed.deleteCharAt(position);
            case 1 -> changed.insert(position, changed.charAt(position - 1));
            default -> {
                if (position < text.length() - 1) {
                    char c = changed.charAt(position);
                    changed.setCharAt(position, changed.charAt(position + 1));
                    changed.setCharAt(position + 1, c);
                } else {
                    changed.deleteCharAt(position);
                }
            }
        }
        return changed.toString();
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + text.substring(1);
    }
}
