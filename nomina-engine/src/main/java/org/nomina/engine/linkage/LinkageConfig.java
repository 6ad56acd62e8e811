package org.nomina.engine.linkage;

import org.nomina.engine.linkage.ComparisonSpec.Method;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the linker compares, how it blocks, and where it decides. Immutable; validated on construction.
 *
 * @param comparisons              compared fields, at most {@value #MAX_COMPARISONS}
 * @param blockingRules            union of rules producing candidate pairs
 * @param matchProbability         pairs at or above are linked automatically
 * @param reviewProbability        pairs at or above (and below the match probability) go to review;
 *                                 pairs below are non-matches and are not reported
 * @param sameSourceProbability    two records of one source join only at or above this probability
 * @param minimumAverageProbability a merge of two clusters needs this mean probability over the scored
 *                                 pairs between them: stops chaining strangers through one weak bridge
 * @param blockCap                 blocks larger than this are skipped and reported
 * @param uSamplePairs             at most this many random pairs estimate u (a run draws
 *                                 min(this, max(200,000, 20 × records)))
 * @param emIterations             maximum EM iterations per training pass
 * @param swapNames                also compare surname against given name (order swaps)
 * @param seed                     seed of the random pair sample; same seed, same result
 * @param learnSpellings           learn spelling equivalences of names from the run's strongest pairs
 *                                 ({@link SpellingLearner}) and score again with them
 * @param oneToOne                 lower a pair's odds by its records' rivals on the same list ({@link OneToOne})
 */
public record LinkageConfig(List<ComparisonSpec> comparisons, List<BlockingRule> blockingRules,
                            double matchProbability, double reviewProbability, double sameSourceProbability,
                            double minimumAverageProbability, int blockCap, int uSamplePairs, int emIterations,
                            boolean swapNames, long seed, boolean learnSpellings, boolean oneToOne) {

    /**
     * Level indexes are packed four bits per field into a long, with the rule mask beside them (one bit per rule:
     * four times the comparisons plus the rules at most 64, so fourteen comparisons leave room for eight rules).
     */
    public static final int MAX_COMPARISONS = 14;

    /** Blocking rules a run may have: each pair carries one bit per rule (a {@code short}). */
    public static final int MAX_RULES = 16;
    static final Set<String> STANDARD_FIELDS = Set.of(
            "surname", "given_name", "patronymic", "sex", "birth_date", "place", "address", "id_number", "status");

    /** The methods of fields compared as values, whose {@code same_list} may be {@code distinct}. */
    static final Set<Method> SAME_LIST_METHODS = Set.of(Method.EXACT, Method.SEX, Method.ID_NUMBER, Method.JARO_WINKLER);

    public LinkageConfig {
        comparisons = List.copyOf(comparisons);
        blockingRules = List.copyOf(blockingRules);
        validate(comparisons, blockingRules, matchProbability, reviewProbability, sameSourceProbability,
                minimumAverageProbability, blockCap, uSamplePairs, emIterations);
    }

    /** The defaults for the victim schema: names, patronymic, sex, birth date/age, place, id number. */
    public static LinkageConfig defaults() {
        List<Double> names = List.of(0.92, 0.88, 0.70);
        List<Double> places = List.of(0.92, 0.80);
        return new LinkageConfig(
                List.of(ComparisonSpec.of("surname", Method.NAME, names, true),
                        ComparisonSpec.of("given_name", Method.NAME, names, true),
                        ComparisonSpec.of("patronymic", Method.NAME, names, false),
                        ComparisonSpec.of("sex", Method.SEX, List.of(), false),
                        ComparisonSpec.of("birth_date", Method.DATE, List.of(), false),
                        ComparisonSpec.of("place", Method.TEXT, places, true),
                        ComparisonSpec.of("id_number", Method.ID_NUMBER, List.of(), false),
                        // What a list says happened: namesakes, one killed and one taken hostage, are two
                        // people; lists do disagree (missing, later found dead), so m(different) has a floor
                        // (its disagreement_floor). Generated 100k (8-10% of testimonies and press reports
                        // giving another fate): F1 0.965 → 0.974.
                        ComparisonSpec.of("status", Method.EXACT, List.of(), false)),
                // Surnames in the region are extremely concentrated (a handful of surnames cover a third of
                // Azerbaijanis), so every rule pairs a surname key with a second discriminating key. On the
                // synthetic five-list million these rules produce 7.0 million distinct candidate pairs.
                List.of(new BlockingRule("surname_metaphone+given_metaphone+birth_year",
                                List.of(BlockingKey.Standard.SURNAME_METAPHONE, BlockingKey.Standard.GIVEN_METAPHONE,
                                        BlockingKey.Standard.BIRTH_YEAR)),
                        // The birth year or the place: a given name typed wrong on a list without birth
                        // years (testimonies, press) found no block with the year alone.
                        new BlockingRule("surname_family+given_initial+birth_year_or_place",
                                List.of(BlockingKey.Standard.SURNAME_FAMILY, BlockingKey.Standard.GIVEN_INITIAL,
                                        BlockingKey.Standard.BIRTH_YEAR_OR_PLACE)),
                        // Names and place: sparse records ("Гуранов Татурур, Номкенд", nothing else) are
                        // common in casualty lists. Names alone made blocks grow with the square of the
                        // population (a million generated records: Məmmədov Əli alone 4,700 records).
                        // The surname's set of consonants rather than its family: the same blocks give or
                        // take a few, and a typing error in its first letters ("rOudzhev Elshan") keeps it.
                        new BlockingRule("surname_consonants+given_family+place",
                                List.of(BlockingKey.Standard.SURNAME_CONSONANTS, BlockingKey.Standard.GIVEN_FAMILY,
                                        BlockingKey.Standard.PLACE)),
                        new BlockingRule("given_family+place+birth_year",
                                List.of(BlockingKey.Standard.GIVEN_FAMILY, BlockingKey.Standard.PLACE,
                                        BlockingKey.Standard.BIRTH_YEAR)),
                        // Names alone, in either order, for a record that gives neither birth year nor age
                        // (it pairs with any record of those names); otherwise the place must agree too.
                        new BlockingRule("names_unordered+place_unless_no_birth_year",
                                List.of(BlockingKey.Standard.NAMES_UNORDERED, BlockingKey.Standard.PLACE_UNLESS_NO_BIRTH_YEAR)),
                        // The next two need no given name: 5 % of records lack one, and a pair is lost
                        // when either side does (synthetic 100k recall rose from 0.841 to 0.934).
                        new BlockingRule("surname_family+place+birth_year",
                                List.of(BlockingKey.Standard.SURNAME_FAMILY, BlockingKey.Standard.PLACE,
                                        BlockingKey.Standard.BIRTH_YEAR)),
                        // The place unless the record gives no birth year or age: casualty lists often give
                        // names and a father's name and nothing else (Мамедова Гюльнара Керимовна, killed),
                        // and no other rule pairs them with their residents' record.
                        new BlockingRule("surname_family+patronymic_family+place_unless_no_birth_year",
                                List.of(BlockingKey.Standard.SURNAME_FAMILY, BlockingKey.Standard.PATRONYMIC_FAMILY,
                                        BlockingKey.Standard.PLACE_UNLESS_NO_BIRTH_YEAR)),
                        new BlockingRule("id_number", List.of(BlockingKey.Standard.ID_NUMBER)),
                        // A surname typed with one letter wrong on a record without birth year or age, given
                        // name and place agreeing (Tahirov / Tahisov Rashid, Nomkend): every rule above needs
                        // the surname's family, its consonants or metaphone, or else the year. Only such pairs,
                        // in blocks of at most 30 records.
                        new BlockingRule("surname_one_edit+given_family+place",
                                List.of(BlockingKey.Standard.SURNAME_ONE_EDIT, BlockingKey.Standard.GIVEN_FAMILY,
                                        BlockingKey.Standard.PLACE)),
                        // Names' families where one of the two records names no place, within blocks of at most
                        // 30: a list without places (the ALL-CAPS romanisation often) gives an age years off the
                        // other list's birth year, so no rule on the year or the place paired them. It runs no EM
                        // pass (its pairs hold no place to learn from). Held-out lists, 3,000 people, seeds 1/2/3:
                        // F1 0.9188 -> 0.9234, 0.9132 -> 0.9160, 0.9322 -> 0.9355; hard case seeds 11-15 unchanged
                        // or +0.0002; 100,000 people 0.8911 -> 0.8912 with 0.16% more candidate pairs.
                        new BlockingRule("surname_family+given_family+one_without_place",
                                List.of(BlockingKey.Standard.SURNAME_FAMILY, BlockingKey.Standard.GIVEN_FAMILY,
                                        BlockingKey.Standard.ONE_WITHOUT_PLACE))),
                // minimum_average_probability 0.9 rather than 0.5: on the synthetic million it raised
                // precision from 0.932 to 0.959 at unchanged recall (0.949); FEBRL3/4 are unaffected.
                // learn_spellings off by default: it raised FEBRL3 F1 from 0.9911 to 0.9926 and nicknames no
                // table knows from recall 0.790 to 0.999, but on the generated million it cost F1 0.9713 →
                // 0.9556 (1,070 spellings learnt, some of them namesakes'). On when the lists are known to
                // spell names in ways the tables lack.
                // one_to_one on by default: sparing each record's strongest candidate on a list, it raised F1 on
                // the hard case at 3,000 people (seeds 11-13) 0.9354 -> 0.9406, 0.9182 -> 0.9225, 0.9447 -> 0.9513
                // and on the held-out lists (seed 1) 0.8972 -> 0.9043; FEBRL4 and FEBRL3 unchanged.
                0.95, 0.50, 0.99, 0.90, 2_000, 1_000_000, 40, true, 42L, false, true);
    }

    /** A copy that does or does not weigh rivals on one list ({@link OneToOne}). */
    public LinkageConfig withOneToOne(boolean on) {
        return new LinkageConfig(comparisons, blockingRules, matchProbability, reviewProbability, sameSourceProbability,
                minimumAverageProbability, blockCap, uSamplePairs, emIterations, swapNames, seed, learnSpellings, on);
    }

    /** A copy with other blocking rules. */
    public LinkageConfig withBlockingRules(List<BlockingRule> rules) {
        return new LinkageConfig(comparisons, rules, matchProbability, reviewProbability, sameSourceProbability,
                minimumAverageProbability, blockCap, uSamplePairs, emIterations, swapNames, seed, learnSpellings, oneToOne);
    }

    /** A copy with other comparisons. */
    public LinkageConfig withComparisons(List<ComparisonSpec> specs) {
        return new LinkageConfig(specs, blockingRules, matchProbability, reviewProbability, sameSourceProbability,
                minimumAverageProbability, blockCap, uSamplePairs, emIterations, swapNames, seed, learnSpellings, oneToOne);
    }

    /** A copy that does or does not learn spellings. */
    public LinkageConfig withLearnSpellings(boolean learn) {
        return new LinkageConfig(comparisons, blockingRules, matchProbability, reviewProbability,
                sameSourceProbability, minimumAverageProbability, blockCap, uSamplePairs, emIterations, swapNames, seed,
                learn, oneToOne);
    }

    /** A copy with another block cap. */
    public LinkageConfig withBlockCap(int cap) {
        return new LinkageConfig(comparisons, blockingRules, matchProbability, reviewProbability,
                sameSourceProbability, minimumAverageProbability, cap, uSamplePairs, emIterations, swapNames, seed, learnSpellings,
                oneToOne);
    }

    /**
     * Reads a configuration from the map a YAML parser produces. Absent keys keep the defaults. Shape:
     * <pre>
     * comparisons:
     *   - {field: surname, thresholds: [0.92, 0.88, 0.7], term_frequency: true,
     *      veto: {similarity: 0.8, override_bits: 20}, disagreement_cap: 0.1}
     *   - {field: status, disagreement_floor: 0.05, same_list: distinct}
     *   - {field: address, veto: {similarity: 0.8, override_bits: 12}}
     *   - {field: place, veto: false}
     *   - {field: extra.postcode, method: exact}
     * blocking:
     *   - {name: by_surname, keys: [surname_metaphone, birth_year]}
     * match_probability: 0.95
     * review_probability: 0.5
     * same_source_probability: 0.99
     * minimum_average_probability: 0.9
     * block_cap: 5000
     * u_sample_pairs: 1000000
     * em_iterations: 40
     * swap_names: true
     * seed: 42
     * </pre>
     * A comparison's {@code veto} ({@code true}, {@code false} or the mapping) and {@code disagreement_cap} /
     * {@code disagreement_floor} and {@code same_list} ({@code distinct} or {@code any}) default to its field's
     * ({@link ComparisonSpec#standardVeto} …); a mapping's
     * absent key keeps the field's default.
     *
     * @throws LinkageConfigException naming the offending field, e.g.
     *                                {@code comparisons[2].field: unknown field 'burth_year'}
     */
    public static LinkageConfig fromMap(Map<String, Object> map) {
        LinkageConfig base = defaults();
        Set<String> known = Set.of("comparisons", "blocking", "match_probability", "review_probability",
                "same_source_probability", "minimum_average_probability", "block_cap", "u_sample_pairs",
                "em_iterations", "swap_names", "seed", "learn_spellings", "one_to_one");
        for (String key : map.keySet()) {
            if (!known.contains(key)) {
                throw new LinkageConfigException(key + ": unknown setting; known: " + new java.util.TreeSet<>(known));
            }
        }
        List<ComparisonSpec> comparisons = map.containsKey("comparisons")
                ? parseComparisons(list(map.get("comparisons"), "comparisons"))
                : base.comparisons();
        List<BlockingRule> rules = map.containsKey("blocking")
                ? parseRules(list(map.get("blocking"), "blocking"))
                : base.blockingRules();
        return new LinkageConfig(comparisons, rules,
                number(map, "match_probability", base.matchProbability()),
                number(map, "review_probability", base.reviewProbability()),
                number(map, "same_source_probability", base.sameSourceProbability()),
                number(map, "minimum_average_probability", base.minimumAverageProbability()),
                (int) integer(map, "block_cap", base.blockCap()),
                (int) integer(map, "u_sample_pairs", base.uSamplePairs()),
                (int) integer(map, "em_iterations", base.emIterations()),
                bool(map, "swap_names", base.swapNames()),
                integer(map, "seed", base.seed()),
                bool(map, "learn_spellings", base.learnSpellings()),
                bool(map, "one_to_one", base.oneToOne()));
    }

    private static List<ComparisonSpec> parseComparisons(List<?> items) {
        List<ComparisonSpec> specs = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String path = "comparisons[" + i + "]";
            Map<?, ?> item = map(items.get(i), path);
            for (Object key : item.keySet()) {
                if (!Set.of("field", "method", "thresholds", "term_frequency", "veto", "disagreement_cap", "disagreement_floor",
                                "same_list")
                        .contains(String.valueOf(key))) {
                    throw new LinkageConfigException(path + "." + key + ": unknown setting");
                }
            }
            Object fieldValue = item.get("field");
            if (!(fieldValue instanceof String field) || field.isBlank()) {
                throw new LinkageConfigException(path + ".field: required, a field name");
            }
            boolean extra = field.startsWith("extra.") && field.length() > 6;
            if (!extra && !STANDARD_FIELDS.contains(field)) {
                throw new LinkageConfigException(path + ".field: unknown field '" + field + "'; known: "
                        + new java.util.TreeSet<>(STANDARD_FIELDS) + " or extra.COLUMN");
            }
            Method method = extra ? Method.JARO_WINKLER : standardMethod(field);
            if (item.containsKey("method")) {
                String name = String.valueOf(item.get("method")).toUpperCase(Locale.ROOT);
                Method requested;
                try {
                    requested = Method.valueOf(name);
                } catch (IllegalArgumentException e) {
                    throw new LinkageConfigException(path + ".method: unknown method '" + item.get("method") + "'");
                }
                if (extra ? requested != Method.EXACT && requested != Method.JARO_WINKLER : requested != method) {
                    throw new LinkageConfigException(path + ".method: '" + item.get("method")
                            + "' is not available for field '" + field + "'");
                }
                method = requested;
            }
            List<Double> thresholds = defaultThresholds(method);
            if (item.containsKey("thresholds")) {
                List<?> raw = list(item.get("thresholds"), path + ".thresholds");
                thresholds = new ArrayList<>();
                for (int t = 0; t < raw.size(); t++) {
                    if (!(raw.get(t) instanceof Number number)) {
                        throw new LinkageConfigException(path + ".thresholds[" + t + "]: not a number: " + raw.get(t));
                    }
                    thresholds.add(number.doubleValue());
                }
            }
            boolean termFrequency = item.containsKey("term_frequency")
                    ? asBoolean(item.get("term_frequency"), path + ".term_frequency")
                    : method == Method.NAME && !field.equals("patronymic");
            ComparisonSpec.Veto veto = item.containsKey("veto") ? parseVeto(item.get("veto"), field, path + ".veto")
                    : ComparisonSpec.standardVeto(field);
            double cap = item.containsKey("disagreement_cap") ? asNumber(item.get("disagreement_cap"), path + ".disagreement_cap")
                    : ComparisonSpec.standardDisagreementCap(field);
            double floor = item.containsKey("disagreement_floor")
                    ? asNumber(item.get("disagreement_floor"), path + ".disagreement_floor")
                    : ComparisonSpec.standardDisagreementFloor(field);
            ComparisonSpec.SameList sameList = item.containsKey("same_list")
                    ? parseSameList(item.get("same_list"), path + ".same_list")
                    : ComparisonSpec.standardSameList(field);
            specs.add(new ComparisonSpec(field, method, thresholds, termFrequency, veto, cap, floor, sameList));
        }
        return specs;
    }

    /** {@code distinct} or {@code any}. */
    private static ComparisonSpec.SameList parseSameList(Object value, String path) {
        for (ComparisonSpec.SameList rule : ComparisonSpec.SameList.values()) {
            if (rule.configName().equals(value)) {
                return rule;
            }
        }
        throw new LinkageConfigException(path + ": unknown value '" + value + "'; known: any, distinct");
    }

    /** {@code true} (the field's default veto), {@code false} (none) or {similarity, override_bits} over the default. */
    private static ComparisonSpec.Veto parseVeto(Object value, String field, String path) {
        ComparisonSpec.Veto standard = ComparisonSpec.standardVeto(field);
        if (value instanceof Boolean on) {
            if (on && !standard.active()) {
                throw new LinkageConfigException(path + ": '" + field + "' has no default veto; give {similarity, override_bits}");
            }
            return on ? standard : ComparisonSpec.Veto.NONE;
        }
        Map<?, ?> item = map(value, path);
        for (Object key : item.keySet()) {
            if (!Set.of("similarity", "override_bits").contains(String.valueOf(key))) {
                throw new LinkageConfigException(path + "." + key + ": unknown setting");
            }
        }
        if (!standard.active() && !item.containsKey("override_bits")) {
            throw new LinkageConfigException(path + ".override_bits: required, '" + field + "' has no default veto");
        }
        return new ComparisonSpec.Veto(
                item.containsKey("similarity") ? asNumber(item.get("similarity"), path + ".similarity") : standard.similarity(),
                item.containsKey("override_bits") ? asNumber(item.get("override_bits"), path + ".override_bits")
                        : standard.overrideBits());
    }

    private static List<BlockingRule> parseRules(List<?> items) {
        List<BlockingRule> rules = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String path = "blocking[" + i + "]";
            Object item = items.get(i);
            List<?> keyNames;
            String name;
            if (item instanceof List<?> keys) {
                keyNames = keys;
                name = null;
            } else {
                Map<?, ?> rule = map(item, path);
                keyNames = list(rule.get("keys"), path + ".keys");
                name = rule.get("name") == null ? null : String.valueOf(rule.get("name"));
            }
            List<BlockingKey> keys = new ArrayList<>();
            for (int k = 0; k < keyNames.size(); k++) {
                String keyName = String.valueOf(keyNames.get(k));
                int index = k;
                keys.add(BlockingKey.parse(keyName).orElseThrow(() -> new LinkageConfigException(
                        path + ".keys[" + index + "]: unknown blocking key '" + keyName + "'")));
            }
            if (keys.isEmpty()) {
                throw new LinkageConfigException(path + ".keys: at least one key is needed");
            }
            rules.add(new BlockingRule(name != null ? name
                    : String.join("+", keys.stream().map(BlockingKey::configName).toList()), keys));
        }
        return rules;
    }

    static Method standardMethod(String field) {
        return switch (field) {
            case "surname", "given_name", "patronymic" -> Method.NAME;
            case "sex" -> Method.SEX;
            case "birth_date" -> Method.DATE;
            case "place", "address" -> Method.TEXT;
            case "id_number" -> Method.ID_NUMBER;
            case "status" -> Method.EXACT;
            default -> throw new IllegalArgumentException("not a standard field: " + field);
        };
    }

    static List<Double> defaultThresholds(Method method) {
        return switch (method) {
            case NAME -> List.of(0.92, 0.88, 0.70);
            case TEXT, JARO_WINKLER -> List.of(0.92, 0.80);
            case DATE, SEX, ID_NUMBER, EXACT -> List.of();
        };
    }

    private static void validate(List<ComparisonSpec> comparisons, List<BlockingRule> rules, double match,
                                 double review, double sameSource, double average, int cap, int sample,
                                 int iterations) {
        if (comparisons.isEmpty()) {
            throw new LinkageConfigException("comparisons: at least one comparison is needed");
        }
        if (comparisons.size() > MAX_COMPARISONS) {
            throw new LinkageConfigException("comparisons: at most " + MAX_COMPARISONS + " fields, got "
                    + comparisons.size());
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < comparisons.size(); i++) {
            ComparisonSpec spec = comparisons.get(i);
            String path = "comparisons[" + i + "]";
            boolean extra = spec.field().startsWith("extra.") && spec.field().length() > 6;
            if (!extra && !STANDARD_FIELDS.contains(spec.field())) {
                throw new LinkageConfigException(path + ".field: unknown field '" + spec.field() + "'");
            }
            if (!seen.add(spec.field())) {
                throw new LinkageConfigException(path + ".field: '" + spec.field() + "' is compared twice");
            }
            Method expected = extra ? null : standardMethod(spec.field());
            if (extra ? spec.method() != Method.EXACT && spec.method() != Method.JARO_WINKLER
                    : spec.method() != expected) {
                throw new LinkageConfigException(path + ".method: " + spec.method() + " is not available for '"
                        + spec.field() + "'");
            }
            List<Double> thresholds = spec.thresholds();
            boolean wantsThresholds = spec.method() == Method.NAME || spec.method() == Method.TEXT
                    || spec.method() == Method.JARO_WINKLER;
            if (wantsThresholds && (thresholds.isEmpty() || thresholds.size() > 4)) {
                throw new LinkageConfigException(path + ".thresholds: between 1 and 4 thresholds needed");
            }
            for (int t = 0; t < thresholds.size(); t++) {
                double value = thresholds.get(t);
                if (!(value > 0 && value < 1) || (t > 0 && value >= thresholds.get(t - 1))) {
                    throw new LinkageConfigException(path + ".thresholds[" + t + "]: must be in (0, 1) and "
                            + "strictly descending, got " + value);
                }
            }
            validateVeto(spec, path + ".veto");
            if (spec.sameList() == null) {
                throw new LinkageConfigException(path + ".same_list: required");
            }
            if (spec.sameList() == ComparisonSpec.SameList.DISTINCT && !SAME_LIST_METHODS.contains(spec.method())) {
                throw new LinkageConfigException(path + ".same_list: '" + spec.field() + "' cannot be distinct within a "
                        + "list; status, sex, id_number and extra columns can");
            }
            if (!(spec.disagreementCap() > 0 && spec.disagreementCap() <= 1)) {
                throw new LinkageConfigException(path + ".disagreement_cap: must be in (0, 1], got " + spec.disagreementCap());
            }
            if (!(spec.disagreementFloor() >= 0 && spec.disagreementFloor() < 1)) {
                throw new LinkageConfigException(path + ".disagreement_floor: must be in [0, 1), got " + spec.disagreementFloor());
            }
            if (spec.disagreementFloor() > spec.disagreementCap()) {
                throw new LinkageConfigException(path + ".disagreement_floor: must not exceed disagreement_cap ("
                        + spec.disagreementFloor() + " > " + spec.disagreementCap() + ")");
            }
        }
        if (rules.isEmpty()) {
            throw new LinkageConfigException("blocking: at least one rule is needed");
        }
        if (rules.size() > MAX_RULES) {
            throw new LinkageConfigException("blocking: at most " + MAX_RULES + " rules, got " + rules.size());
        }
        for (BlockingRule rule : rules) {
            if (rule.keys().contains(BlockingKey.Standard.ONE_WITHOUT_PLACE)
                    && rule.keys().contains(BlockingKey.Standard.PLACE_UNLESS_NO_BIRTH_YEAR)) {
                throw new LinkageConfigException("blocking: rule '" + rule.name() + "' has two conditions on the place"
                        + " (one_without_place and place_unless_no_birth_year): give it one of them");
            }
        }
        if (!FellegiSunter.fits(comparisons.size(), rules.size())) {
            throw new LinkageConfigException("blocking: " + rules.size() + " rules beside " + comparisons.size()
                    + " comparisons: four times the comparisons plus the rules may be at most 64");
        }
        probability("match_probability", match);
        probability("review_probability", review);
        probability("same_source_probability", sameSource);
        probability("minimum_average_probability", average);
        if (review > match) {
            throw new LinkageConfigException("review_probability: must not exceed match_probability ("
                    + review + " > " + match + ")");
        }
        if (cap < 2) {
            throw new LinkageConfigException("block_cap: must be at least 2, got " + cap);
        }
        if (sample < 1000) {
            throw new LinkageConfigException("u_sample_pairs: must be at least 1000, got " + sample);
        }
        if (iterations < 1) {
            throw new LinkageConfigException("em_iterations: must be at least 1, got " + iterations);
        }
    }

    /** A veto only on names, birth dates, places and addresses; a similarity in (0, 1) except for dates. */
    private static void validateVeto(ComparisonSpec spec, String path) {
        ComparisonSpec.Veto veto = spec.veto();
        if (!veto.active()) {
            if (!veto.equals(ComparisonSpec.Veto.NONE)) {
                throw new LinkageConfigException(path + ".override_bits: must be positive, got " + veto.overrideBits());
            }
            return;
        }
        Method method = spec.method();
        if (method != Method.NAME && method != Method.DATE && method != Method.TEXT) {
            throw new LinkageConfigException(path + ": '" + spec.field() + "' cannot veto; names, birth_date, place and address can");
        }
        if (method == Method.DATE ? veto.similarity() != 0 : !(veto.similarity() > 0 && veto.similarity() < 1)) {
            throw new LinkageConfigException(path + ".similarity: " + (method == Method.DATE
                    ? "birth dates contradict by their years, not by a similarity" : "must be in (0, 1)") + ", got " + veto.similarity());
        }
        if (!Double.isFinite(veto.overrideBits())) {
            throw new LinkageConfigException(path + ".override_bits: must be a finite number of bits, got " + veto.overrideBits());
        }
    }

    private static void probability(String name, double value) {
        if (!(value > 0 && value < 1)) {
            throw new LinkageConfigException(name + ": must be a probability in (0, 1), got " + value);
        }
    }

    private static List<?> list(Object value, String path) {
        if (value instanceof List<?> list) {
            return list;
        }
        throw new LinkageConfigException(path + ": expected a list, got " + describe(value));
    }

    private static Map<?, ?> map(Object value, String path) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new LinkageConfigException(path + ": expected a mapping, got " + describe(value));
    }

    private static double number(Map<String, Object> map, String key, double fallback) {
        Object value = map.get(key);
        return value == null ? fallback : asNumber(value, key);
    }

    private static long integer(Map<String, Object> map, String key, long fallback) {
        Object value = map.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return ((Number) value).longValue();
        }
        throw new LinkageConfigException(key + ": expected an integer, got " + describe(value));
    }

    private static double asNumber(Object value, String path) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        throw new LinkageConfigException(path + ": expected a number, got " + describe(value));
    }

    private static boolean bool(Map<String, Object> map, String key, boolean fallback) {
        Object value = map.get(key);
        return value == null ? fallback : asBoolean(value, key);
    }

    private static boolean asBoolean(Object value, String path) {
        if (value instanceof Boolean bool) {
            return bool;
        }
        throw new LinkageConfigException(path + ": expected true or false, got " + describe(value));
    }

    private static String describe(Object value) {
        return value == null ? "nothing" : "'" + value + "'";
    }
}
