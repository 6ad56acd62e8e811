package org.nomina.engine.linkage;

import org.nomina.engine.names.Edits;
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
 * sorting, and each run of equal hashes is a block. A hash collision only adds candidate pairs, never loses
 * one. A block over the cap is not skipped but split ({@link #sortedNeighbourhood}). The pairs are bounded
 * whatever the names and places: every rule's blocks are sized first, and when pairing them as configured
 * would exceed {@link #MAX_GENERATED_PAIRS}, a {@link Plan} splits smaller blocks too and narrows the
 * window (issue 8: a town of a million residents, where keys that include the place are no keys, ran out
 * of 12 GB in blocking). Each rule's pairs
 * ({@code a << 32 | b}) are sorted, deduplicated and merged into the running union with their rule masks
 * OR-ed, so memory holds the union and one rule's pairs. No boxing in the loops.
 */
final class Blocker {

    static final int MAX_RECORDS = 1 << 29;

    /** Candidate pairs: {@code pairs[i] = a << 32 | b} with a &lt; b, and which rules produced each. */
    record Candidates(long[] pairs, short[] ruleMasks, List<RuleCount> counts, List<CappedBlock> capped) {
    }

    private final RecordTable table;
    private final PhoneticKeys phonetic;
    private final Map<Integer, String[]> yearKeys = new HashMap<>();

    Blocker(RecordTable table, PhoneticKeys phonetic) {
        this(table, phonetic, MAX_GENERATED_PAIRS);
    }

    /** With another budget of generated pairs (tests: a budget small enough to bind on a few records). */
    Blocker(RecordTable table, PhoneticKeys phonetic, long pairBudget) {
        this.table = table;
        this.phonetic = phonetic;
        this.pairBudget = pairBudget;
    }

    Candidates block(List<BlockingRule> rules, int cap, Runnable cancellationCheck) {
        if (table.size >= MAX_RECORDS) {
            throw new LinkageException("at most " + MAX_RECORDS + " records per run, got " + table.size);
        }
        int indexBits = Math.max(1, 64 - Long.numberOfLeadingZeros(table.size));
        // First every rule's keyed entries, sorted, and the sizes of its blocks: what pairing them would give
        // is known before a single pair is made, and the plan keeps the total within the budget.
        PairBuffer[] entries = new PairBuffer[rules.size()];
        Blocks[] blocks = new Blocks[rules.size()];
        for (int r = 0; r < rules.size(); r++) {
            cancellationCheck.run();
            String[][][] parts = parts(rules.get(r));
            entries[r] = new PairBuffer();
            for (int i = 0; i < table.size; i++) {
                emitKeys(parts, i, 0, FNV_OFFSET, entries[r], indexBits);
            }
            // In place: Arrays.parallelSort needs a second array as large, and with two cores it gained little.
            entries[r].sortInPlace();
            blocks[r] = blocks(entries[r], indexBits, rules.get(r));
        }
        Plan plan = plan(blocks, cap, pairBudget);
        long[] pairs = new long[0];
        short[] masks = new short[0];
        long[] generated = new long[rules.size()];
        long[] newPairs = new long[rules.size()];
        List<SplitBlock> split = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            cancellationCheck.run();
            BlockingRule rule = rules.get(r);
            PairBuffer rulePairs = rulePairs(rule, r, entries[r], plan.generated()[r], plan, indexBits, split);
            entries[r] = null;
            generated[r] = rulePairs.size();
            // Each rule's pairs are deduplicated and merged into the sorted union at once, so that memory
            // holds the union and one rule's pairs, not every rule's pairs with all their repeats.
            scratch = sortPairs(rulePairs.data, rulePairs.size, indexBits, scratch);
            long[] mine = rulePairs.data;
            int mineSize = unique(mine, rulePairs.size);
            int added = missing(pairs, mine, mineSize);
            long[] merged = new long[pairs.length + added];
            short[] mergedMasks = new short[merged.length];
            merge(pairs, masks, mine, mineSize, (short) (1 << r), merged, mergedMasks);
            newPairs[r] = added;
            pairs = merged;
            masks = mergedMasks;
        }
        scratch = null;
        cancellationCheck.run();
        List<RuleCount> counts = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            counts.add(new RuleCount(rules.get(r).name(), generated[r], newPairs[r]));
        }
        return new Candidates(pairs, masks, List.copyOf(counts), describe(rules, split, indexBits));
    }

    /**
     * Candidate pairs a run may generate over all its rules (repeats included, so the distinct pairs are
     * fewer). Every pair costs about 30 bytes through compare, EM, scoring and clustering (pair, levels,
     * weight, probability, masks). The hard million's rules generate 38.6 million pairs (26.4 million
     * distinct) with blocks of up to {@code block_cap} paired all with all, and link in a 3 GB heap; a
     * town of a million residents, where every key that includes the place is no key at all, would have
     * generated billions and died in blocking with 12 GB.
     */
    static final long MAX_GENERATED_PAIRS = 40_000_000L;

    /** Split blocks listed in a run's result, the largest: a town of a million residents splits thousands. */
    static final int MAX_LISTED_SPLIT_BLOCKS = 100;

    private final long pairBudget;

    /**
     * How blocks are paired: all with all up to {@code allPairs} records, by sorted neighbourhood with
     * {@code window} beyond; {@code generated[r]} bounds rule r's pairs.
     */
    record Plan(int allPairs, int window, long[] generated) {
        long total() {
            long sum = 0;
            for (long g : generated) {
                sum += g;
            }
            return sum;
        }
    }

    /**
     * The largest all-with-all size (at most the cap) and window (at most {@link #WINDOW}) whose pairs fit
     * the budget: the all-with-all size is halved first, down to where pairing all with all costs what the
     * neighbourhood does (4·window + 1 records), then the window. Linear at the least: two orders, window 1,
     * give under two pairs per keyed entry, so a run's pairs stay within the budget or within twice its
     * entries, whatever the distribution of names and places.
     */
    static Plan plan(Blocks[] blocks, int cap, long budget) {
        int allPairs = cap;
        int window = WINDOW;
        while (true) {
            long[] generated = new long[blocks.length];
            for (int r = 0; r < blocks.length; r++) {
                int[] sizes = blocks[r].sizes();
                for (int b = 0; b < sizes.length; b++) {
                    generated[r] += blocks[r].neverSplit() || sizes[b] <= allPairs ? blocks[r].allPairs()[b]
                            : blockPairs(sizes[b], 0, window);
                }
            }
            Plan plan = new Plan(allPairs, window, generated);
            int floor = 4 * window + 1;
            if (plan.total() <= budget || (window == 1 && allPairs <= floor)) {
                return plan;
            }
            if (allPairs > floor) {
                allPairs = Math.max(floor, allPairs / 2);
            } else {
                window = window / 2;
                allPairs = Math.min(allPairs, 4 * window + 1);
            }
        }
    }

    /** {@link #plan} of blocks whose records all pair with each other (no place condition). */
    static Plan plan(int[][] blockSizes, int cap, long budget) {
        Blocks[] blocks = new Blocks[blockSizes.length];
        for (int r = 0; r < blocks.length; r++) {
            long[] all = new long[blockSizes[r].length];
            for (int b = 0; b < all.length; b++) {
                all[b] = (long) blockSizes[r][b] * (blockSizes[r][b] - 1) / 2;
            }
            blocks[r] = new Blocks(blockSizes[r], all, false);
        }
        return plan(blocks, cap, budget);
    }

    /**
     * A rule's blocks of two records or more: their sizes, and the pairs each gives paired all with all
     * (fewer than size·(size − 1)/2 under the place condition: the hard million's rules give 38.6 million
     * pairs, and counting every pair of their blocks, over 40 million).
     */
    record Blocks(int[] sizes, long[] allPairs, boolean neverSplit) {
    }

    /** At most the pairs one block gives under a plan (a record twice in a block gives fewer). */
    static long blockPairs(int size, int allPairs, int window) {
        if (size <= allPairs) {
            return (long) size * (size - 1) / 2;
        }
        long w = Math.min(window, size - 1);
        return 2 * (w * size - w * (w + 1) / 2);
    }

    /**
     * The blocks (runs of equal hashes) of two records or more, with the pairs each gives paired all with all
     * (under the place condition, those it lets through). A rule with {@link BlockingKey.Standard#SURNAME_ONE_EDIT}
     * lists only its blocks that give pairs, counted exactly ({@link #oneEditPairs}), and they are never split.
     */
    private Blocks blocks(PairBuffer sortedEntries, int indexBits, BlockingRule rule) {
        int[] placeIds = placeIds(rule);
        boolean oneEdit = oneEdit(rule);
        boolean placeless = placeless(rule);
        long[] sorted = sortedEntries.data;
        int sortedSize = sortedEntries.size;
        long indexMask = (1L << indexBits) - 1;
        int[] sizes = new int[16];
        long[] allPairs = new long[16];
        int count = 0;
        int start = 0;
        while (start < sortedSize) {
            int end = blockEnd(sorted, sortedSize, start, indexBits);
            int size = end - start;
            long pairs = oneEdit ? oneEditPairs(sorted, start, end, indexMask, null)
                    : size < 2 || placeless && size > SPARSE_BLOCK_LIMIT ? 0
                    : placeIds == null ? (long) size * (size - 1) / 2
                    : placeAllowedPairs(placeIds, sorted, start, end, indexMask);
            if (oneEdit || placeless ? pairs > 0 : size > 1) {
                if (count == sizes.length) {
                    sizes = Arrays.copyOf(sizes, sizes.length * 2);
                    allPairs = Arrays.copyOf(allPairs, allPairs.length * 2);
                }
                sizes[count] = size;
                allPairs[count++] = pairs;
            }
            start = end;
        }
        return new Blocks(Arrays.copyOf(sizes, count), Arrays.copyOf(allPairs, count), oneEdit || placeless);
    }

    /**
     * The pairs {@link #oneEditAllows} lets through in one block of a rule with
     * {@link BlockingKey.Standard#SURNAME_ONE_EDIT}, none beyond {@link #SPARSE_BLOCK_LIMIT} records (at most
     * 435 checks a block): counted, and added to {@code out} unless it is null.
     */
    private long oneEditPairs(long[] sorted, int start, int end, long indexMask, PairBuffer out) {
        long pairs = 0;
        for (int x = start; end - start <= SPARSE_BLOCK_LIMIT && x < end; x++) {
            long a = sorted[x] & indexMask;
            for (int y = x + 1; y < end; y++) {
                long b = sorted[y] & indexMask;
                if (oneEditAllows((int) a, (int) b)) {
                    pairs++;
                    if (out != null) {
                        out.add(Math.min(a, b) << 32 | Math.max(a, b));
                    }
                }
            }
        }
        return pairs;
    }

    private static boolean oneEdit(BlockingRule rule) {
        return rule.keys().contains(BlockingKey.Standard.SURNAME_ONE_EDIT);
    }

    /**
     * A rule with {@link BlockingKey.Standard#ONE_WITHOUT_PLACE}: its blocks give pairs only up to
     * {@link #SPARSE_BLOCK_LIMIT} records, all with all, and are never split (a larger block's sorted
     * neighbourhood would pair records the condition refuses: at the hard million, blocks of one name in the
     * thousands).
     */
    private static boolean placeless(BlockingRule rule) {
        return rule.keys().contains(BlockingKey.Standard.ONE_WITHOUT_PLACE);
    }

    /**
     * Two records of a block of {@link BlockingKey.Standard#SURNAME_ONE_EDIT}: surname families one edit apart
     * (not equal), and one of the two records gives neither birth year nor age.
     */
    private boolean oneEditAllows(int a, int b) {
        if (a == b) {
            return false;
        }
        int[] placeIds = placeIds();
        if ((placeIds[a] & SPARSE) == 0 && (placeIds[b] & SPARSE) == 0) {
            return false;
        }
        int familyA = table.surname.familyIds[a];
        int familyB = table.surname.familyIds[b];
        if (familyA == familyB || familyA < 0 || familyB < 0) {
            return false;
        }
        int[] counts = table.surname.familyCounts();
        int rarer = Math.min(counts[familyA], counts[familyB]);
        int commoner = Math.max(counts[familyA], counts[familyB]);
        return (long) rarer * TYPO_RARITY <= commoner
                && Edits.withinOne(table.surname.families.get(familyA), table.surname.families.get(familyB));
    }

    /**
     * A surname typed wrong is rare beside the one it was typed for (as SymSpell ranks corrections by frequency):
     * the rarer family of a one-edit pair holds at most 1/20 of the other's records. Two real surnames one edit
     * apart are both common (Səfərov / Cəfərov, Asadova / Asımova): at 100,000 people the pairs the rule would
     * give otherwise were 1,499 true among 31,993; with the ratio, 1,206 among 4,469.
     */
    static final int TYPO_RARITY = 20;

    /**
     * The pairs of a block that {@link #placeAllows} lets through, counted from its records' places: with a
     * sparse record, every pair it is in (if the block is small enough), and the pairs of records of one place.
     */
    private static long placeAllowedPairs(int[] placeIds, long[] sorted, int start, int end, long indexMask) {
        int size = end - start;
        boolean sparseAllowed = size <= SPARSE_BLOCK_LIMIT;
        int[] places = new int[size];
        long sparse = 0;
        int counted = 0;
        for (int x = start; x < end; x++) {
            int id = placeIds[(int) (sorted[x] & indexMask)];
            if (sparseAllowed && (id & SPARSE) != 0) {
                sparse++;
            } else if ((id & PLACE_BITS) != PLACE_BITS) {
                places[counted++] = id & PLACE_BITS;
            }
        }
        long pairs = sparse * (sparse - 1) / 2 + sparse * (size - sparse);
        Arrays.sort(places, 0, counted);
        for (int from = 0; from < counted; ) {
            int to = from + 1;
            while (to < counted && places[to] == places[from]) {
                to++;
            }
            pairs += (long) (to - from) * (to - from - 1) / 2;
            from = to;
        }
        return pairs;
    }

    /** The place ids a rule with the place condition needs, computed once per run; null for other rules. */
    private int[] placeIds(BlockingRule rule) {
        if (placeless(rule)) {
            return placelessIds();
        }
        return rule.keys().contains(BlockingKey.Standard.PLACE_UNLESS_NO_BIRTH_YEAR) ? placeIds() : null;
    }

    /**
     * For {@link BlockingKey.Standard#ONE_WITHOUT_PLACE}: {@code SPARSE} for a record that names no place, and no
     * place for one that does, so that only pairs with a record without place pass {@link #placeAllows}. At
     * 100,000 hard-case people, letting records of one place pass too generated 260,294 pairs for 4,597 new.
     */
    private int[] placelessIds() {
        if (placelessKeyIds == null) {
            int[] ids = placeIds().clone();
            for (int i = 0; i < ids.length; i++) {
                ids[i] = (ids[i] & PLACE_BITS) == PLACE_BITS ? PLACE_BITS | SPARSE : PLACE_BITS;
            }
            placelessKeyIds = ids;
        }
        return placelessKeyIds;
    }

    private int[] placelessKeyIds;

    /** Every record's place key id, marked {@code SPARSE} without birth year or age ({@link #placeKeyIds}). */
    private int[] placeIds() {
        if (placeKeyIds == null) {
            placeKeyIds = placeKeyIds();
        }
        return placeKeyIds;
    }

    private int[] placeKeyIds;

    private static int blockEnd(long[] sorted, int sortedSize, int start, int indexBits) {
        long hash = sorted[start] >>> indexBits;
        int end = start + 1;
        while (end < sortedSize && sorted[end] >>> indexBits == hash) {
            end++;
        }
        return end;
    }

    private String[][][] parts(BlockingRule rule) {
        String[][][] parts = new String[rule.keys().size()][][];
        for (int p = 0; p < parts.length; p++) {
            parts[p] = partValues(rule.keys().get(p));
        }
        return parts;
    }

    /** A block split by sorted neighbourhood, described (its key's text) only if it is listed. */
    private record SplitBlock(int rule, int member, long hash, int size, long pairs) {
    }

    /** The split blocks in rule and key order, or the {@link #MAX_LISTED_SPLIT_BLOCKS} largest of them. */
    private List<CappedBlock> describe(List<BlockingRule> rules, List<SplitBlock> split, int indexBits) {
        List<SplitBlock> listed = split;
        if (split.size() > MAX_LISTED_SPLIT_BLOCKS) {
            listed = new ArrayList<>(split);
            listed.sort(java.util.Comparator.comparingInt(SplitBlock::size).reversed().thenComparingInt(SplitBlock::rule));
            listed = listed.subList(0, MAX_LISTED_SPLIT_BLOCKS);
        }
        Map<Integer, String[][][]> parts = new HashMap<>();
        List<CappedBlock> capped = new ArrayList<>();
        for (SplitBlock block : listed) {
            String[][][] ruleParts = parts.computeIfAbsent(block.rule(), r -> parts(rules.get(r)));
            capped.add(new CappedBlock(rules.get(block.rule()).name(),
                    describeKey(ruleParts, block.member(), block.hash(), indexBits), block.size(), block.pairs()));
        }
        return List.copyOf(capped);
    }

    /** The second array {@link #sortPairs} scatters into, kept from one rule to the next while blocking. */
    private long[] scratch;

    /** Below this many pairs {@link #sortPairs} leaves them to {@code Arrays.sort}. */
    static final int RADIX_MIN = 1 << 16;

    /**
     * Sorts {@code n} pairs ({@code a << 32 | b}, both below {@code 2^indexBits}) ascending: a least-significant-digit
     * radix sort of the key {@code a << indexBits | b} (2 × indexBits bits, in passes of at most 14 bits), which keeps
     * the order of the pairs. Returns the scratch array used, grown to {@code n} when it was shorter (pass it again).
     *
     * <p>Written by hand because no library here does it: on 10 million pairs of a million records (40-bit keys, the
     * 2-core machine, 4 December 2026) {@code Arrays.sort} took 770–860 ms, {@code Arrays.parallelSort} 760–870 ms,
     * fastutil's in-place {@code LongArrays.radixSort} 580–610 ms (a 24 MB jar), this 220–340 ms; sorting the rules'
     * pairs was 225 of blocking's 826 samples on the hard million. It needs a second array as large as the largest
     * rule's pairs (160 MB for its 20 million), which the union it is merged into outgrows right after.
     */
    static long[] sortPairs(long[] pairs, int n, int indexBits, long[] scratch) {
        if (n < RADIX_MIN || indexBits > 31) {
            Arrays.sort(pairs, 0, n);
            return scratch;
        }
        long[] tmp = scratch != null && scratch.length >= n ? scratch : new long[n];
        int bits = 2 * indexBits;
        int passes = (bits + 13) / 14;
        int digitBits = (bits + passes - 1) / passes;
        int mask = (1 << digitBits) - 1;
        long lowMask = (1L << indexBits) - 1;
        int[] count = new int[1 << digitBits];
        long[] from = pairs;
        long[] to = tmp;
        for (int pass = 0; pass < passes; pass++) {
            int shift = pass * digitBits;
            Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) {
                long v = from[i];
                count[(int) ((((v >>> 32) << indexBits) | (v & lowMask)) >>> shift) & mask]++;
            }
            int sum = 0;
            for (int d = 0; d < count.length; d++) {
                int c = count[d];
                count[d] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                long v = from[i];
                to[count[(int) ((((v >>> 32) << indexBits) | (v & lowMask)) >>> shift) & mask]++] = v;
            }
            long[] t = from;
            from = to;
            to = t;
        }
        if (from != pairs) {
            System.arraycopy(from, 0, pairs, 0, n);
        }
        return tmp;
    }

    /** One rule's candidate pairs ({@code a << 32 | b}, a &lt; b, unsorted, repeats possible). */
    private PairBuffer rulePairs(BlockingRule rule, int ruleIndex, PairBuffer entries, long bound, Plan plan,
                                 int indexBits, List<SplitBlock> split) {
        long indexMask = (1L << indexBits) - 1;
        int[] placeIds = placeIds(rule);
        long[] sorted = entries.data;
        int sortedSize = entries.size;
        // Sized by the plan's bound at once: doubling a buffer of tens of millions of pairs copied it and
        // held both copies.
        PairBuffer rulePairs = new PairBuffer(bound);
        boolean oneEdit = oneEdit(rule);
        boolean placeless = placeless(rule);
        int start = 0;
        while (start < sortedSize) {
            int end = blockEnd(sorted, sortedSize, start, indexBits);
            int blockSize = end - start;
            if (oneEdit) {
                oneEditPairs(sorted, start, end, indexMask, rulePairs);
            } else if (placeless && blockSize > SPARSE_BLOCK_LIMIT) {
                // No pair of a larger block passes the condition.
            } else if (!placeless && blockSize > plan.allPairs()) {
                int[] members = new int[blockSize];
                for (int x = 0; x < blockSize; x++) {
                    members[x] = (int) (sorted[start + x] & indexMask);
                }
                long before = rulePairs.size();
                sortedNeighbourhood(members, plan.window(), rulePairs);
                split.add(new SplitBlock(ruleIndex, members[0], sorted[start] >>> indexBits, blockSize,
                        rulePairs.size() - before));
            } else {
                boolean sparseAllowed = blockSize <= SPARSE_BLOCK_LIMIT;
                for (int x = start; x < end; x++) {
                    long a = sorted[x] & indexMask;
                    for (int y = x + 1; y < end; y++) {
                        long b = sorted[y] & indexMask;
                        if (a != b && (placeIds == null || placeAllows(placeIds, (int) a, (int) b, sparseAllowed))) {
                            rulePairs.add(Math.min(a, b) << 32 | Math.max(a, b));
                        }
                    }
                }
            }
            start = end;
        }
        return rulePairs;
    }

    /** Leaves the sorted {@code values[0…size)} without repeats, in place; returns how many are left. */
    static int unique(long[] values, int size) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (kept == 0 || values[i] != values[kept - 1]) {
                values[kept++] = values[i];
            }
        }
        return kept;
    }

    /** How many of the sorted distinct {@code mine[0…mineSize)} are not in the sorted distinct {@code pairs}. */
    static int missing(long[] pairs, long[] mine, int mineSize) {
        int i = 0;
        int found = 0;
        for (int j = 0; j < mineSize; j++) {
            i = gallop(pairs, i, mine[j]);
            if (i < pairs.length && pairs[i] == mine[j]) {
                found++;
                i++;
            }
        }
        return mineSize - found;
    }

    /**
     * Merges the sorted distinct pairs {@code mine[0…mineSize)} into the sorted distinct {@code pairs}, into
     * {@code out} (as long as the union: see {@link #missing}), with each pair's mask of rules and {@code bit} for
     * this rule's. The union's runs between two of this rule's pairs are found by galloping and copied whole: the
     * later rules add few pairs to a union of millions (the hard million: 25.8 million), and the element-by-element
     * merge of both with a counting pass before it took 43% of the blocking stage's samples (merge, 428 of 1,007). Blocking
     * the hard million's records again, warm, three times each: 12.9–14.3 s before, 11.6–11.9 s with the galloping copy.
     */
    static void merge(long[] pairs, short[] masks, long[] mine, int mineSize, short bit, long[] out, short[] outMasks) {
        int i = 0;
        int written = 0;
        for (int j = 0; j < mineSize; j++) {
            long value = mine[j];
            int k = gallop(pairs, i, value);
            int run = k - i;
            if (run > SHORT_RUN) {
                System.arraycopy(pairs, i, out, written, run);
                System.arraycopy(masks, i, outMasks, written, run);
                written += run;
                i = k;
            } else {
                while (i < k) {
                    out[written] = pairs[i];
                    outMasks[written++] = masks[i++];
                }
            }
            if (i < pairs.length && pairs[i] == value) {
                out[written] = value;
                outMasks[written++] = (short) (masks[i++] | bit);
            } else {
                out[written] = value;
                outMasks[written++] = bit;
            }
        }
        System.arraycopy(pairs, i, out, written, pairs.length - i);
        System.arraycopy(masks, i, outMasks, written, pairs.length - i);
    }

    /** Runs of the union up to this long are copied element by element: a call of System.arraycopy costs more. */
    private static final int SHORT_RUN = 8;

    /**
     * In distinct sorted values, the first index at or after {@code from} whose value is at least {@code key}: steps
     * of 1, 2, 4 … from {@code from}, then a binary search.
     */
    static int gallop(long[] sorted, int from, long key) {
        int n = sorted.length;
        if (from >= n || sorted[from] >= key) {
            return from;
        }
        // sorted[low] < key throughout.
        int low = from;
        int step = 1;
        while (step < n - low && sorted[low + step] < key) {
            low += step;
            step <<= 1;
        }
        int high = low + Math.min(step, n - low);
        int found = Arrays.binarySearch(sorted, low + 1, high, key);
        return found >= 0 ? found : -found - 1;
    }

    /**
     * Records paired with each of their neighbours in a block too large to pair all with all (one village
     * holding hundreds of Məmməd Məmmədov): the sorted-neighbourhood method (Hernández &amp; Stolfo), twice —
     * sorted by birth year, then father's name, and by father's name, then birth year — each record
     * paired with the next {@link #WINDOW} records of each order. A block of n records gives at most
     * 2·n·WINDOW pairs instead of n²/2, and the same person's records, which agree on year or father, stay
     * neighbours. Written here: commons-codec and the linkage libraries on Maven Central offer blocking
     * keys, not a windowed pairing over our packed record table.
     */
    private void sortedNeighbourhood(int[] members, int window, PairBuffer out) {
        long[] byYear = new long[members.length];
        long[] byFather = new long[members.length];
        for (int x = 0; x < members.length; x++) {
            int record = members[x];
            long year = birthYearOrImplied(record) & 0x7FF;
            long father = (table.patronymic.familyIds[record] + 1L) & 0x1FFFFF;
            byYear[x] = (year << 21 | father) << 29 | record;
            byFather[x] = (father << 11 | year) << 29 | record;
        }
        for (long[] order : new long[][] {byYear, byFather}) {
            Arrays.sort(order);
            for (int x = 0; x < order.length; x++) {
                long a = order[x] & ((1L << 29) - 1);
                for (int y = x + 1; y < Math.min(order.length, x + 1 + window); y++) {
                    long b = order[y] & ((1L << 29) - 1);
                    if (a != b) {
                        out.add(Math.min(a, b) << 32 | Math.max(a, b));
                    }
                }
            }
        }
    }

    /**
     * Neighbours paired on each side in a split block. Twenty covers a person on five lists with duplicates
     * and the namesakes born in the same year with the same father's name; the 10,000 Məmməd Məmmədov of
     * one village in {@code LinkerTest} keep recall 0.99 with it.
     */
    static final int WINDOW = 20;

    private int birthYearOrImplied(int record) {
        int year = table.year[record];
        return year > 0 ? year - 1000 : table.impliedYear[record] > 0 ? table.impliedYear[record] - 1000 : 0;
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
                    case SURNAME_ONE_EDIT -> oneLetterDeletions(table.surname, values);
                    case GIVEN_METAPHONE -> byFolded(table.given, values, f -> new String[] {phonetic.metaphone(f)});
                    case GIVEN_FAMILY -> byId(table.given.familyIds, table.given.families, values);
                    case GIVEN_EXACT -> byId(table.given.form.ids, table.given.form.values, values);
                    case GIVEN_INITIAL -> byInitial(table.given, values);
                    case PATRONYMIC_FAMILY -> byId(table.patronymic.familyIds, table.patronymic.families, values);
                    case NAMES_UNORDERED -> namesUnordered(values);
                    case BIRTH_YEAR -> birthYears(values);
                    case BIRTH_DATE -> birthDates(values);
                    case PLACE -> placeFamilies(values);
                    case BIRTH_YEAR_OR_PLACE -> yearsOrPlace(values);
                    case PLACE_UNLESS_NO_BIRTH_YEAR, ONE_WITHOUT_PLACE -> java.util.Arrays.fill(values, EVERY_RECORD);
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

    /**
     * Each name's family key with each one-letter deletion of it, without repeats (Məmmədov's "mmdv": mmdv, mdv,
     * mmv, mmd): a family typed with one letter wrong, added, dropped or two swapped shares one of them.
     */
    private void oneLetterDeletions(RecordTable.NameColumn column, String[][] values) {
        String[][] byId = new String[column.families.size()][];
        for (int id = 0; id < byId.length; id++) {
            String key = column.families.get(id);
            java.util.LinkedHashSet<String> keys = new java.util.LinkedHashSet<>();
            keys.add(key);
            for (int i = 0; i < key.length() && key.length() > 1; i++) {
                keys.add(key.substring(0, i) + key.substring(i + 1));
            }
            byId[id] = keys.toArray(String[]::new);
        }
        for (int i = 0; i < table.size; i++) {
            int id = column.familyIds[i];
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
            // The pair of ids times an odd constant, a bijection of longs: Long.hashCode of (s << 32 | g) is s ^ g, and
            // so many (surname, given name) pairs collided that HashMap kept tree bins (HashMap.compareComparables was
            // 57 of the block stage's 968 samples in a JFR profile of the hard million).
            values[i] = cache.computeIfAbsent(((long) s << 32 | g) * 0x9E3779B97F4A7C15L, k -> {
                String left = phonetic.metaphone(table.surname.folded.get(s));
                String right = phonetic.metaphone(table.given.folded.get(g));
                return new String[] {left.compareTo(right) <= 0 ? left + "+" + right : right + "+" + left};
            });
        }
    }

    /**
     * The birth year, or the years an age at the incident implies (incident − age and one less, since the
     * birthday may not have come yet, and a year either side of those). Approximate years also block on
     * their neighbours.
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

    /** One value shared by every record: a key part that does not split blocks. */
    private static final String[] EVERY_RECORD = {""};

    /**
     * Per record, an id of its place blocking key ({@code PLACE_BITS} when it names no place), marked
     * {@code SPARSE} when it gives neither a birth year nor an age: such a record pairs within a block of at
     * most {@link #SPARSE_BLOCK_LIMIT} whatever the other's place. Testimonies and
     * press reports often give neither birth year nor age, and name another village or none (hard case,
     * 3,000 people, seed 12: most of the true pairs no rule proposed).
     */
    private int[] placeKeyIds() {
        String[][] places = new String[table.size][];
        placeFamilies(places);
        Map<String, Integer> ids = new HashMap<>();
        int[] result = new int[table.size];
        for (int i = 0; i < table.size; i++) {
            int place = places[i] == null ? PLACE_BITS : ids.computeIfAbsent(places[i][0], k -> ids.size());
            // Bit 30 marks a record without birth year or age; the low bits hold its place, all ones for none.
            result[i] = table.year[i] == 0 && table.impliedYear[i] == 0 ? place | SPARSE : place;
        }
        return result;
    }

    private static final int SPARSE = 1 << 30;
    private static final int PLACE_BITS = SPARSE - 1;

    /**
     * A record with names alone pairs with every record of a block of at most this many: beyond it, its link
     * would be a guess among namesakes, and its pairs would grow as block size times sparse records (a
     * million records hold blocks of names near {@code block_cap}). Hard case, 10,000 people, seed 11: with
     * 100, 71,372 candidate pairs and F1 0.9309; with 30, 54,324 and F1 0.9315 (3,000 people: unchanged).
     */
    static final int SPARSE_BLOCK_LIMIT = 30;

    private static boolean placeAllows(int[] placeIds, int a, int b, boolean sparseAllowed) {
        int left = placeIds[a];
        int right = placeIds[b];
        if (sparseAllowed && ((left & SPARSE) != 0 || (right & SPARSE) != 0)) {
            return true;
        }
        int placeA = left & PLACE_BITS;
        return placeA != PLACE_BITS && placeA == (right & PLACE_BITS);
    }

    /**
     * The birth years and the place of a record, each marked with its kind, so that two records share a
     * value when they share either: testimonies and press reports seldom give a birth year, and their
     * records whose given name carries a typing error found no block at all (hard case, 3,000 people,
     * seed 11: most of the 159 lost pairs no rule proposed had no birth year on one side).
     */
    private void yearsOrPlace(String[][] values) {
        String[][] years = new String[table.size][];
        String[][] places = new String[table.size][];
        birthYears(years);
        placeFamilies(places);
        Map<String, String[]> shared = new HashMap<>();
        for (int i = 0; i < table.size; i++) {
            if (years[i] == null && places[i] == null) {
                continue;
            }
            String[] y = years[i] == null ? new String[0] : years[i];
            String[] p = places[i] == null ? new String[0] : places[i];
            String signature = String.join(",", y) + "|" + String.join(",", p);
            values[i] = shared.computeIfAbsent(signature, k -> {
                String[] both = new String[y.length + p.length];
                for (int j = 0; j < y.length; j++) {
                    both[j] = "y" + y[j];
                }
                for (int j = 0; j < p.length; j++) {
                    both[y.length + j] = "p" + p[j];
                }
                return both;
            });
        }
    }

    private String[] years(int year, int kind) {
        return yearKeys.computeIfAbsent(year * 4 + kind, k -> switch (kind) {
            case 0 -> new String[] {Integer.toString(year)};
            case 1 -> new String[] {Integer.toString(year - 1), Integer.toString(year), Integer.toString(year + 1)};
            // An age at the incident gives incident − age or one less; ages as people recall them are a year
            // off either way as often (hard case: an age of 13 in 1994 for a woman born in 1979).
            default -> new String[] {Integer.toString(year - 2), Integer.toString(year - 1), Integer.toString(year),
                    Integer.toString(year + 1)};
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
        private long[] data;
        private int size;

        PairBuffer() {
            data = new long[1024];
        }

        /** With room for {@code capacity} values at once (more still fit, by growing). */
        PairBuffer(long capacity) {
            if (capacity > Integer.MAX_VALUE - 16) {
                throw new LinkageException("more than 2^31 candidate pairs: tighten the blocking rules");
            }
            data = new long[(int) Math.max(16, capacity)];
        }

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

        void sortInPlace() {
            Arrays.sort(data, 0, size);
        }

        int size() {
            return size;
        }
    }
}
