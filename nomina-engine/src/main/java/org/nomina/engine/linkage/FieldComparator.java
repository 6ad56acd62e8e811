package org.nomina.engine.linkage;

import org.apache.commons.text.similarity.LevenshteinDistance;
import org.nomina.engine.names.JaroWinkler;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compares one field of two records into a level: 0 is the strongest agreement, the last level is always
 * "missing" (either side unknown), which contributes weight 0. Closed set: the configuration chooses among
 * these, and {@link Linker} switches over them exhaustively where it needs to.
 */
sealed interface FieldComparator {

    String field();

    /** Level labels, strongest first, "missing" last. */
    List<String> labels();

    int level(RecordTable table, int a, int b);

    /** This comparison on one table: {@link #level} with what depends only on the table (its column) looked up once. */
    @FunctionalInterface
    interface Bound {
        int level(int a, int b);
    }

    /**
     * The comparison bound to {@code table}, for the compare stage's tens of millions of pairs: the text comparisons
     * resolve their column once (a switch on the field's name per pair was a tenth of the stage) and memoise their
     * similarity levels ({@link LevelMemo}). Same levels as {@link #level}.
     */
    default Bound bind(RecordTable table) {
        return (a, b) -> level(table, a, b);
    }

    /**
     * The level of a similarity on Jaro–Winkler thresholds (strongest first): {@code first} for the first
     * threshold met, {@code first + thresholds.length} ("different") when none is.
     */
    static int thresholdLevel(double similarity, double[] thresholds, int first) {
        for (int t = 0; t < thresholds.length; t++) {
            if (similarity >= thresholds[t]) {
                return first + t;
            }
        }
        return first + thresholds.length;
    }

    default int missingLevel() {
        return labels().size() - 1;
    }

    /** Term frequency of record a's value for the exact level, or 0 when the field has no TF adjustment. */
    default double termFrequency(RecordTable table, int a) {
        return 0.0;
    }

    /** Frequency of record a's spelling family, for the family level; 0 when the field has none or no TF. */
    default double familyFrequency(RecordTable table, int a) {
        return 0.0;
    }

    static FieldComparator of(ComparisonSpec spec) {
        double[] thresholds = spec.thresholds().stream().mapToDouble(Double::doubleValue).toArray();
        String field = spec.field();
        return switch (spec.method()) {
            case NAME -> new NameComparator(field, thresholds, spec.termFrequency());
            case DATE -> new DateComparator(field);
            case SEX -> new SexComparator(field);
            case TEXT, JARO_WINKLER -> new TextComparator(field, thresholds, spec.termFrequency(), field.equals("place"));
            case ID_NUMBER -> new IdComparator(field);
            case EXACT -> new ExactComparator(field, spec.termFrequency());
        };
    }

    static List<String> jaroWinklerLabels(String first, String second, double[] thresholds) {
        return LabelCache.LABELS.computeIfAbsent(first + "|" + second + "|" + java.util.Arrays.toString(thresholds),
                key -> buildJaroWinklerLabels(first, second, thresholds));
    }

    /**
     * Labels by their inputs: they are asked for once per explained pair, millions of times a run. Not bounded:
     * it holds one entry per distinct comparison (field kind and thresholds) of the configurations ever run, a
     * handful even in a server that lives for years.
     */
    final class LabelCache {
        private static final java.util.Map<String, List<String>> LABELS = new java.util.concurrent.ConcurrentHashMap<>();

        private LabelCache() {
        }
    }

    private static List<String> buildJaroWinklerLabels(String first, String second, double[] thresholds) {
        List<String> labels = new ArrayList<>();
        labels.add(first);
        if (second != null) {
            labels.add(second);
        }
        for (double threshold : thresholds) {
            labels.add(String.format(Locale.ROOT, "jaro_winkler>=%.2f", threshold));
        }
        labels.add("different");
        labels.add("missing");
        return List.copyOf(labels);
    }

