package org.nomina.engine.claims;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The words that give a figure its meaning in one language, read from {@code cues-LANG.txt} beside
 * this class: what category a verb names, which nouns are people, qualifiers, "including", "of them",
 * and the words after a number that make it no figure about people (days, shells, per cent).
 */
final class Cues {

    enum Kind {
        CATEGORY, PERSON, FAMILY, IMPLIED, QUALIFIER_BEFORE, QUALIFIER_AFTER, INCLUDING, OF_THEM, CONTAINER, COPULA, BOTH, BLOCKER,
        NUMBER_SIGN, YEAR_WORD, YEAR_BEFORE, MONTH, EVENT, EVENT_MARKER, VAGUE, RANGE_START, RANGE_JOIN, RANGE_FROM, RANGE_BETWEEN, RANGE_END, LINK, LIST
    }

    /** One phrase: folded words, each ending in {@code *} matching any word it begins. */
    record Phrase(Kind kind, String argument, List<String> words) {
    }

    /** A phrase found at tokens {@code [from, to)}. */
    record Match(Phrase phrase, int from, int to) {
        String argument() {
            return phrase.argument();
        }
    }

    private static final Map<ClaimLanguage, Cues> LOADED = new EnumMap<>(ClaimLanguage.class);

    private final Map<Kind, List<Phrase>> phrases = new EnumMap<>(Kind.class);

    private Cues(List<Phrase> all) {
        for (Kind k : Kind.values()) {
            phrases.put(k, new ArrayList<>());
        }
        for (Phrase p : all) {
            phrases.get(p.kind()).add(p);
        }
    }

    static synchronized Cues of(ClaimLanguage language) {
        return LOADED.computeIfAbsent(language, l -> {
            String resource = "cues-" + l.code() + ".txt";
            try (InputStream in = Cues.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("the claims word list " + resource + " is missing from the build");
                }
                return new Cues(parse(resource, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static List<Phrase> parse(String name, List<String> lines) {
        List<Phrase> out = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf(" = ");
            if (eq < 0 && !line.endsWith(" =")) {
                throw new IllegalStateException(name + " line " + (n + 1) + ": expected KIND [ARGUMENT] = phrases, got: " + line);
            }
            String[] head = line.substring(0, eq < 0 ? line.length() - 2 : eq).trim().split("\\s+");
            String body = eq < 0 ? "" : line.substring(eq + 3);
            Kind kind;
            String argument = head.length > 1 ? head[1] : "";
            String k = head[0].toUpperCase(Locale.ROOT);
            if (k.equals("QUALIFIER")) {
                if (head.length != 3) {
                    throw new IllegalStateException(name + " line " + (n + 1) + ": a qualifier line names the qualifier and before|after");
                }
                kind = head[2].equals("after") ? Kind.QUALIFIER_AFTER : Kind.QUALIFIER_BEFORE;
            } else {
                kind = Kind.valueOf(k);
            }
            for (String phrase : body.split(" ; ")) {
                String p = phrase.strip();
                if (p.isEmpty()) {
                    continue;
                }
                List<String> words = new ArrayList<>();
                for (String w : p.split("\\s+")) {
                    words.add(Words.fold(w));
                }
                out.add(new Phrase(kind, argument, List.copyOf(words)));
            }
        }
        return out;
    }

    /** The longest phrase of {@code kind} that starts at token {@code at}. */
    Optional<Match> at(List<Token> tokens, int at, Kind kind) {
        Match best = null;
        for (Phrase p : phrases.get(kind)) {
            if (matches(p, tokens, at) && (best == null || longer(p, best.phrase()))) {
                best = new Match(p, at, at + p.words().size());
            }
        }
        return Optional.ofNullable(best);
    }

    /** The longest phrase of {@code kind} that ends just before token {@code end}. */
    Optional<Match> endingAt(List<Token> tokens, int end, Kind kind) {
        Match best = null;
        for (Phrase p : phrases.get(kind)) {
            int from = end - p.words().size();
            if (from >= 0 && matches(p, tokens, from) && (best == null || longer(p, best.phrase()))) {
                best = new Match(p, from, end);
            }
        }
        return Optional.ofNullable(best);
    }

    boolean isAt(List<Token> tokens, int at, Kind kind) {
        return at >= 0 && at < tokens.size() && at(tokens, at, kind).isPresent();
    }

    /** True when the single folded word is one of the phrases of {@code kind}. */
    boolean isWord(String folded, Kind kind) {
        for (Phrase p : phrases.get(kind)) {
            if (p.words().size() == 1 && wordMatches(p.words().get(0), folded)) {
                return true;
            }
        }
        return false;
    }

    /** More words wins; among as many words, the longer spelling ("տղամարդ*" men over "տղա*" boys). */
    private static boolean longer(Phrase candidate, Phrase best) {
        if (candidate.words().size() != best.words().size()) {
            return candidate.words().size() > best.words().size();
        }
        return String.join(" ", candidate.words()).length() > String.join(" ", best.words()).length();
    }

    private static boolean matches(Phrase p, List<Token> tokens, int at) {
        if (at + p.words().size() > tokens.size()) {
            return false;
        }
        for (int i = 0; i < p.words().size(); i++) {
            if (!wordMatches(p.words().get(i), tokens.get(at + i).folded())) {
                return false;
            }
        }
        return true;
    }

    private static boolean wordMatches(String pattern, String word) {
        if (pattern.length() > 1 && pattern.startsWith("*")) {
            return word.length() > pattern.length() + 1 && word.endsWith(pattern.substring(1)); // a case ending: "*dan"
        }
        if (pattern.length() > 1 && pattern.endsWith("*")) {
            return word.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return pattern.equals(word);
    }
}
