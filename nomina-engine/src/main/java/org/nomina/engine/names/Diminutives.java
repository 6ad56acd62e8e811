package org.nomina.engine.names;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Families of given names that are the same person's name: diminutives (Sasha, Shura → Aleksandr;
 * Bill → William) and spelling families across scripts. Read from a text file with one family per line,
 * names separated by commas, the first one canonical; {@code #} starts a comment.
 *
 * <p>A name listed in two families belongs to the first one (Alex is Aleksandr before Aleksey): the table
 * is for the family <em>level</em> of the comparison, whose weight EM learns, so one ambiguous
 * diminutive costs a little weight, never a forced link. Immutable, thread-safe.
 */
public final class Diminutives {

    private static final String RESOURCE = "diminutives.txt";
    private static volatile Diminutives bundled;

    private final Map<String, String> canonicalByVariant;

    private Diminutives(Map<String, String> canonicalByVariant) {
        this.canonicalByVariant = Map.copyOf(canonicalByVariant);
    }

    /** The table shipped in {@code org/nomina/engine/names/diminutives.txt}. */
    public static Diminutives bundled() {
        Diminutives table = bundled;
        if (table == null) {
            try (InputStream in = Diminutives.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("resource missing: org/nomina/engine/names/" + RESOURCE);
                }
                table = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read org/nomina/engine/names/" + RESOURCE, e);
            }
            bundled = table;
        }
        return table;
    }

    /** Parses lines of comma-separated ASCII or native-script names; entries are lower-cased ASCII here. */
    public static Diminutives parse(List<String> lines) {
        Map<String, String> map = new HashMap<>();
        Map<String, String> folded = new HashMap<>();
        java.util.Set<String> ambiguous = new java.util.HashSet<>();
        for (String line : lines) {
            int hash = line.indexOf('#');
            String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (content.isEmpty()) {
                continue;
            }
            String[] names = content.split(",");
            String canonical = names[0].strip().toLowerCase(Locale.ROOT);
            for (String name : names) {
                String variant = name.strip().toLowerCase(Locale.ROOT);
                if (!variant.isEmpty()) {
                    map.putIfAbsent(variant, canonical);
                    String key = NameNormaliser.fold(variant);
                    String before = folded.putIfAbsent(key, canonical);
                    if (before != null && !before.equals(canonical)) {
                        ambiguous.add(key);
                    }
                }
            }
        }
        // Names as written win over folded forms: "alik" (Aleksandr's line) folds to "ali", which must
        // stay Ali's own family. A folded form that two families share stands for neither: folding drops
        // g, k and h, so Georgian "gogi" (Georgiy's line) and Armenian "hovik" (Hovhannes's) both fold to
        // "oi", and every Ovik and Hovik was read as a Georgiy, of another family than his own Ованес
        // (hard case, 3,000 people, seed 13).
        ambiguous.forEach(folded::remove);
        folded.forEach(map::putIfAbsent);
        return new Diminutives(map);
    }

    /** Reads a table from a reader (for user-supplied extensions). */
    public static Diminutives read(BufferedReader reader) throws IOException {
        return parse(reader.lines().toList());
    }

    /** Reads a table from a stream in UTF-8. */
    public static Diminutives read(InputStream in) throws IOException {
        return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    }

    /** The canonical name of the variant's family, if the table knows the variant. */
    public Optional<String> canonical(String asciiLowerCaseName) {
        return Optional.ofNullable(canonicalByVariant.get(asciiLowerCaseName));
    }

    public int size() {
        return canonicalByVariant.size();
    }
}
