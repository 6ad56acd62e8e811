package org.nomina.engine.linkage;

import org.nomina.engine.names.NameNormaliser;
import org.nomina.engine.names.PhoneticKeys;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the union of candidate pairs of all blocking rules.
 *
 * <p>Each rule maps every record to zero or more 64-bit key hashes. Entries {@code (hash, record)} are
 * packed into one long (hash in the high bits, record index in the low bits), sorted with
 * {@link Arrays#parallelSort(long[])}, and each run of equal hashes is a block. A hash collision only adds
 * candidate pairs, never loses one. Pairs are packed as {@code a << 35 | b << 6 | rule} (a &lt; b &lt;
 * 2^29 records, 64 rules), sorted again, deduplicated with their rule masks OR-ed. No boxing in the loops.
 */
final class Blocker {

    static final int MAX_RECORDS = 1 << 29;

    /** Candidate pairs: {@code pairs[i] = a << 32 | b} with a &lt; b, and which rules produced each. */
    record Candidates(long[] pairs, byte[] ruleMasks, List<RuleCount> counts, List<CappedBlock> capped) {
    }

    private final RecordTable table;
    private final PhoneticKeys phonetic;
    private final Map<Integer, String[]> yearKeys = new HashMap<>();

    Blocker(RecordTable table, PhoneticKeys phonetic) {
        this.table = table;
        this.phonetic = phonetic;
    }

    Candidates block(List<BlockingRule> rules, int cap, Runnable cancellationCheck) {
        if (table.size >= MAX_RECORDS) {
            throw new LinkageException("at most " + MAX_RECORDS + " records per run, got " + table.size);
        }
        int indexBits = Math.max(1, 64 - Long.numberOfLeadingZeros(table.size));
        long indexMask = (1L << indexBits) - 1;
        PairBuffer all = new PairBuffer();
        long[] generated = new long[rules.size()];
        List<CappedBlock> capped = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            cancellationCheck.run();
            BlockingRule rule = rules.get(r);
            String[][][] parts = new String[rule.keys().size()][][];
            for (int p = 0; p < parts.length; p++) {
                parts[p] = partValues(rule.keys().get(p));
            }
            PairBuffer entries = new PairBuffer();
            for (int i = 0; i < table.size; i++) {
                emitKeys(parts, i, 0, FNV_OFFSET, entries, indexBits);
            }
            long[] sorted = entries.toArray();
            Arrays.parallelSort(sorted);
            int start = 0;
            while (start < sorted.length) {
                long hash = sorted[start] >>> indexBits;
                int end = start + 1;
                while (end < sorted.length && sorted[end] >>> indexBits == hash) {
                    end++;
                }
                int blockSize = end - start;
                if (blockSize > cap) {
                    capped.add(new CappedBlock(rule.name(),
                            describeKey(parts, (int) (sorted[start] & indexMask), hash, indexBits), blockSize));
                } else {
                    for (int x = start; x < end; x++) {
                        long a = sorted[x] & indexMask;
                        for (int y = x + 1; y < end; y++) {
                            long b = sorted[y] & indexMask;
                            if (a == b) {
                                continue;
                            }
                            long low = Math.min(a, b);
                            long high = Math.max(a, b);
                            all.add(low << 35 | high << 6 | r);
                            generated[r]++;
                        }
                    }
                }
                start = end;
            }
        }
        cancellationCheck.run();
        long[] packed = all.toArray();
        Arrays.parallelSort(packed);
        int distinct = 0;
        for (int i = 0; i < packed.length; i++) {
            if (i == 0 || packed[i] >>> 6 != packed[i - 1] >>> 6) {
                distinct++;
            }
        }
        long[] pairs = new long[distinct];
        byte[] masks = new byte[distinct];
        long[] newPairs = new long[rules.size()];
        int out = -1;
        for (int i = 0; i < packed.length; i++) {
            int rule = (int) (packed[i] & 63);
            if (i == 0 || packed[i] >>> 6 != packed[i - 1] >>> 6) {
                out++;
                long a = packed[i] >>> 35;
                long b = (packed[i] >>> 6) & ((1L << 29) - 1);
                pairs[out] = a << 32 | b;
                // Sorted by rule within one pair, so the first rule seen is the earliest that produced it.
                newPairs[rule]++;
            }
            masks[out] |= (byte) (1 << rule);
        }
        List<RuleCount> counts = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            counts.add(new RuleCount(rules.get(r).name(), generated[r], newPairs[r]));
        }
        return new Candidates(pairs, masks, List.copyOf(counts), List.copyOf(capped));
    }

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private static void emitKeys(String[][][] parts, int record, int part, long hash, PairBuffer out, int indexBits) {
        if (part == parts.length) {
            long mixed = mix(hash);
            out.add((mixed >>> indexBits) << indexBits | record);
            return;
        }
        String[] values = parts[part][record];
        if (values == null) {
            return;
        }
        for (String value : values) {
            emitKeys(parts, record, part + 1, fnv(fnv(hash, value), "\u0001"), out, indexBits);
        }
    }

    private String describeKey(String[][][] parts, int record, long hash, int indexBits) {
        List<String> found = new ArrayList<>();
        describe(parts, record, 0, FNV_OFFSET, "", hash, indexBits, found);
        return found.isEmpty() ? "?" : found.get(0);
    }

    private static void describe(String[][][] parts, int record, int part, long hash, String text, long wanted,
                                 int indexBits, List<String> found) {
        if (part == parts.length) {
            if (mix(hash) >>> indexBits == wanted) {
                found.add(text);
            }
            return;
        }
        String[] values = parts[part][record];
        if (values == null) {
            return;
        }
        for (String value : values) {
            describe(parts, record, part + 1, fnv(fnv(hash, value), "\u0001"), text.isEmpty() ? value
                    : text + "|" + value, wanted, indexBits, found);
        }
    }

    private static long fnv(long hash, String value) {
        long h = hash;
        for (int i = 0; i < value.length(); i++) {
            h ^= value.charAt(i);
            h *= FNV_PRIME;
        }
        return h;
    }

    /** Final avalanche (MurmurHash3 fmix64) so that the high bits kept for sorting are well mixed. */
    private static long mix(long hash) {
        long h = hash;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /** Per record, the values of one key part (null = missing). Records sharing a value share the array. */
    private String[][] partValues(BlockingKey key) {
        String[][] values = new String[table.size][];
        switch (key) {
            case BlockingKey.Standard standard -> {
                switch (standard) {
                    case SURNAME_METAPHONE -> byFolded(table.surname, values, f -> new String[] {phonetic.metaphone(f)});
                    case SURNAME_BEIDER_MORSE -> byFolded(table.surname, values,
                            f -> phonetic.beiderMorse(f).toArray(String[]::new));
                    case SURNAME_FAMILY -> byId(table.surname.familyIds, table.surname.families, values);
                    case SURNAME_EXACT -> byId(table.surname.form.ids, table.surname.form.values, values);
                    case SURNAME_INITIAL -> byInitial(table.surname, values);
                    case SURNAME_CONSONANTS -> byFolded(table.surname, values, f -> new String[] {NameNormaliser.consonantSet(f)});
                    case GIVEN_METAPHONE -> byFolded(table.given, values, f -> new String[] {phonetic.metaphone(f)});
                    case GIVEN_FAMILY -> byId(table.given.familyIds, table.given.families, values);
                    case GIVEN_EXACT -> byId(table.given.form.ids, table.given.form.values, values);
                    case GIVEN_INITIAL -> byInitial(table.given, values);
                    case PATRONYMIC_FAMILY -> byId(table.patronymic.familyIds, table.patronymic.families, values);
                    case NAMES_UNORDERED -> namesUnordered(values);
                    case BIRTH_YEAR -> birthYears(values);
                    case BIRTH_DATE -> birthDates(values);
                    case PLACE -> placeFamilies(values);
                    case ID_NUMBER -> byId(table.idNumber.ids, table.idNumber.values, values);
                    case SEX -> {
                        String[][] sexes = {null, {"m"}, {"f"}};
                        for (int i = 0; i < table.size; i++) {
                            values[i] = sexes[table.sex[i]];
                        }
                    }
                }
            }
            case BlockingKey.Extra extra -> {
                RecordTable.TextColumn column = table.extra(extra.column());
                byId(column.ids, column.values, values);
            }
        }
        return values;
    }

    private void byFolded(RecordTable.NameColumn column, String[][] values,
                          java.util.function.Function<String, String[]> encoder) {
        String[][] byId = new String[column.folded.size()][];
        for (int id = 0; id < byId.length; id++) {
            String[] codes = encoder.apply(column.folded.get(id));
            byId[id] = codes.length == 0 ? null : codes;
        }
        for (int i = 0; i < table.size; i++) {
            int id = column.foldedIds[i];
            values[i] = id < 0 ? null : byId[id];
        }
    }

    private void byId(int[] ids, List<String> dictionary, String[][] values) {
        String[][] byId = new String[dictionary.size()][];
        for (int id = 0; id < byId.length; id++) {
            byId[id] = new String[] {dictionary.get(id)};
        }
        for (int i = 0; i < table.size; i++) {
            values[i] = ids[i] < 0 ? null : byId[ids[i]];
        }
    }

    private void byInitial(RecordTable.NameColumn column, String[][] values) {
        String[][] initials = new String[26][];
        for (int c = 0; c < 26; c++) {
            initials[c] = new String[] {String.valueOf((char) ('a' + c))};
        }
        for (int i = 0; i < table.size; i++) {
            int id = column.form.ids[i];
            if (id >= 0) {
                char first = column.form.values.get(id).charAt(0);
                values[i] = first >= 'a' && first <= 'z' ? initials[first - 'a'] : new String[] {String.valueOf(first)};
            }
        }
    }

    /**
     * Places block on their spelling family (the surname rules applied to the place name), since village
     * names differ across scripts as much as surnames do: Məşidik / Мешидик / Meshidik.
     */
    private void placeFamilies(String[][] values) {
        String[][] byId = new String[table.place.values.size()][];
        for (int id = 0; id < byId.length; id++) {
            String letters = table.place.values.get(id).replaceAll("[^a-z]", "");
            byId[id] = new String[] {letters.isEmpty() ? table.place.values.get(id)
                    : NameNormaliser.skeleton(NameNormaliser.fold(letters))};
        }
        for (int i = 0; i < table.size; i++) {
            int id = table.place.ids[i];
            values[i] = id < 0 ? null : byId[id];
        }
    }

    /** Sorted Double Metaphone codes of surname and given name: immune to order swaps. */
    private void namesUnordered(String[][] values) {
        Map<Long, String[]> cache = new HashMap<>();
        for (int i = 0; i < table.size; i++) {
            int s = table.surname.foldedIds[i];
            int g = table.given.foldedIds[i];
            if (s < 0 || g < 0) {
                continue;
            }
            values[i] = cache.computeIfAbsent((long) s << 32 | g, k -> {
                String left = phonetic.metaphone(table.surname.folded.get(s));
                String right = phonetic.metaphone(table.given.folded.get(g));
                return new String[] {left.compareTo(right) <= 0 ? left + "+" + right : right + "+" + left};
            });
        }
    }

    /**
     * The birth year, or the years an age at the incident implies (incident − age and one less, since the
     * birthday may not have come yet). Approximate years also block on their neighbours.
     */
    private void birthYears(String[][] values) {
        for (int i = 0; i < table.size; i++) {
            int year = table.year[i];
            if (year > 0 && !table.approx[i]) {
                values[i] = years(year, 0);
            } else if (year > 0) {
                values[i] = years(year, 1);
            } else if (table.impliedYear[i] > 0) {
                values[i] = years(table.impliedYear[i], 2);
            }
        }
    }

    private String[] years(int year, int kind) {
        return yearKeys.computeIfAbsent(year * 4 + kind, k -> switch (kind) {
            case 0 -> new String[] {Integer.toString(year)};
            case 1 -> new String[] {Integer.toString(year - 1), Integer.toString(year), Integer.toString(year + 1)};
            default -> new String[] {Integer.toString(year - 1), Integer.toString(year)};
        });
    }

    private void birthDates(String[][] values) {
        for (int i = 0; i < table.size; i++) {
            if (table.year[i] > 0 && table.month[i] > 0 && table.day[i] > 0 && !table.approx[i]) {
                values[i] = new String[] {table.year[i] + "-" + table.month[i] + "-" + table.day[i]};
            }
        }
    }

    /** A growable long array. */
    static final class PairBuffer {
        private long[] data = new long[1024];
        private int size;

        void add(long value) {
            if (size == data.length) {
                if (data.length >= Integer.MAX_VALUE - 16) {
                    throw new LinkageException("more than 2^31 candidate pairs: tighten the blocking rules");
                }
                data = Arrays.copyOf(data, (int) Math.min(Integer.MAX_VALUE - 16L, data.length * 2L));
            }
            data[size++] = value;
        }

        long[] toArray() {
            return Arrays.copyOf(data, size);
        }

        int size() {
            return size;
        }
    }
}