    static RecordTable.TextColumn textColumn(RecordTable table, String field) {
        return switch (field) {
            case "place" -> table.place;
            case "address" -> table.address;
            case "id_number" -> table.idNumber;
            case "status" -> table.status;
            default -> table.extra(field.substring("extra.".length()));
        };
    }

    /**
     * Names: exact normalised form / same spelling family (family key or diminutive table) / Jaro–Winkler
     * thresholds on the better of the plain and the folded forms / different / missing.
     */
    record NameComparator(String field, double[] thresholds, boolean tf) implements FieldComparator {

        @Override
        public List<String> labels() {
            return jaroWinklerLabels("exact", "family", thresholds);
        }

        RecordTable.NameColumn column(RecordTable table) {
            return switch (field) {
                case "surname" -> table.surname;
                case "given_name" -> table.given;
                default -> table.patronymic;
            };
        }

        @Override
        public int level(RecordTable table, int a, int b) {
            RecordTable.NameColumn column = column(table);
            return level(column, a, column, b);
        }

        @Override
        public Bound bind(RecordTable table) {
            RecordTable.NameColumn column = column(table);
            LevelMemo memo = new LevelMemo();
            return (a, b) -> level(column, a, column, b, memo);
        }

        /** Also used crossed: surname of one record against the given name of the other. */
        int level(RecordTable.NameColumn left, int a, RecordTable.NameColumn right, int b) {
            return level(left, a, right, b, null);
        }

        /** {@code memo} (null for none) holds Jaro–Winkler levels by form ids; only for one column against itself. */
        private int level(RecordTable.NameColumn left, int a, RecordTable.NameColumn right, int b, LevelMemo memo) {
            int formA = left.form.ids[a];
            int formB = right.form.ids[b];
            if (formA < 0 || formB < 0) {
                return thresholds.length + 3;
            }
            String textA = left.form.values.get(formA);
            String textB = right.form.values.get(formB);
            if (left == right ? formA == formB : textA.equals(textB)) {
                return 0;
            }
            String foldedA = left.folded.get(left.foldedIds[a]);
            String foldedB = right.folded.get(right.foldedIds[b]);
            if (left == right ? left.familyIds[a] == right.familyIds[b]
                    || left.foldedIds[a] == right.foldedIds[b]
                    : left.families.get(left.familyIds[a]).equals(right.families.get(right.familyIds[b]))
                    || foldedA.equals(foldedB)) {
                return 1;
            }
            int memoised = memo == null ? -1 : memo.get(formA, formB);
            if (memoised >= 0) {
                return memoised;
            }
            int level = thresholdLevel(JaroWinkler.similarity(textA, textB), thresholds, 2);
            if (memo != null) {
                memo.put(formA, formB, level);
            }
            return level;
        }

        @Override
        public double termFrequency(RecordTable table, int a) {
            if (!tf) {
                return 0.0;
            }
            RecordTable.TextColumn form = column(table).form;
            int id = form.ids[a];
            return id < 0 ? 0.0 : (double) form.counts[id] / table.size;
        }

        @Override
        public double familyFrequency(RecordTable table, int a) {
            if (!tf) {
                return 0.0;
            }
            RecordTable.NameColumn names = column(table);
            int id = names.familyIds[a];
            return id < 0 ? 0.0 : (double) names.familyCounts()[id] / table.size;
        }
    }

