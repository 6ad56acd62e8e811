package org.nomina.engine.estimation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * How many people were recorded by each combination of K lists: one count per capture history.
 *
 * <p>A history is a bit mask: bit {@code j} set means list {@code j} (0-based) recorded the person.
 * All {@code 2^K − 1} observable histories are held; histories a table leaves out count 0. The all-zero
 * history (nobody recorded the person) is what estimation is for and is never part of the data.
 * Immutable and thread-safe.
 */
public final class CaptureHistories {
    /** Header names that mark the last column as a count of people rather than a list. */
    private static final Set<String> COUNT_COLUMN_NAMES = Set.of("count", "freq", "frequency", "n");
    /** 2^20 cells would already be a million-cell table; far beyond what any register's lists need. */
    static final int MAX_LISTS = 20;

    private final List<String> listNames;
    private final long[] counts;

    private CaptureHistories(List<String> listNames, long[] counts) {
        this.listNames = List.copyOf(listNames);
        this.counts = counts;
    }

    /**
     * Builds a table from counts per history.
     *
     * @param listNames one name per list, at least 2
     * @param countsByHistory history bit mask (1 … 2^K − 1) to a count ≥ 0; histories not present count 0
     */
    public static CaptureHistories of(List<String> listNames, Map<Integer, Long> countsByHistory) {
        checkListNames(listNames);
        long[] counts = new long[1 << listNames.size()];
        countsByHistory.forEach((history, count) -> {
            if (history <= 0 || history >= counts.length) {
                throw new EstimationInputException("history " + history + " is outside 1.." + (counts.length - 1)
                        + " for " + listNames.size() + " lists" + (history == 0 ? " (nobody can be observed on no list)" : ""));
            }
            if (count < 0) {
                throw new EstimationInputException("history " + history + ": count " + count + " is negative");
            }
            counts[history] += count;
        });
        return new CaptureHistories(listNames, counts);
    }

    /**
     * Builds a table from the register: one set of list indices (0-based) per person.
     *
     * @throws EstimationInputException if a person is on no list or on an index outside the lists
     */
    public static CaptureHistories fromIndividuals(List<String> listNames, Collection<? extends Set<Integer>> listsPerPerson) {
        checkListNames(listNames);
        long[] counts = new long[1 << listNames.size()];
        int person = 0;
        for (Set<Integer> lists : listsPerPerson) {
            person++;
            counts[historyOf(listNames, lists, person)]++;
        }
        return new CaptureHistories(listNames, counts);
    }

    /**
     * Splits people into strata (e.g. by region or year) and builds one table per stratum, in the order
     * strata are first met. Strata are estimated separately because capture probabilities differ between them.
     */
    public static <T, K> Map<K, CaptureHistories> byStratum(List<String> listNames, Collection<T> people,
            Function<? super T, ? extends K> stratumOf, Function<? super T, ? extends Set<Integer>> listsOf) {
        checkListNames(listNames);
        Map<K, long[]> countsByStratum = new LinkedHashMap<>();
        int person = 0;
        for (T each : people) {
            person++;
            int history = historyOf(listNames, listsOf.apply(each), person);
            countsByStratum.computeIfAbsent(stratumOf.apply(each), key -> new long[1 << listNames.size()])[history]++;
        }
        Map<K, CaptureHistories> result = new LinkedHashMap<>();
        countsByStratum.forEach((key, counts) -> result.put(key, new CaptureHistories(listNames, counts)));
        return result;
    }

    private static int historyOf(List<String> listNames, Set<Integer> lists, int person) {
        if (lists.isEmpty()) {
            throw new EstimationInputException("person " + person + " is on no list; only recorded people can enter a capture history");
        }
        int history = 0;
        for (int list : lists) {
            if (list < 0 || list >= listNames.size()) {
                throw new EstimationInputException("person " + person + ": list index " + list + " is outside 0.." + (listNames.size() - 1));
            }
            history |= 1 << list;
        }
        return history;
    }

    private static void checkListNames(List<String> listNames) {
        if (listNames.size() < 2) {
            throw new EstimationInputException("capture–recapture needs at least 2 lists, got " + listNames.size());
        }
        if (listNames.size() > MAX_LISTS) {
            throw new EstimationInputException("at most " + MAX_LISTS + " lists are supported, got " + listNames.size());
        }
    }

