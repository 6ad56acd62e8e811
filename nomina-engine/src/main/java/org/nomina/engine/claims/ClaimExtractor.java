package org.nomina.engine.claims;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.nomina.engine.claims.Cues.Kind;
import org.nomina.engine.claims.Cues.Match;

/**
 * Reads the aggregate figures about people that a narrative text states, in English, Russian,
 * Azerbaijani or Armenian.
 *
 * <p>How, sentence by sentence ({@link Sentences}):
 * <ol>
 *   <li>every number — digits as people group them, words through {@link SpelledNumbers}, vague
 *       quantities — is a figure about people only when people are named right after it ("613
 *       civilians", "63-ü uşaq", "150 of them"), or a category word follows it ("more than 100 killed",
 *       "487 were injured"), or a category word and a colon stand before it ("Killed: 613"). Dates,
 *       years, ordinals, unit numbers, durations, percentages and counts of things fail that test or are
 *       refused outright by the word after them;</li>
 *   <li>a figure after "including" / "в том числе" / "o cümlədən" / "այդ թվում" and the figures listed
 *       with it break down the figure before; a figure after "of them" / "из них" / "onlardan" /
 *       "նրանցից", or followed by "of them", breaks down the latest figure before it and may name a
 *       category of its own;</li>
 *   <li>each category word goes to the figure nearest to it (punctuation counts as three words), so
 *       "613 people were killed, 487 wounded" and "killed 613 people and wounded 487" both read right;
 *       a figure with none takes the category of the figure it is listed with, or of its parent;</li>
 *   <li>a sentence that names another event ("during the 44-day war") gives its figures that event's label;</li>
 *   <li>a sentence repeated word for word is read once.</li>
 * </ol>
 * The words are in {@code cues-LANG.txt}; nothing here is tuned to particular texts.
 *
 * <p>Stateless and thread-safe.
 */
public final class ClaimExtractor {

    /** The label of the event a text is about, unless it names another. */
    public static final String MAIN_INCIDENT = "main";

    private final ClaimLanguage language;
    private final Cues cues;
    private final SpelledNumbers numbers;

    private ClaimExtractor(ClaimLanguage language) {
        this.language = language;
        this.cues = Cues.of(language);
        this.numbers = SpelledNumbers.of(language);
    }

    /**
     * Extracts the claims of {@code text}.
     *
     * @param language     the text's language; empty to guess it from its letters
     * @param mainIncident the label for figures about the text's own event
     */
    public static ClaimExtraction extract(String text, Optional<ClaimLanguage> language, String mainIncident) {
        ClaimLanguage lang = language.orElseGet(() -> ClaimLanguage.guess(text));
        return new ClaimExtractor(lang).run(text, mainIncident);
    }

    /** A figure found in a sentence, before it becomes a claim. */
    private static final class Mention {
        int first;          // first token (qualifier included)
        int last;           // last token (noun or adjacent category word included)
        OptionalLong low = OptionalLong.empty();
        OptionalLong high = OptionalLong.empty();
        Qualifier qualifier = Qualifier.EXACT;
        Optional<Subgroup> subgroup = Optional.empty();
        Optional<ClaimCategory> implied = Optional.empty();
        Optional<ClaimCategory> ownCue = Optional.empty();
        boolean family;
        boolean backReference;    // "150 of them", "of whom 150"
        boolean part;             // listed after "including"
        boolean noun;             // people are named after the number
        boolean container;        // "of the 58 hostages", "58 girovdan": the figures after it in the sentence break it down
        Mention head;             // for a part: the figure it is listed under
        Mention parentAcross;     // for a back reference: the figure it breaks down
        Optional<ClaimCategory> markerCategory = Optional.empty(); // "among the dead": the category of the figure broken down
        Claim parentClaim;        // the same, when the parent was in an earlier sentence
        ClaimCategory category;
        String incident;
        int id;
        int cueDistance = Integer.MAX_VALUE;
    }