    /**
     * Birth dates of mixed precision, with the age at the incident standing in for a missing birth year.
     * Levels: exact full date / one typo (one digit of yyyymmdd, or day and month swapped) / same year /
     * year ±1 (or the same year where one side is approximate or implied by an age) / year ±2 where one
     * side is approximate or implied by an age (ages at an incident are off by one around birthdays and
     * "about 40" is rounded) / years 3–4 apart where one side is approximate or implied by an age (what
     * {@link Clusterer#LOOSE_YEAR_GAP} still lets stand: a witness's "she was about 60" for a woman of 64; EM
     * weighs it, where "different" gave it the weight of a namesake born decades apart) / two full dates that differ beyond a typo, years at most one apart / different /
     * missing. Without the "full dates differ" level, two namesakes of one year both listed with their full
     * dates were "same year" (+6.6 bits) and the 10,000 Məmməd Məmmədovs of one village chained into clusters
     * of 25 (precision 0.13); a list's full date is a full date, and another one is another person.
     * An age range ("30-40") implies a span of birth years: the gap is counted from the nearer end of
     * the span, so overlapping spans are the same year.
     */
    record DateComparator(String field) implements FieldComparator {
        private static final List<String> LABELS = List.of(
                "exact", "typo_or_swap", "same_year", "year_within_1", "approx_year_within_2", "approx_year_within_4",
                "full_dates_differ", "different", "missing");

        @Override
        public List<String> labels() {
            return LABELS;
        }

        @Override
        public int level(RecordTable table, int a, int b) {
            if (ageFitsFullDate(table, a, b) || ageFitsFullDate(table, b, a)) {
                return 2;
            }
            int yearA = table.year[a];
            int yearB = table.year[b];
            boolean looseA = table.approx[a];
            boolean looseB = table.approx[b];
            int spread = 0;
            if (yearA == 0) {
                yearA = table.impliedYear[a];
                spread += table.impliedSpread[a];
                looseA = true;
            }
            if (yearB == 0) {
                yearB = table.impliedYear[b];
                spread += table.impliedSpread[b];
                looseB = true;
            }
            if (yearA == 0 || yearB == 0) {
                return 8;
            }
            int monthA = table.month[a];
            int monthB = table.month[b];
            int dayA = table.day[a];
            int dayB = table.day[b];
            boolean fullA = !looseA && monthA > 0 && dayA > 0;
            boolean fullB = !looseB && monthB > 0 && dayB > 0;
            if (fullA && fullB) {
                if (yearA == yearB && monthA == monthB && dayA == dayB) {
                    return 0;
                }
                if (!fullDatesDiffer(table, a, b)) {
                    return 1;
                }
                if (Math.abs(yearA - yearB) <= 1) {
                    return 6;
                }
            }
            int gap = Math.max(0, Math.abs(yearA - yearB) - spread);
            boolean loose = looseA || looseB;
            if (gap == 0) {
                return loose ? 3 : 2;
            }
            if (gap == 1) {
                return 3;
            }
            if (gap == 2 && loose) {
                return 4;
            }
            if (gap <= Clusterer.LOOSE_YEAR_GAP && loose) {
                return 5;
            }
            return 7;
        }

        /**
         * A full, precise birth date on {@code born} and a single age stated on a known day on {@code aged}
         * (a hostage of 19 taken on 17 April 1993) that agree to the year of age: "same year", where the
         * implied year alone is only "year within 1", since the birthday may fall either side of the day.
         * Two namesakes born in one year then score apart: one born 7 February 1974 was 19 that day, one born
         * 8 July 1974 was 18 (the held-out town: hostages linked to the wrong namesake among its residents).
         */
        static boolean ageFitsFullDate(RecordTable table, int born, int aged) {
            if (table.exactAge[aged] < 0 || table.year[aged] != 0 || table.year[born] == 0 || table.approx[born]
                    || table.month[born] == 0 || table.day[born] == 0) {
                return false;
            }
            int on = table.exactAgeDate[aged];
            int birthday = table.month[born] * 100 + table.day[born];
            int age = on / 10_000 - table.year[born] - (birthday > on % 10_000 ? 1 : 0);
            return age == table.exactAge[aged];
        }

