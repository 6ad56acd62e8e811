package org.nomina.engine.linkage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.nomina.engine.names.NameNormaliser;

/**
 * Pairs of strings as the linker compares them, from the fictional {@link SyntheticPopulation}: surnames,
 * given names and places normalised the way the comparison stage normalises them, half from records of
 * the same person (spelling variants, typos) and half from different people whose surnames start alike
 * (the pairs blocking lets through). Also identity numbers with typos, for the bounded Levenshtein.
 */
final class NamePairs {

    record Pair(String left, String right) {
    }

    private NamePairs() {
    }

    /** About {@code 6 × people} pairs: surname, given name and place, of the same and of different people. */
    static List<Pair> names(int people, long seed) {
        Febrl.Data population = SyntheticPopulation.generate(people, 5, seed);
        NameNormaliser normaliser = NameNormaliser.shared();
        Map<Integer, List<LinkRecord>> byEntity = new HashMap<>();
        for (LinkRecord record : population.records()) {
            byEntity.computeIfAbsent(population.entityByKey().get(record.key()), e -> new ArrayList<>()).add(record);
        }
        Map<Character, List<LinkRecord>> byInitial = new HashMap<>();
        List<Pair> pairs = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(seed);
        for (List<LinkRecord> records : byEntity.values()) {
            if (records.size() >= 2) {
                add(pairs, normaliser, records.get(0), records.get(1));
            }
            String surname = normaliser.surname(records.get(0).surname()).form();
            if (!surname.isEmpty()) {
                byInitial.computeIfAbsent(surname.charAt(0), c -> new ArrayList<>()).add(records.get(0));
            }
        }
        for (List<LinkRecord> block : byInitial.values()) {
            for (int i = 0; i + 1 < block.size() && i < people; i++) {
                add(pairs, normaliser, block.get(i), block.get(random.nextInt(block.size())));
            }
        }
        return pairs;
    }

    private static void add(List<Pair> pairs, NameNormaliser normaliser, LinkRecord a, LinkRecord b) {
        pairs.add(new Pair(normaliser.surname(a.surname()).form(), normaliser.surname(b.surname()).form()));
        pairs.add(new Pair(normaliser.givenName(a.givenName()).form(), normaliser.givenName(b.givenName()).form()));
        pairs.add(new Pair(normaliser.place(a.place()), normaliser.place(b.place())));
    }

    /** Identity numbers (8 to 12 characters) and a copy with 0 to 3 typos each: substitutions, drops, insertions. */
    static List<Pair> idNumbers(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String alphabet = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ";
        List<Pair> pairs = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            StringBuilder id = new StringBuilder();
            int length = 8 + random.nextInt(5);
            for (int i = 0; i < length; i++) {
                id.append(alphabet.charAt(random.nextInt(i < 2 ? alphabet.length() : 10)));
            }
            StringBuilder typo = new StringBuilder(id);
            for (int t = random.nextInt(4); t > 0 && typo.length() > 1; t--) {
                int at = random.nextInt(typo.length());
                switch (random.nextInt(3)) {
                    case 0 -> typo.setCharAt(at, alphabet.charAt(random.nextInt(10)));
                    case 1 -> typo.deleteCharAt(at);
                    default -> typo.insert(at, alphabet.charAt(random.nextInt(10)));
                }
            }
            pairs.add(new Pair(id.toString(), typo.toString()));
        }
        return pairs;
    }
}