    private ClaimExtraction run(String text, String mainIncident) {
        List<Claim> claims = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Set<String> seenSentences = new HashSet<>();
        int duplicates = 0;
        Claim lastHead = null;
        java.util.Map<ClaimCategory, Claim> lastHeadOf = new java.util.EnumMap<>(ClaimCategory.class);
        for (int[] sentence : Sentences.split(text)) {
            int start = sentence[0];
            int end = sentence[1];
            List<Token> tokens = Token.tokenize(text, start, end);
            List<Mention> mentions = findMentions(tokens);
            if (mentions.isEmpty()) {
                continue;
            }
            String key = Words.fold(text.substring(start, end)).replaceAll("\\s+", " ").strip();
            if (!seenSentences.add(key)) {
                duplicates += mentions.size();
                continue;
            }
            group(tokens, mentions);
            assignCategories(tokens, mentions);
            String incident = eventLabel(text, tokens).orElse(mainIncident);
            for (Mention m : mentions) {
                Claim earlier = m.markerCategory.map(lastHeadOf::get).orElse(lastHead);
                if (m.backReference && m.parentAcross == null && !m.part || m.part && m.head == null) {
                    m.parentClaim = earlier == null ? lastHead : earlier;
                }
                if (m.category == null) {
                    Mention parent = m.part ? m.head : m.parentAcross;
                    if (parent != null && parent.category != null) {
                        m.category = parent.category;
                    } else if (m.parentClaim != null && (m.part || m.backReference)) {
                        m.category = m.parentClaim.category();
                    }
                }
                if (m.family && (m.category == null || m.category == ClaimCategory.KILLED)) {
                    m.category = ClaimCategory.FAMILIES_DESTROYED;
                }
                String quote = text.substring(tokens.get(m.first).start(), tokens.get(m.last).end());
                if (m.category == null) {
                    warnings.add("a figure about people with no word saying what happened to them was left out: \"" + quote + "\"");
                    continue;
                }
                OptionalInt parent = OptionalInt.empty();
                Mention parentMention = m.part ? m.head : m.parentAcross;
                if (parentMention != null && parentMention.id > 0) {
                    parent = OptionalInt.of(parentMention.id);
                    m.incident = parentMention.incident;
                } else if (m.parentClaim != null) {
                    parent = OptionalInt.of(m.parentClaim.id());
                    m.incident = m.parentClaim.incident();
                }
                if (m.incident == null) {
                    m.incident = incident;
                }
                m.id = claims.size() + 1;
                OptionalLong count = m.qualifier != Qualifier.RANGE && m.low.isPresent() ? m.low : OptionalLong.empty();
                Claim claim = new Claim(m.id, m.category, m.subgroup, count, m.low, m.high, m.qualifier, parent, m.incident, quote,
                        tokens.get(m.first).start(), tokens.get(m.last).end());
                claims.add(claim);
                if (!m.part && parent.isEmpty()) {
                    lastHead = claim;
                    lastHeadOf.put(claim.category(), claim);
                }
            }
        }
        return new ClaimExtraction(language, claims, duplicates, warnings);
    }

    // ---- finding figures ------------------------------------------------------------------------

