package org.nomina.engine.claims;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Sets the figures sources state beside the register's own counts and an estimate, category by
 * category and subgroup by subgroup, and flags what does not add up:
 * <ul>
 *   <li>{@code register_exceeds_source}: the register names more people than a source's exact (or
 *       upper-bounded) figure;</li>
 *   <li>{@code sources_disagree}: two sources' figures cannot both be true (exact figures that differ,
 *       or bounds that exclude each other; "about N" is read as N ± 25%);</li>
 *   <li>{@code parts_exceed_whole}: the parts a source breaks a figure into ("including 63 children,
 *       106 women …") add up to more than the figure itself.</li>
 * </ul>
 * Pure: the caller gives the register's counts, the claims (rejected ones left out) and the estimate.
 */
public final class ClaimComparison {

    /** A category and subgroup (empty: everyone in the category). */
    public record Key(ClaimCategory category, Optional<Subgroup> subgroup) {
        public Key {
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(subgroup, "subgroup");
        }

        public String label() {
            return category.label() + subgroup.map(s -> "/" + s.label()).orElse("");
        }
    }

    /** One source's claim, as the comparison needs it. */
    public record SourcedClaim(long id, String source, Key key, OptionalLong low, OptionalLong high, Qualifier qualifier,
                               Optional<Long> parentId, String quote) {
        public SourcedClaim {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(key, "key");
        }
    }

    /** An estimate of the total for one key, with its interval. */
    public record Estimate(Key key, double estimate, double lower, double upper, String method) {
    }

    /** One line of the side-by-side table. {@code claimsMinimum}/{@code claimsMaximum} span the sources' numbers. */
    public record Row(Key key, long register, OptionalLong claimsMinimum, OptionalLong claimsMaximum, List<SourcedClaim> claims,
                      Optional<Estimate> estimate, List<Flag> flags) {
    }

    /** Something that does not add up, in plain words. */
    public record Flag(String kind, String message) {
    }

    private ClaimComparison() {
    }

    public static List<Row> compare(Map<Key, Long> register, List<SourcedClaim> claims, List<Estimate> estimates) {
        Comparator<Key> order = Comparator.comparing((Key k) -> k.category().ordinal())
                .thenComparing(k -> k.subgroup().map(s -> s.ordinal() + 1).orElse(0));
        Map<Key, List<SourcedClaim>> byKey = new TreeMap<>(order);
        register.keySet().forEach(k -> byKey.computeIfAbsent(k, x -> new ArrayList<>()));
        claims.forEach(c -> byKey.computeIfAbsent(c.key(), x -> new ArrayList<>()).add(c));
        estimates.forEach(e -> byKey.computeIfAbsent(e.key(), x -> new ArrayList<>()));
        Map<Long, SourcedClaim> byId = new LinkedHashMap<>();
        claims.forEach(c -> byId.put(c.id(), c));
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<Key, List<SourcedClaim>> e : byKey.entrySet()) {
            Key key = e.getKey();
            List<SourcedClaim> here = e.getValue();
            long held = register.getOrDefault(key, 0L);
            OptionalLong min = here.stream().filter(c -> c.low().isPresent()).mapToLong(c -> c.low().getAsLong()).min();
            OptionalLong max = here.stream().filter(c -> c.high().isPresent()).mapToLong(c -> c.high().getAsLong()).max();
            List<Flag> flags = new ArrayList<>();
            for (SourcedClaim c : here) {
                OptionalLong upper = upper(c);
                if (upper.isPresent() && held > upper.getAsLong()) {
                    flags.add(new Flag("register_exceeds_source", "the register names " + held + " " + key.label() + ", more than "
                            + c.source() + " says (" + describe(c) + ")"));
                }
            }
            for (int i = 0; i < here.size(); i++) {
                for (int j = i + 1; j < here.size(); j++) {
                    SourcedClaim a = here.get(i);
                    SourcedClaim b = here.get(j);
                    if (!a.source().equals(b.source()) && exclude(a, b)) {
                        flags.add(new Flag("sources_disagree", a.source() + " says " + describe(a) + ", " + b.source() + " says " + describe(b)));
                    }
                }
            }
            for (SourcedClaim whole : here) {
                List<SourcedClaim> parts = claims.stream().filter(p -> p.parentId().equals(Optional.of(whole.id()))).toList();
                long sum = parts.stream().filter(p -> p.low().isPresent()).mapToLong(p -> lower(p)).sum();
                OptionalLong upper = upper(whole);
                if (!parts.isEmpty() && upper.isPresent() && sum > upper.getAsLong()) {
                    flags.add(new Flag("parts_exceed_whole", whole.source() + " gives " + describe(whole) + " " + key.label()
                            + " but its parts add up to " + sum));
                }
            }
            Optional<Estimate> estimate = estimates.stream().filter(x -> x.key().equals(key)).findFirst();
            rows.add(new Row(key, held, min, max, List.copyOf(here), estimate, List.copyOf(flags)));
        }
        return rows;
    }

    /** The most the claim allows, if it bounds its figure from above. */
    static OptionalLong upper(SourcedClaim c) {
        return switch (c.qualifier()) {
            case EXACT, AT_MOST, RANGE -> c.high();
            case LESS_THAN -> c.high().isPresent() ? OptionalLong.of(c.high().getAsLong() - 1) : OptionalLong.empty();
            case ABOUT -> c.high().isPresent() ? OptionalLong.of(Math.round(c.high().getAsLong() * 1.25)) : OptionalLong.empty();
            case AT_LEAST, MORE_THAN, VAGUE -> OptionalLong.empty();
        };
    }

    /** The least the claim allows. */
    static long lower(SourcedClaim c) {
        return switch (c.qualifier()) {
            case EXACT, AT_LEAST, RANGE -> c.low().orElse(0);
            case MORE_THAN -> c.low().orElse(-1) + 1;
            case ABOUT -> c.low().isPresent() ? Math.round(c.low().getAsLong() * 0.75) : 0;
            case AT_MOST, LESS_THAN, VAGUE -> 0;
        };
    }

    private static boolean exclude(SourcedClaim a, SourcedClaim b) {
        if (a.qualifier() == Qualifier.VAGUE || b.qualifier() == Qualifier.VAGUE) {
            return false;
        }
        OptionalLong ua = upper(a);
        OptionalLong ub = upper(b);
        return ua.isPresent() && lower(b) > ua.getAsLong() || ub.isPresent() && lower(a) > ub.getAsLong();
    }

    /** "exactly 613", "more than 100", "between 120 and 150", "dozens". */
    public static String describe(SourcedClaim c) {
        long low = c.low().orElse(0);
        long high = c.high().orElse(0);
        return switch (c.qualifier()) {
            case EXACT -> "exactly " + low;
            case AT_LEAST -> "at least " + low;
            case MORE_THAN -> "more than " + low;
            case ABOUT -> "about " + low;
            case AT_MOST -> "at most " + high;
            case LESS_THAN -> "less than " + high;
            case RANGE -> "between " + low + " and " + high;
            case VAGUE -> "\"" + c.quote() + "\" (no number)";
        };
    }
}