        /** Both full, precise dates, neither equal nor one typo or a day–month swap apart. */
        static boolean fullDatesDiffer(RecordTable table, int a, int b) {
            if (table.approx[a] || table.approx[b] || table.year[a] == 0 || table.year[b] == 0 || table.month[a] == 0
                    || table.month[b] == 0 || table.day[a] == 0 || table.day[b] == 0) {
                return false;
            }
            int dateA = table.year[a] * 10_000 + table.month[a] * 100 + table.day[a];
            int dateB = table.year[b] * 10_000 + table.month[b] * 100 + table.day[b];
            boolean swap = table.year[a] == table.year[b] && table.month[a] == table.day[b] && table.day[a] == table.month[b];
            return dateA != dateB && differingDigits(dateA, dateB) > 1 && !swap;
        }

        private static int differingDigits(int left, int right) {
            int count = 0;
            while (left > 0 || right > 0) {
                if (left % 10 != right % 10) {
                    count++;
                }
                left /= 10;
                right /= 10;
            }
            return count;
        }
    }

    /** Sex: same / different / missing ("unknown" is missing). */
    record SexComparator(String field) implements FieldComparator {
        private static final List<String> LABELS = List.of("exact", "different", "missing");

        @Override
        public List<String> labels() {
            return LABELS;
        }

        @Override
        public int level(RecordTable table, int a, int b) {
            byte left = table.sex[a];
            byte right = table.sex[b];
            if (left == 0 || right == 0) {
                return 2;
            }
            return left == right ? 0 : 1;
        }
    }

    /**
     * Free text: exact / Jaro–Winkler thresholds / different / missing. Place names are compared word by
     * word ({@code byWord}): every word must find a similar word on the other side, and the similarity is
     * the weakest such match. "Yuxarı Daşbulaq" and "Yuxarı Sarıtəpə" are two villages, yet as whole
     * strings the shared first word lifts them above 0.80 (generated million: most false links).
     */
    record TextComparator(String field, double[] thresholds, boolean tf, boolean byWord) implements FieldComparator {

        @Override
        public List<String> labels() {
            return jaroWinklerLabels("exact", null, thresholds);
        }

        @Override
        public int level(RecordTable table, int a, int b) {
            return level(textColumn(table, field), a, b, null);
        }

        @Override
        public Bound bind(RecordTable table) {
            RecordTable.TextColumn column = textColumn(table, field);
            LevelMemo memo = new LevelMemo();
            return (a, b) -> level(column, a, b, memo);
        }

        private int level(RecordTable.TextColumn column, int a, int b, LevelMemo memo) {
            int left = column.ids[a];
            int right = column.ids[b];
            if (left < 0 || right < 0) {
                return thresholds.length + 2;
            }
            if (left == right) {
                return 0;
            }
            int memoised = memo == null ? -1 : memo.get(left, right);
            if (memoised >= 0) {
                return memoised;
            }
            double similarity = byWord ? wordSimilarity(column.words[left], column.words[right])
                    : JaroWinkler.similarity(column.values.get(left), column.values.get(right));
            int level = thresholdLevel(similarity, thresholds, 1);
            if (memo != null) {
                memo.put(left, right, level);
            }
            return level;
        }

        /**
         * The weakest of each word's best match, both ways; 1 when the words are the same letters written apart and
         * together (Yeni Nomkənd / YeniNomkend, Ağ Dərə / Ağdərə), which a word-by-word comparison took for two places.
         */
        static double wordSimilarity(String[] left, String[] right) {
            if (left.length == 1 && right.length == 1) {
                return JaroWinkler.similarity(left[0], right[0]);
            }
            if (left.length != right.length && String.join("", left).equals(String.join("", right))) {
                return 1.0;
            }
            return Math.min(weakestBestMatch(left, right), weakestBestMatch(right, left));
        }

        private static double weakestBestMatch(String[] from, String[] to) {
            double weakest = 1.0;
            for (String word : from) {
                double best = 0;
                for (String other : to) {
                    best = Math.max(best, JaroWinkler.similarity(word, other));
                }
                weakest = Math.min(weakest, best);
            }
            return weakest;
        }