    private List<Mention> findMentions(List<Token> tokens) {
        List<Mention> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Optional<Reading> reading = readNumber(tokens, i);
            if (reading.isEmpty()) {
                i++;
                continue;
            }
            Optional<Mention> mention = figure(tokens, i, reading.get());
            if (mention.isPresent()) {
                out.add(mention.get());
                i = mention.get().last + 1;
            } else {
                i = reading.get().end;
            }
        }
        return out;
    }

    /** A number at a token: its value (NaN for a vague quantity) and the token after it. */
    private record Reading(double value, int end, boolean vague, boolean dozen, boolean digits) {
    }

    private Optional<Reading> readNumber(List<Token> tokens, int i) {
        Token t = tokens.get(i);
        if (t.isNumber()) {
            double value = t.value();
            int end = i + 1;
            if (end < tokens.size() && tokens.get(end).isWord() && numbers.isMultiplier(tokens.get(end).folded())) {
                value *= numbers.valueOf(tokens.get(end).folded()).orElse(1);
                end++;
                if (end < tokens.size() && tokens.get(end).raw().equals(".") && tokens.get(end).touches(tokens.get(end - 1))
                        && tokens.get(end - 1).folded().length() <= 4) {
                    end++; // "1,5 тыс."
                }
            }
            return Optional.of(new Reading(value, end, false, false, true));
        }
        if (!t.isWord()) {
            return Optional.empty();
        }
        Optional<Match> vague = cues.at(tokens, i, Kind.VAGUE);
        if (vague.isPresent() && vague.get().to() == i + 1 && numbers.isNumberWord(t.folded())
                && cues.endingAt(tokens, i, Kind.QUALIFIER_BEFORE).isPresent()) {
            vague = Optional.empty(); // "Более тысячи жителей": more than a thousand, not "thousands"
        }
        if (vague.isPresent()) {
            return Optional.of(new Reading(Double.NaN, vague.get().to(), true, false, false));
        }
        List<String> words = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        int j = i;
        while (j < tokens.size()) {
            Token w = tokens.get(j);
            if (w.isPunct() && w.raw().equals("-") && j + 1 < tokens.size() && tokens.get(j + 1).touches(w) && w.touches(tokens.get(j - 1))
                    && !words.isEmpty()) {
                j++; // "sixty-three"
                continue;
            }
            if (!w.isWord()) {
                break;
            }
            Optional<String> stem = numberStem(w.folded());
            if (stem.isEmpty() && !w.folded().equals("and")) {
                break;
            }
            words.add(stem.orElse(w.folded()));
            ends.add(j + 1);
            j++;
            if (stem.isPresent() && !stem.get().equals(w.folded())) {
                break; // a case ending closes the number: "altmış üçü"
            }
        }
        if (words.isEmpty()) {
            return Optional.empty();
        }
        Optional<SpelledNumbers.Reading> read = numbers.read(words);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        int end = ends.get(read.get().words() - 1);
        return Optional.of(new Reading(read.get().value(), end, false, words.subList(0, read.get().words()).contains("dozen"), false));
    }

    /** The number word a folded word is, with an Azerbaijani or Armenian case ending taken off if need be. */
    private Optional<String> numberStem(String folded) {
        if (numbers.isNumberWord(folded)) {
            return Optional.of(folded);
        }
        List<String> endings = switch (language) {
            case AZ -> List.of("ndan", "ndən", "nın", "nin", "nun", "nün", "dan", "dən", "sı", "si", "su", "sü", "nı", "ni", "nu", "nü",
                    "ya", "yə", "ı", "i", "u", "ü", "a", "ə");
            case HY -> List.of("ից", "ին", "ի", "ը", "ն", "ու");
            case EN, RU -> List.<String>of();
        };
        for (String e : endings) {
            if (folded.length() > e.length() + 1 && folded.endsWith(e) && numbers.isNumberWord(folded.substring(0, folded.length() - e.length()))) {
                return Optional.of(folded.substring(0, folded.length() - e.length()));
            }
        }
        // A case ending after a possessive one: "on dördünün" (of fourteen of them) is dörd + ü + nün.
        for (String e : endings) {
            String rest = folded.length() > e.length() + 2 && folded.endsWith(e) ? folded.substring(0, folded.length() - e.length()) : "";
            for (String possessive : language == ClaimLanguage.AZ ? List.of("sı", "si", "su", "sü", "ı", "i", "u", "ü") : List.<String>of()) {
                if (rest.length() > possessive.length() + 1 && rest.endsWith(possessive)
                        && numbers.isNumberWord(rest.substring(0, rest.length() - possessive.length()))) {
                    return Optional.of(rest.substring(0, rest.length() - possessive.length()));
                }
            }
        }
        return Optional.empty();
    }

    /** Decides whether the number at {@code i} is a figure about people, and reads its parts. */
    private Optional<Mention> figure(List<Token> tokens, int i, Reading reading) {
        int end = reading.end();
        Mention m = new Mention();
        m.first = i;
        // A range: "200-300", "200 to 300", "between 200 and 300", "от 200 до 300".
        double high = reading.value();
        if (!reading.vague() && end + 1 < tokens.size() && cues.isAt(tokens, end, Kind.RANGE_JOIN)) {
            Token join = tokens.get(end);
            boolean dash = join.isPunct();
            boolean started = i > 0 && cues.isAt(tokens, i - 1, Kind.RANGE_START);
            boolean to = join.folded().equals("to");
            if (dash || started || to) {
                Optional<Reading> second = readNumber(tokens, end + 1);
                if (second.isPresent() && !second.get().vague() && second.get().value() > reading.value()
                        && (!join.folded().equals("and") || started)) {
                    high = second.get().value();
                    end = second.get().end();
                    m.qualifier = Qualifier.RANGE;
                    if (started) {
                        m.first = i - 1;
                    }
                }
            }
        }
        if (!reading.vague() && m.qualifier == Qualifier.EXACT) {
            Optional<Reading> upTo = postpositionalRange(tokens, end, reading);
            if (upTo.isPresent()) {
                high = upTo.get().value();
                end = upTo.get().end();
                m.qualifier = Qualifier.RANGE;
            }
        }
        if (!reading.vague() && (reading.value() != Math.floor(reading.value()) || high != Math.floor(high) || reading.value() <= 0)) {
            return Optional.empty(); // 26.02 of a date, 2.5 kilometres
        }
        if (isDistractorAround(tokens, i, end, reading)) {
            return Optional.empty();
        }
        // What stands right after the number: a case ending ("63-ü", "487-ը"), then people or a category word.
        int after = end;
        if (reading.digits() && after < tokens.size()) {
            Token next = tokens.get(after);
            if (next.raw().equals("-") && next.touches(tokens.get(after - 1)) && after + 1 < tokens.size()
                    && tokens.get(after + 1).isWord() && tokens.get(after + 1).touches(next)) {
                if (cues.isWord(tokens.get(after + 1).folded(), Kind.BLOCKER) || cues.isWord(tokens.get(after + 1).folded(), Kind.YEAR_WORD)) {
                    return Optional.empty();
                }
                after += 2;
            } else if (next.isWord() && next.touches(tokens.get(after - 1))) {
                if (cues.isWord(next.folded(), Kind.BLOCKER) || cues.isWord(next.folded(), Kind.YEAR_WORD)) {
                    return Optional.empty(); // 26th, 30-летие written together
                }
                after += 1;
            }
        }
        Optional<Match> qualifierAfter = cues.at(tokens, after, Kind.QUALIFIER_AFTER);
        if (qualifierAfter.isPresent() && m.qualifier == Qualifier.EXACT) {
            m.qualifier = Qualifier.fromLabel(qualifierAfter.get().argument()).orElseThrow();
            after = qualifierAfter.get().to();
        }
        int nounEnd = -1;
        Optional<Match> ofThem = cues.at(tokens, after, Kind.OF_THEM);
        int bothAt = after < tokens.size() && "—–՝:".contains(tokens.get(after).raw()) ? after + 1 : after;
        Optional<Match> both = cues.at(tokens, bothAt, Kind.BOTH);
        if (ofThem.isPresent()) {
            m.backReference = true;
            nounEnd = ofThem.get().to();
            for (int t = 0; t < ofThem.get().to() - ofThem.get().from(); t++) {
                Optional<Match> cue = cues.at(tokens, ofThem.get().from() + t, Kind.CATEGORY);
                if (cue.isPresent()) {
                    m.markerCategory = ClaimCategory.fromLabel(cue.get().argument()); // "six of the dead"
                }
            }
            int noun = peopleAfter(tokens, nounEnd, m);
            if (noun > 0 && m.subgroup.isPresent()) {
                nounEnd = noun; // "six of the dead were children"
            }
        } else if (both.isPresent() && !cues.isAt(tokens, after, Kind.PERSON)) {
            m.ownCue = Optional.of(ClaimCategory.ORPHANED_BOTH_PARENTS);
            nounEnd = both.get().to();
            Optional<Match> cue = cues.at(tokens, nounEnd, Kind.CATEGORY);
            if (cue.isPresent()) {
                nounEnd = cue.get().to();
            }
        } else {
            nounEnd = peopleAfter(tokens, after, m);
        }
        if (nounEnd < 0 && cues.endingAt(tokens, m.first, Kind.OF_THEM).isPresent()) {
            m.backReference = true; // "of whom 150", "նրանցից 150-ի"
            nounEnd = after;
        }
        if (nounEnd < 0) {
            nounEnd = cueBefore(tokens, m.first, end, m);
            if (nounEnd < 0) {
                return Optional.empty();
            }
            nounEnd = Math.max(nounEnd, after); // the case ending and a qualifier after the number belong to the quote
        }
        Optional<Match> qualifierAfterNoun = cues.at(tokens, nounEnd, Kind.QUALIFIER_AFTER);
        if (qualifierAfterNoun.isPresent() && m.qualifier == Qualifier.EXACT && nounEnd > after) {
            m.qualifier = Qualifier.fromLabel(qualifierAfterNoun.get().argument()).orElseThrow(); // "2 500 nəfərə qədər"
            nounEnd = qualifierAfterNoun.get().to();
        }
        m.last = Math.max(nounEnd, end) - 1;
        if (!m.backReference && m.noun && !reading.vague()) {
            boolean ofThe = cues.endingAt(tokens, m.first, Kind.CONTAINER).filter(x -> !x.phrase().words().get(0).startsWith("*")).isPresent();
            boolean ablative = false;
            for (int k = after; k < nounEnd; k++) {
                ablative |= tokens.get(k).isWord() && cues.isAt(tokens, k, Kind.CONTAINER) && cues.isAt(tokens, k, Kind.PERSON);
            }
            m.container = ofThe || ablative;
        }
        if (reading.vague()) {
            m.qualifier = Qualifier.VAGUE;
        } else {
            m.low = OptionalLong.of((long) reading.value());
            m.high = OptionalLong.of((long) high);
            if (m.qualifier == Qualifier.EXACT) {
                Optional<Match> before = cues.endingAt(tokens, m.first, Kind.QUALIFIER_BEFORE);
                if (before.isPresent()) {
                    m.qualifier = Qualifier.fromLabel(before.get().argument()).orElseThrow();
                    m.first = before.get().from();
                } else if (reading.dozen()) {
                    m.qualifier = Qualifier.ABOUT;
                }
            }
        }
        return Optional.of(m);
    }

    /**
     * A range written with postpositions, as Azerbaijani and Armenian write it: "80-dən 120-yə qədər",
     * "80 ilə 120 arasında", "80-ից 120", "80-ից մինչև 120". The first number takes the ablative ending
     * ({@code range_from}), or the two are joined by "ilə" and closed by "arasında" ({@code range_between},
     * {@code range_end}); the second must be the larger. Returns the second number's value and the token
     * after the range (its case ending and closing word included).
     */
    private Optional<Reading> postpositionalRange(List<Token> tokens, int end, Reading first) {
        int j = end;
        boolean ablative = false;
        if (first.digits() && j + 1 < tokens.size() && tokens.get(j).raw().equals("-") && tokens.get(j).touches(tokens.get(j - 1))
                && tokens.get(j + 1).touches(tokens.get(j)) && cues.isAt(tokens, j + 1, Kind.RANGE_FROM)) {
            ablative = true;
            j += 2;
        } else if (j < tokens.size() && tokens.get(j).isWord() && tokens.get(j).touches(tokens.get(j - 1)) && cues.isAt(tokens, j, Kind.RANGE_FROM)) {
            ablative = true;
            j += 1;
        }
        boolean between = false;
        Optional<Match> join = cues.at(tokens, j, ablative ? Kind.RANGE_JOIN : Kind.RANGE_BETWEEN);
        if (join.isPresent() && !tokens.get(j).isPunct()) {
            between = !ablative;
            j = join.get().to();
        }
        if (!ablative && !between || j >= tokens.size()) {
            return Optional.empty();
        }
        Optional<Reading> second = readNumber(tokens, j);
        if (second.isEmpty() || second.get().vague() || second.get().value() <= first.value()) {
            return Optional.empty();
        }
        int k = second.get().end();
        if (second.get().digits() && k + 1 < tokens.size() && tokens.get(k).raw().equals("-") && tokens.get(k).touches(tokens.get(k - 1))
                && tokens.get(k + 1).isWord() && tokens.get(k + 1).touches(tokens.get(k))
                && !cues.isWord(tokens.get(k + 1).folded(), Kind.BLOCKER)) {
            k += 2; // "120-yə", "120-ը"
        }
        Optional<Match> close = cues.at(tokens, k, Kind.RANGE_END);
        if (close.isPresent()) {
            k = close.get().to();
        } else if (between) {
            return Optional.empty(); // "80 ilə 120" with no "arasında" is "80 with 120"
        }
        return Optional.of(new Reading(second.get().value(), k, false, false, second.get().digits()));
    }

    /**
     * Looks for the people a number counts in the few words after it. Returns the token after the noun
     * (or after the category word that stands for it), or -1 when the number counts no people.
     */
    private int peopleAfter(List<Token> tokens, int after, Mention m) {
        int k = after;
        int words = 0;
        boolean unknown = false;
        while (k < tokens.size() && words < 4) {
            Token t = tokens.get(k);
            if (unknown && t.isWord() && cues.isAt(tokens, k, Kind.YEAR_BEFORE) && !cues.isAt(tokens, k, Kind.OF_THEM)) {
                return -1; // "2 мемориала с именами погибших": a noun with what it holds counts things, not the people named after it
            }
            if (t.isPunct() && !(t.raw().equals("-") && k > 0 && t.touches(tokens.get(k - 1)))) {
                if (!(t.raw().equals("–") || t.raw().equals("—") || t.raw().equals("՝")) || words > 0) {
                    return -1;
                }
                k++;
                continue;
            }
            if (t.isNumber() || t.isWord() && numbers.isNumberWord(t.folded()) && !t.folded().equals("a")) {
                return -1;
            }
            Optional<Match> family = cues.at(tokens, k, Kind.FAMILY);
            if (family.isPresent()) {
                m.family = true;
                return family.get().to();
            }
            Optional<Match> person = cues.at(tokens, k, Kind.PERSON);
            if (person.isPresent() && k > after && cues.isAt(tokens, k, Kind.CATEGORY)) {
                person = Optional.empty(); // "96 were wounded": after a verb, a word that is both is what happened
            }
            Optional<Match> longer = cues.at(tokens, k, Kind.CATEGORY);
            if (person.isPresent() && longer.isPresent() && longer.get().to() > person.get().to()) {
                // "2 300 sakini olan qəsəbə", "1 200 բնակիչ ունեցող": the longer phrase names what the people are
                readNoun(tokens, m, person.get());
                m.ownCue = ClaimCategory.fromLabel(longer.get().argument());
                return longer.get().to();
            }
            if (person.isPresent()) {
                readNoun(tokens, m, person.get());
                int to = person.get().to();
                // "elderly people", "мирных жителей": a second noun belongs to the same phrase.
                Optional<Match> more = cues.at(tokens, to, Kind.PERSON);
                if (more.isPresent()) {
                    if (m.subgroup.isEmpty()) {
                        readNoun(tokens, m, more.get());
                    }
                    to = more.get().to();
                }
                Optional<Match> ofThem = cues.at(tokens, to, Kind.OF_THEM);
                if (ofThem.isPresent()) {
                    m.backReference = true;
                    to = ofThem.get().to();
                }
                if (m.subgroup.isEmpty() && m.implied.isPresent()) {
                    // "Шестеро погибших — дети": the dead, and who they were
                    int w = to;
                    while (w < tokens.size() && (cues.isAt(tokens, w, Kind.COPULA) || "—–:՝".contains(tokens.get(w).raw()))) {
                        w = cues.at(tokens, w, Kind.COPULA).map(Match::to).orElse(w + 1);
                    }
                    Optional<Match> who = cues.at(tokens, w, Kind.PERSON);
                    if (w > to && who.isPresent() && !who.get().argument().equals("-")) {
                        m.subgroup = Subgroup.fromLabel(who.get().argument());
                        m.backReference = true;
                        m.markerCategory = m.implied;
                        to = who.get().to();
                    }
                }
                return to;
            }
            if (k == after && cues.isAt(tokens, k, Kind.BLOCKER) && !cues.isAt(tokens, k + 1, Kind.PERSON)) {
                return -1; // "44 days", "400 shells" — but "600 kənd sakini", village residents
            }
            Optional<Match> cue = cues.at(tokens, k, Kind.CATEGORY);
            if (cue.isPresent()) {
                m.ownCue = ClaimCategory.fromLabel(cue.get().argument());
                return cue.get().to();
            }
            Optional<Match> copula = cues.at(tokens, k, Kind.COPULA);
            if (copula.isPresent()) {
                k = copula.get().to();
                words++;
                continue;
            }
            if (cues.isAt(tokens, k, Kind.BLOCKER) && !cues.isAt(tokens, k + 1, Kind.PERSON) || cues.isAt(tokens, k, Kind.MONTH)
                    || cues.isAt(tokens, k, Kind.YEAR_WORD)) {
                return -1;
            }
            unknown = t.isWord();
            words++;
            k++;
        }
        return -1;
    }

    private void readNoun(List<Token> tokens, Mention m, Match noun) {
        m.noun = true;
        if (!noun.argument().equals("-") && m.subgroup.isEmpty()) {
            m.subgroup = Subgroup.fromLabel(noun.argument());
        }
        if (m.implied.isEmpty()) {
            m.implied = cues.at(tokens, noun.from(), Kind.IMPLIED).flatMap(x -> ClaimCategory.fromLabel(x.argument()));
        }
    }

    /**
     * "Killed: 613", "погибших — 613", "wounded 487.": a category word just before the number (or before a
     * colon or dash before it), when nothing follows the number in its clause.
     */
    private int cueBefore(List<Token> tokens, int first, int end, Mention m) {
        if (end < tokens.size() && !tokens.get(end).isPunct() && !cues.isAt(tokens, end, Kind.LIST)
                && !cues.isAt(tokens, end, Kind.YEAR_BEFORE) && !cues.isAt(tokens, end, Kind.EVENT_MARKER)) {
            return -1; // "injured 64 on Tuesday" reads; "killed 3 ambulances" does not
        }
        int before = first;
        Optional<Match> qualifier = cues.endingAt(tokens, before, Kind.QUALIFIER_BEFORE);
        if (qualifier.isPresent()) {
            before = qualifier.get().from();
        }
        Optional<Match> whole = cues.endingAt(tokens, before, Kind.CATEGORY);
        if (whole.isPresent() && whole.get().phrase().words().size() > 1) {
            m.ownCue = ClaimCategory.fromLabel(whole.get().argument()); // "a town of 6,400": the link is part of the phrase
            return end;
        }
        Optional<Match> link = cues.endingAt(tokens, before, Kind.LINK);
        if (link.isPresent()) {
            before = link.get().from(); // "a population of about 4,500", "Wounded: more than 300"
        }
        Optional<Match> cue = cues.endingAt(tokens, before, Kind.CATEGORY);
        if (cue.isEmpty() && link.isPresent() && before >= 2 && tokens.get(before - 1).isWord()) {
            cue = cues.endingAt(tokens, before - 1, Kind.CATEGORY); // "Həlak olanlar: 214", "Girov götürülənlər: 96"
        }
        if (cue.isEmpty()) {
            return -1;
        }
        m.ownCue = ClaimCategory.fromLabel(cue.get().argument());
        return end;
    }

    /** Dates, years, "No. 366", "12.03.1951": numbers the words around them show to be no count of people. */
    private boolean isDistractorAround(List<Token> tokens, int i, int end, Reading reading) {
        Token previous = i > 0 ? tokens.get(i - 1) : null;
        Token next = end < tokens.size() ? tokens.get(end) : null;
        if (previous != null && (cues.isAt(tokens, i - 1, Kind.NUMBER_SIGN) || cues.isAt(tokens, i - 1, Kind.MONTH))) {
            return true;
        }
        if (i > 1 && previous.raw().equals(".") && cues.isAt(tokens, i - 2, Kind.NUMBER_SIGN)) {
            return true;
        }
        if (next != null && cues.isAt(tokens, end, Kind.MONTH)) {
            return true;
        }
        if (next != null && next.isPunct() && "%".equals(next.raw())) {
            return true;
        }
        if (reading.digits()) {
            Token t = tokens.get(i);
            if (previous != null && t.touches(previous) && "./:".contains(previous.raw()) && i > 1 && tokens.get(i - 2).isNumber()) {
                return true; // 26.02.1992, 10:30
            }
            if (next != null && next.touches(t) && "./:".contains(next.raw()) && end + 1 < tokens.size() && tokens.get(end + 1).isNumber()
                    && tokens.get(end + 1).touches(next)) {
                return true;
            }
            boolean yearLike = !t.grouped() && t.raw().length() == 4 && t.value() >= 1800 && t.value() <= 2100;
            if (yearLike && (previous != null && cues.isAt(tokens, i - 1, Kind.YEAR_BEFORE)
                    || next != null && (cues.isAt(tokens, end, Kind.YEAR_WORD) || next.raw().equals("-") && next.touches(t)
                    || next.isPunct() && ",.;".contains(next.raw())))) {
                return true;
            }
        }
        return false;
    }

    // ---- how figures hang together --------------------------------------------------------------

    private void group(List<Token> tokens, List<Mention> mentions) {
        Mention head = null;
        Mention previous = null;
        for (Mention m : mentions) {
            int gapFrom = previous == null ? 0 : previous.last + 1;
            boolean including = false;
            boolean ofThem = false;
            boolean onlyList = previous != null;
            for (int k = gapFrom; k < m.first; k++) {
                if (cues.isAt(tokens, k, Kind.OF_THEM)) {
                    ofThem = true;
                } else if (cues.isAt(tokens, k, Kind.INCLUDING)) {
                    including = true;
                }
                if (!cues.isAt(tokens, k, Kind.LIST)) {
                    onlyList = false;
                }
            }
            if ((including || ofThem) && m.markerCategory.isEmpty()) {
                m.markerCategory = markerCategory(tokens, gapFrom, m.first);
            }
            Mention container = containerBefore(mentions, m);
            if (including) {
                m.part = true;
                m.head = head;
            } else if (container != null && !m.container) {
                m.backReference = true; // "Of the 58 hostages, 40 returned home"
                m.parentAcross = container;
                head = m;
            } else if (ofThem || m.backReference) {
                m.backReference = true;
                m.parentAcross = head;
                head = m;
            } else if (previous != null && previous.backReference && (onlyList || clauseOfItsOwn(tokens, gapFrom, m.first))
                    && previous.parentAcross != null) {
                m.backReference = true; // "of whom 61 were freed and 35 are still missing"
                m.parentAcross = previous.parentAcross;
                m.markerCategory = previous.markerCategory;
                head = m;
            } else if (previous != null && previous.part && onlyList && m.subgroup.isPresent() && m.ownCue.isEmpty()) {
                m.part = true;
                m.head = previous.head;
                m.markerCategory = previous.markerCategory;
            } else {
                head = m;
            }
            previous = m;
        }
    }

    /** The latest "of the N …" figure before {@code m} in its sentence, if there is one. */
    private static Mention containerBefore(List<Mention> mentions, Mention m) {
        Mention found = null;
        for (Mention x : mentions) {
            if (x == m) {
                break;
            }
            if (x.container) {
                found = x;
            }
        }
        return found;
    }

    /** The category a marker names: "among the dead", "среди погибших", "həlak olanlardan", "զոհվածներից". */
    private Optional<ClaimCategory> markerCategory(List<Token> tokens, int from, int to) {
        for (int k = from; k < to; k++) {
            Optional<Match> marker = cues.at(tokens, k, Kind.INCLUDING);
            if (marker.isEmpty()) {
                marker = cues.at(tokens, k, Kind.OF_THEM);
            }
            if (marker.isEmpty()) {
                continue;
            }
            for (int c = marker.get().from(); c < Math.min(to, marker.get().to() + 2); c++) {
                Optional<Match> cue = cues.at(tokens, c, Kind.CATEGORY);
                if (cue.isPresent()) {
                    return ClaimCategory.fromLabel(cue.get().argument());
                }
            }
        }
        return Optional.empty();
    }

    /** True when the words between two figures only say what happened to the first ("61 nəfər azad edilib, 35 …"). */
    private boolean clauseOfItsOwn(List<Token> tokens, int from, int to) {
        boolean list = false;
        for (int k = from; k < to; k++) {
            int at = k;
            Optional<Match> cue = cues.at(tokens, at, Kind.CATEGORY).or(() -> cues.at(tokens, at, Kind.COPULA));
            if (cue.isPresent()) {
                k = cue.get().to() - 1;
                continue;
            }
            if (cues.isAt(tokens, k, Kind.LIST)) {
                list = true;
                continue;
            }
            return false;
        }
        return list;
    }

    private void assignCategories(List<Token> tokens, List<Mention> mentions) {
        List<Mention> heads = mentions.stream().filter(m -> !m.part).toList();
        for (Mention h : heads) {
            h.ownCue.ifPresent(c -> {
                h.category = c;
                h.cueDistance = 0;
            });
        }
        for (Mention p : mentions) {
            if (p.part && p.ownCue.isPresent() && p.ownCue.get() == ClaimCategory.ORPHANED_BOTH_PARENTS) {
                p.category = p.ownCue.get();
            }
        }
        int k = 0;
        while (k < tokens.size()) {
            if (insideMention(mentions, k)) {
                k++;
                continue;
            }
            Optional<Match> cue = cues.at(tokens, k, Kind.CATEGORY);
            if (cue.isEmpty()) {
                k++;
                continue;
            }
            ClaimCategory category = ClaimCategory.fromLabel(cue.get().argument()).orElseThrow();
            Mention best = null;
            int bestDistance = Integer.MAX_VALUE;
            for (Mention h : heads) {
                int spanEnd = groupEnd(mentions, h);
                int distance;
                if (cue.get().from() > h.last && cue.get().from() <= spanEnd) {
                    distance = 0;
                } else if (cue.get().from() > spanEnd) {
                    distance = distance(tokens, spanEnd + 1, cue.get().from());
                    if (coordinated(tokens, spanEnd + 1, cue.get().from())) {
                        distance += 2; // "killed 11 villagers and wounded 24 others": "and" opens the next clause
                    }
                } else {
                    distance = distance(tokens, cue.get().to(), h.first) + 1; // a word after its figure is the likelier reading
                }
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = h;
                }
            }
            if (best != null && bestDistance < best.cueDistance) {
                best.category = category;
                best.cueDistance = bestDistance;
            }
            k = cue.get().to();
        }
        for (int h = heads.size() - 1; h >= 0; h--) {
            Mention m = heads.get(h);
            if (m.category == null && h + 1 < heads.size() && heads.get(h + 1).parentAcross != m
                    && joinedByList(tokens, groupEnd(mentions, m), heads.get(h + 1).first)) {
                m.category = heads.get(h + 1).category; // "63 children and 106 women were killed"
            }
        }
        for (Mention m : heads) {
            if (m.category == null && m.implied.isPresent()) {
                m.category = m.implied.get();
            }
        }
        Mention previous = null;
        for (Mention m : mentions) {
            if (m.part && m.category == null && m.head != null) {
                m.category = m.head.category;
            }
            if (m.subgroup.isEmpty() && m.ownCue.isPresent() && m.ownCue.get() == ClaimCategory.ORPHANED_BOTH_PARENTS && previous != null) {
                m.subgroup = previous.subgroup; // "130 children lost one parent, 25 both"
            }
            previous = m;
        }
    }

    private static boolean insideMention(List<Mention> mentions, int k) {
        for (Mention m : mentions) {
            if (k >= m.first && k <= m.last) {
                return true;
            }
        }
        return false;
    }

    /** The last token of a head and the figures listed under it. */
    private static int groupEnd(List<Mention> mentions, Mention head) {
        int end = head.last;
        for (Mention m : mentions) {
            if (m.part && m.head == head) {
                end = Math.max(end, m.last);
            }
        }
        return end;
    }

    private boolean joinedByList(List<Token> tokens, int fromInclusive, int to) {
        for (int k = fromInclusive + 1; k < to; k++) {
            if (!cues.isAt(tokens, k, Kind.LIST)) {
                return false;
            }
        }
        return true;
    }

    private boolean coordinated(List<Token> tokens, int from, int to) {
        for (int k = from; k < to; k++) {
            if (tokens.get(k).isWord() && cues.isAt(tokens, k, Kind.LIST)) {
                return true;
            }
        }
        return false;
    }

    private static int distance(List<Token> tokens, int from, int to) {
        int d = 0;
        for (int k = from; k < to; k++) {
            Token t = tokens.get(k);
            d += t.isPunct() ? (t.raw().equals(";") ? 10 : 3) : 1;
        }
        return d;
    }

    // ---- which event ----------------------------------------------------------------------------

    /** The label of another event the sentence names ("during the 44-day war"), if it names one. */
    private Optional<String> eventLabel(String text, List<Token> tokens) {
        boolean markerAfter = language == ClaimLanguage.AZ || language == ClaimLanguage.HY;
        for (int j = 0; j < tokens.size(); j++) {
            if (!tokens.get(j).isWord() || !cues.isAt(tokens, j, Kind.EVENT)) {
                continue;
            }
            int labelStart = -1;
            if (markerAfter) {
                if (cues.isAt(tokens, j + 1, Kind.EVENT_MARKER) || cues.isAt(tokens, j + 2, Kind.EVENT_MARKER)) {
                    labelStart = j;
                    for (int b = j - 1; b >= Math.max(0, j - 3); b--) {
                        Token t = tokens.get(b);
                        if (t.isPunct() && !(t.raw().equals("-") && tokens.get(b + 1).touches(t))) {
                            break;
                        }
                        labelStart = b;
                    }
                }
            } else {
                for (int b = j - 1; b >= Math.max(0, j - 5); b--) {
                    Optional<Match> marker = cues.endingAt(tokens, b + 1, Kind.EVENT_MARKER);
                    if (marker.isPresent()) {
                        labelStart = b + 1;
                        while (labelStart < j && List.of("the", "a", "an", "this", "that").contains(tokens.get(labelStart).folded())) {
                            labelStart++;
                        }
                        break;
                    }
                    if (tokens.get(b).isPunct() && !tokens.get(b).raw().equals("-")) {
                        break;
                    }
                }
            }
            if (labelStart >= 0) {
                return Optional.of(text.substring(tokens.get(labelStart).start(), tokens.get(j).end()).toLowerCase(Locale.ROOT)
                        .replaceAll("\\s+", " "));
            }
        }
        return Optional.empty();
    }
}
