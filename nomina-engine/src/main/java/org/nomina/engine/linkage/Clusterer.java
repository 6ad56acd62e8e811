package org.nomina.engine.linkage;

import org.nomina.engine.names.JaroWinkler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns scored pairs into clusters without chaining strangers.
 *
 * <p>Plain connected components over links above the match threshold let one weak bridge join two
 * people: A–B and B–C link, A and C share nothing. Instead links are merged greedily, strongest first
 * (as in Kruskal), and two clusters merge only if
 * <ol>
 * <li>no reviewer said DIFFERENT for any pair across them (cannot-link);</li>
 * <li>every pair across them from the same source has a direct link of at least the same-source
 * probability (lists contain duplicates, but two rows of one list are usually two people) — when there
 * is more than one list, and no two of them give different values of a field whose comparison says
 * {@code same_list: distinct} (by default the status: see {@link ComparisonSpec#standardSameList});</li>
 * <li>no pair across them contradicts on a field whose comparison has a veto ({@link ComparisonSpec.Veto}:
 * by default birth date, given name, father's name, surname and place), unless that pair's own link reaches
 * the veto's override weight; a pair blocking did not propose is scored on demand for this;</li>
 * <li>the mean probability over the pairs across them that were compared is at least
 * {@code minimumAverageProbability} (average linkage on the evidence we have: a bridge that the other
 * members contradict is refused).</li>
 * </ol>
 * Reviewer SAME verdicts are merged first and unconditionally; UNSURE pairs are never used as links.
 * Cross-cluster checks visit |A|·|B| member pairs with a binary search each, within the lower record's pairs
 * ({@link #indexOf}); clusters stay small (one
 * record per list plus the odd duplicate), and the whole stage took 1.5–3 s on the synthetic million.
 */
final class Clusterer {

    private final RecordTable table;
    private final long[] pairs;
    /**
     * Where each record's pairs as the lower record begin in {@code pairs} (n + 1 entries): a pair is searched for within
     * its lower record's run (about 26 pairs at a million records) instead of all 25 million. The searches across two
     * clusters were 134 of the cluster stage's 374 JFR samples outside one_to_one on the hard million, and nearly every
     * step of a search over the whole array missed the cache.
     */
    private final int[] firstStart;
    private final float[] probability;
    private final float[] weight;
    private final LinkageConfig config;
    private final Map<Long, HumanDecision.Verdict> verdicts;
    private final Map<Integer, List<Integer>> different = new HashMap<>();
    private final boolean strictWithinSource;
    private final PairScorer scorer;
    private final int[] parent;
    private final int[] size;
    /** Circular list of each cluster's members. */
    private final int[] next;
    /** The configured vetoes, the strongest override first: the first that objects sets the bar. */
    private final List<FieldVeto> vetoes;
    /**
     * The value ids (−1 missing) of each field whose comparison says {@code same_list: distinct}: two records of one
     * list that both give it, and not the same value, are two people.
     */
    private final int[][] distinctWithinList;

    /**
     * A veto of one compared field: whether records x and y contradict on it. {@code sharedOverride}: a strong link
     * across two clusters that shows the same contradiction lifts it for the other pairs across them (places
     * and addresses: see {@link #overriddenAcross}); names and birth dates are overridden pair by pair.
     */
    private record FieldVeto(double overrideBits, IntBiPredicate contradicts, boolean sharedOverride) {
    }

    @FunctionalInterface
    private interface IntBiPredicate {
        boolean test(int x, int y);
    }

    /** Match weight (bits) of a pair that blocking did not propose. */
    @FunctionalInterface
    interface PairScorer {
        double weight(int a, int b);
    }

    /** {@code scorer} may be null: pairs blocking did not propose then count as not compared. */
    Clusterer(RecordTable table, long[] pairs, float[] probability, float[] weight, LinkageConfig config,
              Map<Long, HumanDecision.Verdict> verdicts, PairScorer scorer) {
        this.scorer = scorer;
        this.table = table;
        this.pairs = pairs;
        this.firstStart = firstStarts(pairs, table.size);
        this.probability = probability;
        this.weight = weight;
        this.config = config;
        this.verdicts = verdicts;
        int n = table.size;
        // With one list, deduplicating it is the whole task and λ was estimated on its own pairs; the
        // stricter bar for two records of one list is for lists among others, whose λ the cross-list pairs
        // set (FEBRL3 recall 0.937 with it: clusters of six corrupted copies rarely have all fifteen pairs
        // at 0.99).
        strictWithinSource = table.sourceCount > 1;
        parent = new int[n];
        size = new int[n];
        next = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
            size[i] = 1;
            next[i] = i;
        }
        vetoes = config.comparisons().stream().filter(spec -> spec.veto().active())
                .map(spec -> new FieldVeto(spec.veto().overrideBits(), contradiction(spec), spec.method() == ComparisonSpec.Method.TEXT))
                .sorted(Comparator.comparingDouble(FieldVeto::overrideBits).reversed())
                .toList();
        distinctWithinList = config.comparisons().stream().filter(spec -> spec.sameList() == ComparisonSpec.SameList.DISTINCT)
                .map(this::valueIds).toArray(int[][]::new);
    }

    /** The ids of the values of a field compared as values (−1: not given); sex 1 or 2. */
    private int[] valueIds(ComparisonSpec spec) {
        if (spec.method() == ComparisonSpec.Method.SEX) {
            int[] ids = new int[table.size];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = table.sex[i] == 0 ? -1 : table.sex[i];
            }
            return ids;
        }
        return FieldComparator.textColumn(table, spec.field()).ids;
    }

    /** How records contradict on the field of {@code spec} (see {@link ComparisonSpec.Veto}). */
    private IntBiPredicate contradiction(ComparisonSpec spec) {
        double similarity = spec.veto().similarity();
        return switch (spec.method()) {
            case DATE -> this::birthDatesContradict;
            case TEXT -> {
                RecordTable.TextColumn column = FieldComparator.textColumn(table, spec.field());
                yield (x, y) -> differentPlaces(column, x, y, similarity);
            }
            case NAME -> switch (spec.field()) {
                // Surname and given name do not contradict when swapped (the surname of one is the given name of
                // the other); a father's name has no such swap.
                case "surname" -> (x, y) -> !namesSwapped(x, y) && differentNames(table.surname, x, y, similarity);
                case "given_name" -> (x, y) -> !namesSwapped(x, y) && differentGivenNames(table.given, x, y, similarity);
                case "patronymic" -> (x, y) -> differentGivenNames(table.patronymic, x, y, similarity);
                default -> throw new IllegalArgumentException("not a name field: " + spec.field());
            };
            default -> throw new IllegalArgumentException(spec.field() + " cannot veto");
        };
    }

    /**
     * How much more a candidate must weigh with another record of a list than with this one to count as that record's
     * match ({@link #taken}). Without it (any other record of the list in its cluster) and without the veto check of the
     * restored pair, held-out seed 2 gave F1 0.9189 and 100,000 people 0.8874; with it, 0.9183 and 0.8903; with both,
     * 0.9183 and 0.8907 (main: 0.9160 and 0.8912).
     */
    static final float PREFERS_BITS = 1f;

    /** Returns the root record index of each record's cluster. */
    int[] cluster(Runnable cancellationCheck) {
        verdicts.forEach((pair, verdict) -> {
            if (verdict == HumanDecision.Verdict.DIFFERENT) {
                int a = (int) (pair >>> 32);
                int b = (int) (long) pair;
                different.computeIfAbsent(a, k -> new ArrayList<>()).add(b);
                different.computeIfAbsent(b, k -> new ArrayList<>()).add(a);
            }
        });
        verdicts.forEach((pair, verdict) -> {
            if (verdict == HumanDecision.Verdict.SAME) {
                union(find((int) (pair >>> 32)), find((int) (long) pair));
            }
        });
        int links = 0;
        for (float p : probability) {
            if (p >= config.matchProbability()) {
                links++;
            }
        }
        long[] order = new long[links];
        int count = 0;
        for (int i = 0; i < probability.length; i++) {
            if (probability[i] >= config.matchProbability()) {
                // Sort key: descending weight in the high 32 bits (float bits flipped to sort as ints),
                // pair index in the low 32 bits.
                int bits = Float.floatToIntBits(weight[i]);
                int sortable = bits >= 0 ? bits : bits ^ 0x7fffffff;
                order[count++] = (long) ~sortable << 32 | i;
            }
        }
        Arrays.parallelSort(order);
        for (int k = 0; k < order.length; k++) {
            if ((k & 0xFFFF) == 0) {
                cancellationCheck.run();
            }
            tryMerge((int) order[k]);
        }
        return roots();
    }

    /**
     * Merges along the given pairs too, strongest first, with every check of {@link #cluster} (a second look after
     * {@link OneToOne}'s rivals were weighed again against the clusters), and returns the roots again.
     */
    int[] mergeAlso(int[] indexes) {
        long[] order = new long[indexes.length];
        for (int k = 0; k < indexes.length; k++) {
            int bits = Float.floatToIntBits(weight[indexes[k]]);
            int sortable = bits >= 0 ? bits : bits ^ 0x7fffffff;
            order[k] = (long) ~sortable << 32 | indexes[k];
        }
        Arrays.sort(order);
        for (long key : order) {
            tryMerge((int) key);
        }
        return roots();
    }

    /**
     * Whether candidate c of record r is another record's match: c's cluster (of {@code roots}) holds a record of r's
     * list other than r, whose pair with c outweighs c's pair with r ({@code own}) by {@link #PREFERS_BITS} in {@code reference}
     * (each pair's weight, by its index, before one_to_one lowered it). Safe to call from several threads while nothing merges.
     */
    boolean taken(int[] roots, int r, int c, double own, java.util.function.IntToDoubleFunction reference) {
        if (roots[r] == roots[c]) {
            return false;
        }
        int m = roots[c];
        do {
            // The list is compared before any weight is looked up (a binary search over every candidate pair).
            if (m != r && table.sources[m] == table.sources[r] && weightOf(reference, c, m) >= own + PREFERS_BITS) {
                return true;
            }
            m = next[m];
        } while (m != roots[c]);
        return false;
    }

    /** {@link #firstStart} of sorted pairs of records below {@code n}. */
    static int[] firstStarts(long[] pairs, int n) {
        int[] start = new int[n + 1];
        int at = 0;
        for (int a = 0; a <= n; a++) {
            while (at < pairs.length && (int) (pairs[at] >>> 32) < a) {
                at++;
            }
            start[a] = at;
        }
        return start;
    }

    /** The index in {@code pairs} of the pair of records x and y (either order), negative when blocking did not propose it. */
    int indexOf(int x, int y) {
        int low = Math.min(x, y);
        return Arrays.binarySearch(pairs, firstStart[low], firstStart[low + 1], (long) low << 32 | Math.max(x, y));
    }

    /** Whether any veto objects to records x and y, whatever their pair's weight. */
    boolean contradict(int x, int y) {
        for (FieldVeto veto : vetoes) {
            if (veto.contradicts().test(x, y)) {
                return true;
            }
        }
        return false;
    }

    private double weightOf(java.util.function.IntToDoubleFunction reference, int x, int y) {
        int found = indexOf(x, y);
        return found >= 0 ? reference.applyAsDouble(found) : Double.NEGATIVE_INFINITY;
    }

    private void tryMerge(int index) {
        if (verdicts.containsKey(pairs[index])) {
            return;
        }
        int a = (int) (pairs[index] >>> 32);
        int b = (int) pairs[index];
        int rootA = find(a);
        int rootB = find(b);
        if (rootA == rootB) {
            return;
        }
        if (strictWithinSource && table.sources[a] == table.sources[b]
                && (probability[index] < config.sameSourceProbability() || valuesDifferWithinList(a, b))) {
            return;
        }
        if (mayMerge(rootA, rootB)) {
            union(rootA, rootB);
        }
    }

    private int[] roots() {
        int[] roots = new int[table.size];
        for (int i = 0; i < table.size; i++) {
            roots[i] = find(i);
        }
        return roots;
    }

    private boolean mayMerge(int rootA, int rootB) {
        double sum = 0;
        int compared = 0;
        List<int[]> weakContradictions = null;
        int x = rootA;
        do {
            List<Integer> cannot = different.get(x);
            int y = rootB;
            do {
                if (cannot != null && cannot.contains(y)) {
                    return false;
                }
                int found = indexOf(x, y);
                float p = found >= 0 ? probability[found] : Float.NaN;
                if (strictWithinSource && table.sources[x] == table.sources[y]
                        && (!(p >= config.sameSourceProbability()) || valuesDifferWithinList(x, y))) {
                    return false;
                }
                int objecting = -1;
                for (int v = 0; v < vetoes.size(); v++) {
                    if (vetoes.get(v).contradicts().test(x, y)) {
                        objecting = v;
                        break;
                    }
                }
                if (objecting >= 0) {
                    double needed = vetoes.get(objecting).overrideBits();
                    if (!(found >= 0 ? weight[found] >= needed : scorer != null && scorer.weight(x, y) >= needed)) {
                        if (!vetoes.get(objecting).sharedOverride()) {
                            return false;
                        }
                        if (weakContradictions == null) {
                            weakContradictions = new ArrayList<>();
                        }
                        weakContradictions.add(new int[] {x, y, objecting});
                    }
                }
                if (found >= 0) {
                    sum += p;
                    compared++;
                }
                y = next[y];
            } while (y != rootB);
            x = next[x];
        } while (x != rootA);
        if (weakContradictions != null) {
            for (int[] c : weakContradictions) {
                if (!overriddenAcross(rootA, rootB, c[0], c[1], vetoes.get(c[2]))) {
                    return false;
                }
            }
        }
        return compared == 0 || sum / compared >= config.minimumAverageProbability();
    }

    /**
     * Whether the contradiction of x (in the cluster of {@code rootA}) and y (in that of {@code rootB}) on a
     * vetoing field is one that a proposed link among the two clusters' records already overrides: a pair x′–y′
     * at or above the veto's override weight that contradicts on the same field, where x′ agrees with x and y′
     * with y on it (neither pair contradicts). A person's records may name another village (where a testimony
     * says she was found), and the one strong link that says so (names, birth year and father's name) is the
     * evidence; the cluster's sparser records then contradict in the same way, without the birth year that would
     * lift their own pair over the bar. Pair by pair, such a record stayed out of its person for good (hard case,
     * 3,000 people, seed 11: 42 of the 72 true pairs at p ≥ 0.95 kept apart had places "different"). Only
     * proposed pairs are looked up. Names and birth dates are not treated so: a surname that differs is evidence
     * against each record that carries it, not one fact about a person (FEBRL replaces whole surnames, and a
     * copy that shares no other field with the newcomer must not follow).
     */
    private boolean overriddenAcross(int rootA, int rootB, int x, int y, FieldVeto veto) {
        List<Integer> likeX = new ArrayList<>();
        List<Integer> likeY = new ArrayList<>();
        for (int root : new int[] {rootA, rootB}) {
            int m = root;
            do {
                if (m == x || !veto.contradicts().test(m, x)) {
                    likeX.add(m);
                }
                if (m == y || !veto.contradicts().test(m, y)) {
                    likeY.add(m);
                }
                m = next[m];
            } while (m != root);
        }
        for (int p : likeX) {
            for (int q : likeY) {
                if (p != q && veto.contradicts().test(p, q)) {
                    int found = indexOf(p, q);
                    if (found >= 0 && weight[found] >= veto.overrideBits()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Birth years more than this apart contradict when either is approximate or implied by an age. */
    static final int LOOSE_YEAR_GAP = 4;

    /**
     * Birth years more than two years apart (more than {@value #LOOSE_YEAR_GAP} when either is approximate or
     * implied by an age at the incident) unless a typed-wrong year of an otherwise equal date, or two full dates
     * that differ beyond a typo.
     */
    private boolean birthDatesContradict(int x, int y) {
        int yearX = table.year[x];
        int yearY = table.year[y];
        boolean looseX = table.approx[x];
        boolean looseY = table.approx[y];
        int spread = 0;
        if (yearX == 0) {
            yearX = table.impliedYear[x];
            spread += table.impliedSpread[x];
            looseX = true;
        }
        if (yearY == 0) {
            yearY = table.impliedYear[y];
            spread += table.impliedSpread[y];
            looseY = true;
        }
        // An age range ("85-95") implies a span of years around its middle: the gap is counted from the span's
        // nearer end, as the comparison counts it. Measured from the middle, a woman of "85-95" born in 1909
        // contradicted her own record (1904 against 1909) and stayed out of her cluster for good (hard case,
        // 3,000 people, seed 11).
        if (yearX != 0 && yearY != 0 && Math.abs(yearX - yearY) - spread > (looseX || looseY ? LOOSE_YEAR_GAP : 2)
                && !yearTypo(x, y, looseX || looseY)) {
            return true;
        }
        // Two full dates that differ beyond a typo: namesakes with one father and a year between them (the
        // 10,000 Məmməd Məmmədovs of one village joined into clusters of nine without this).
        return FieldComparator.DateComparator.fullDatesDiffer(table, x, y);
    }

    /**
     * Two records (of one list) that both give a field whose comparison says {@code same_list: distinct}, and not
     * the same value: by default two fates (see {@link ComparisonSpec#standardSameList} for why).
     */
    private boolean valuesDifferWithinList(int x, int y) {
        for (int[] ids : distinctWithinList) {
            int left = ids[x];
            int right = ids[y];
            if (left >= 0 && right >= 0 && left != right) {
                return true;
            }
        }
        return false;
    }

    /** The surname of one record is the given name of the other. */
    private boolean namesSwapped(int x, int y) {
        return table.surname.folded(x).equals(table.given.folded(y)) || table.given.folded(x).equals(table.surname.folded(y));
    }

    /**
     * Given names (or fathers' given names) both known, of different families, below {@code similarity}
     * Jaro–Winkler on their romanised forms and not one typo apart. On the generated 100k, sisters and namesakes
     * joined through strong links on everything else without it.
     */
    private static boolean differentGivenNames(RecordTable.NameColumn names, int x, int y, double similarity) {
        if (names.familyIds[x] < 0 || names.familyIds[y] < 0 || names.familyIds[x] == names.familyIds[y]
                || names.foldedIds[x] == names.foldedIds[y]) {
            return false;
        }
        return JaroWinkler.similarity(names.form.values.get(names.form.ids[x]), names.form.values.get(names.form.ids[y]))
                < similarity && !oneTypoApart(names.folded(x), names.folded(y));
    }

    /**
     * Folded names one edit apart (a letter typed wrong, left out or added: Гфсейн / Hüseyn, Natiq / Նաիգ),
     * both of at least three letters: a typing error, not another name. Short given names fall below the
     * default veto similarity (0.88) with one wrong letter, and the contradiction then kept a record out of
     * its own cluster for good (hard case, 3,000 people, seed 11: given names at "jaro_winkler>=0.70" in 21
     * of the 92 true pairs at p >= 0.99 left apart).
     */
    static boolean oneTypoApart(String left, String right) {
        return left.length() >= 3 && right.length() >= 3 && FieldComparator.boundedLevenshtein(left, right, 1) <= 1;
    }

    /**
     * Two full dates agreeing on day and month: the years more likely differ by a typing error (1957 for
     * 1975) than belong to two people. Not what restored FEBRL4 (that was the veto's override); kept as
     * the cheaper reading of such a pair.
     */
    private boolean yearTypo(int x, int y, boolean loose) {
        return !loose && table.month[x] > 0 && table.day[x] > 0 && table.month[x] == table.month[y]
                && table.day[x] == table.day[y];
    }

    /**
     * Places (or addresses) both known and below {@code similarity} compared word by word. Records of one person
     * may name different places (residence, place of death), but then the rest of the evidence is
     * overwhelming or the link is a guess: among a million generated records, name and birth year alone
     * found a namesake in another village for thousands of sparse records.
     */
    private static boolean differentPlaces(RecordTable.TextColumn column, int x, int y, double similarity) {
        int left = column.ids[x];
        int right = column.ids[y];
        return left >= 0 && right >= 0 && left != right
                && FieldComparator.TextComparator.wordSimilarity(column.words[left], column.words[right]) < similarity;
    }

    /** Both names known, of different families, and not even loosely similar (below {@code similarity}, folded). */
    private static boolean differentNames(RecordTable.NameColumn names, int x, int y, double similarity) {
        int familyX = names.familyIds[x];
        int familyY = names.familyIds[y];
        if (familyX < 0 || familyY < 0 || familyX == familyY) {
            return false;
        }
        return JaroWinkler.similarity(names.folded.get(names.foldedIds[x]), names.folded.get(names.foldedIds[y]))
                < similarity;
    }

    private int find(int i) {
        return root(parent, i);
    }

    /** The root of i in a union–find forest, compressing the path; also used by {@link SpellingLearner}. */
    static int root(int[] parent, int i) {
        int root = i;
        while (parent[root] != root) {
            root = parent[root];
        }
        while (parent[i] != root) {
            int up = parent[i];
            parent[i] = root;
            i = up;
        }
        return root;
    }

    private void union(int rootA, int rootB) {
        if (rootA == rootB) {
            return;
        }
        int big = size[rootA] >= size[rootB] ? rootA : rootB;
        int small = big == rootA ? rootB : rootA;
        parent[small] = big;
        size[big] += size[small];
        // Splice the two circular member lists.
        int swap = next[big];
        next[big] = next[small];
        next[small] = swap;
    }
}