    /**
     * A table as rows of text: a header with one 0/1 column per list, optionally followed by a count column
     * (named count, freq, frequency or n, any case); without a count column each row is one person. Rows
     * with the same history are added up; a row that is one blank cell (an empty line) is skipped. Rows are
     * numbered as a spreadsheet shows them, the header being row 1. Reading a file into rows (encoding,
     * delimiter, quotes) is the caller's: the command line reads it as {@code import} reads a list.
     *
     * @throws EstimationInputException naming row, column and value for any bad cell
     */
    public static CaptureHistories fromRows(List<String> header, List<? extends List<String>> rows) {
        if (header.isEmpty() || header.stream().allMatch(String::isBlank)) {
            throw new EstimationInputException("row 1: the table is empty; expected a header with one column per list");
        }
        boolean hasCount = COUNT_COLUMN_NAMES.contains(header.getLast().trim().toLowerCase(Locale.ROOT));
        List<String> listNames = hasCount ? header.subList(0, header.size() - 1) : header;
        if (listNames.size() < 2) {
            throw new EstimationInputException("row 1: capture–recapture needs at least 2 list columns, the header has "
                    + listNames.size() + " " + listNames);
        }
        checkListNames(listNames);
        long[] counts = new long[1 << listNames.size()];
        int row = 1;
        for (List<String> values : rows) {
            row++;
            if (values.isEmpty() || values.size() == 1 && values.getFirst().isBlank()) {
                continue;
            }
            if (values.size() != header.size()) {
                throw new EstimationInputException("row " + row + ": " + values.size() + " values, the header has " + header.size() + " columns");
            }
            int history = 0;
            for (int list = 0; list < listNames.size(); list++) {
                String value = values.get(list).trim();
                switch (value) {
                    case "1" -> history |= 1 << list;
                    case "0" -> { }
                    default -> throw new EstimationInputException("row " + row + ", column \"" + listNames.get(list)
                            + "\": value \"" + value + "\" is not 0 or 1");
                }
            }
            long count = hasCount ? parseCount(values.getLast().trim(), row, header.getLast()) : 1;
            if (history == 0) {
                throw new EstimationInputException("row " + row + ": the history is 0 on every list; people on no list cannot be "
                        + "counted from lists — their number is what the estimate is for");
            }
            counts[history] += count;
        }
        return new CaptureHistories(listNames.stream().map(String::trim).toList(), counts);
    }

    private static long parseCount(String value, int row, String column) {
        try {
            long count = Long.parseLong(value);
            if (count >= 0) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below with row, column and value
        }
        throw new EstimationInputException("row " + row + ", column \"" + column + "\": value \"" + value
                + "\" is not a whole number of people (0 or more)");
    }

    /** Writes the table as CSV with a {@code count} column and every history, zero counts included. */
    public String toCsv() {
        StringBuilder csv = new StringBuilder();
        for (String name : listNames) {
            csv.append(quote(name)).append(',');
        }
        csv.append("count\n");
        for (int history = 1; history < counts.length; history++) {
            for (int list = 0; list < listNames.size(); list++) {
                csv.append((history >> list) & 1).append(',');
            }
            csv.append(counts[history]).append('\n');
        }
        return csv.toString();
    }

    private static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    public List<String> listNames() {
        return listNames;
    }

    public int listCount() {
        return listNames.size();
    }

    /** Number of cells, 2^K; index 0 (the unobserved history) always holds 0. */
    public int cellCount() {
        return counts.length;
    }

    /** Count of people with exactly this history (bit mask), 0 for the all-zero history. */
    public long count(int history) {
        return counts[history];
    }

    /** All counts indexed by history; index 0 is 0. A copy. */
    public long[] counts() {
        return counts.clone();
    }

    /** Number of distinct people recorded by at least one list. */
    public long observed() {
        return Arrays.stream(counts).sum();
    }

    /** Number of people recorded by every list in {@code lists} (a bit mask), whatever other lists say. */
    public long recordedByAll(int lists) {
        long total = 0;
        for (int history = 1; history < counts.length; history++) {
            if ((history & lists) == lists) {
                total += counts[history];
            }
        }
        return total;
    }

    /**
     * The same people on only the lists that record at least one of them (a stratum a list never reaches
     * tells nothing about that list); this table itself when every list records someone.
     */
    public CaptureHistories withoutEmptyLists() {
        List<Integer> kept = new ArrayList<>();
        for (int list = 0; list < listNames.size(); list++) {
            if (recordedByAll(1 << list) > 0) {
                kept.add(list);
            }
        }
        if (kept.size() == listNames.size() || kept.size() < 2) {
            return this;
        }
        long[] newCounts = new long[1 << kept.size()];
        for (int history = 1; history < counts.length; history++) {
            int mapped = 0;
            for (int i = 0; i < kept.size(); i++) {
                mapped |= ((history >> kept.get(i)) & 1) << i;
            }
            newCounts[mapped] += counts[history];
        }
        return new CaptureHistories(kept.stream().map(listNames::get).toList(), newCounts);
    }

    /** The people of both tables, which must have the same lists. */
    public CaptureHistories plus(CaptureHistories other) {
        if (!listNames.equals(other.listNames)) {
            throw new IllegalArgumentException("tables on different lists cannot be added: " + listNames + " and " + other.listNames);
        }
        long[] sum = counts.clone();
        for (int history = 1; history < sum.length; history++) {
            sum[history] += other.counts[history];
        }
        return new CaptureHistories(listNames, sum);
    }

    /** Same lists, new counts (index 0 ignored); used by resampling. */
    CaptureHistories withCounts(long[] newCounts) {
        long[] copy = newCounts.clone();
        copy[0] = 0;
        return new CaptureHistories(listNames, copy);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CaptureHistories that && listNames.equals(that.listNames) && Arrays.equals(counts, that.counts);
    }

    @Override
    public int hashCode() {
        return 31 * listNames.hashCode() + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "CaptureHistories" + listNames + " observed=" + observed();
    }
}