        @Override
        public double termFrequency(RecordTable table, int a) {
            if (!tf) {
                return 0.0;
            }
            RecordTable.TextColumn column = textColumn(table, field);
            int id = column.ids[a];
            return id < 0 ? 0.0 : (double) column.counts[id] / table.size;
        }
    }

    /** Extra columns compared exactly: exact / different / missing. */
    record ExactComparator(String field, boolean tf) implements FieldComparator {
        private static final List<String> LABELS = List.of("exact", "different", "missing");

        @Override
        public List<String> labels() {
            return LABELS;
        }

        @Override
        public int level(RecordTable table, int a, int b) {
            return level(table, textColumn(table, field), field.equals("status"), a, b);
        }

        @Override
        public Bound bind(RecordTable table) {
            RecordTable.TextColumn column = textColumn(table, field);
            boolean status = field.equals("status");
            return (a, b) -> level(table, column, status, a, b);
        }

        private static int level(RecordTable table, RecordTable.TextColumn column, boolean status, int a, int b) {
            int left = column.ids[a];
            int right = column.ids[b];
            if (left < 0 || right < 0) {
                return 2;
            }
            // Lists are often made one fate at a time (the killed, the hostages taken, the released): two
            // records of one such list always agree on the status, so within a source the agreement is no
            // evidence of one person. Counted as such it gave siblings of one surname, patronymic and birth
            // year on a list of hostages +11 bits and merged them; bench/figures.sh, town of 5,000, seed 1:
            // 25 → 29 of 29 figures within 2% of the truth once it is left out.
            if (status && table.sources[a] == table.sources[b]) {
                return 2;
            }
            return left == right ? 0 : 1;
        }

        @Override
        public double termFrequency(RecordTable table, int a) {
            if (!tf) {
                return 0.0;
            }
            RecordTable.TextColumn column = textColumn(table, field);
            int id = column.ids[a];
            return id < 0 ? 0.0 : (double) column.counts[id] / table.size;
        }
    }

    /** Identity numbers: exact / edit distance 1 / edit distance 2 / different / missing. */
    record IdComparator(String field) implements FieldComparator {
        private static final List<String> LABELS = List.of("exact", "edit_1", "edit_2", "different", "missing");

        @Override
        public List<String> labels() {
            return LABELS;
        }

        @Override
        public int level(RecordTable table, int a, int b) {
            int left = table.idNumber.ids[a];
            int right = table.idNumber.ids[b];
            if (left < 0 || right < 0) {
                return 4;
            }
            if (left == right) {
                return 0;
            }
            int distance = boundedLevenshtein(table.idNumber.values.get(left), table.idNumber.values.get(right), 2);
            return distance <= 2 ? distance : 3;
        }
    }

    /**
     * Levenshtein distance, or {@code bound + 1} when it exceeds the bound: commons-text's bounded
     * {@link LevenshteinDistance}, which gives up as soon as the bound must be exceeded. It replaced a
     * hand-written one with the same results (every pair of {@code bench/jarowinkler.sh} agrees), faster:
     * see docs/libraries.md for the figures.
     */
    static int boundedLevenshtein(String left, String right, int bound) {
        LevenshteinDistance measure = bound < Levenshtein.BOUNDED.length ? Levenshtein.BOUNDED[bound] : new LevenshteinDistance(bound);
        int distance = measure.apply(left, right);
        return distance < 0 ? bound + 1 : distance;
    }

    /** commons-text's measures, immutable and thread-safe, for the bounds the linker uses (1: a typo in a name, 2: identity numbers). */
    final class Levenshtein {
        static final LevenshteinDistance[] BOUNDED = {new LevenshteinDistance(0), new LevenshteinDistance(1), new LevenshteinDistance(2)};

        private Levenshtein() {
        }
    }
}
