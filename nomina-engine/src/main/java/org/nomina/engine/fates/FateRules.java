package org.nomina.engine.fates;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.nomina.engine.domain.PartialDate;
import org.nomina.engine.domain.Status;

/**
 * Decides a person's current fate in one incident from every status their records give, by these rules
 * in this order (each outcome names the rule that chose it):
 * <ol>
 * <li>{@value #NO_FATE}: only injured or displaced (or nothing) is stated — they accompany a fate, they are not one.</li>
 * <li>A death (killed, or remains identified) and a release: {@value #LATER}, when both are dated and
 *     one is later; otherwise {@value #CONFLICT_RELEASED}, shown with both sources.</li>
 * <li>A death and a missing both undated, no dated death: {@value #CONFLICT_MISSING}, shown with both sources.</li>
 * <li>{@value #DEATH_STANDS}: any other death with hostage or missing; else {@value #DEATH}.</li>
 * <li>A release: {@value #RELEASED} — unless a hostage or missing status is dated after the latest dated
 *     release ({@value #LATER}: taken again, or missing again).</li>
 * <li>Hostage or missing and nothing else: {@value #UNRESOLVED}.</li>
 * </ol>
 * Pure functions; thread-safe.
 */
public final class FateRules {

    public static final String NO_FATE = "no source states a fate";
    public static final String LATER = "a later dated status supersedes an earlier one";
    public static final String CONFLICT_RELEASED = "undated disagreement: one source records a death, another a release";
    public static final String CONFLICT_MISSING = "undated disagreement: one source records a death, another the person missing";
    public static final String DEATH_STANDS = "a death stands over missing and hostage";
    public static final String DEATH = "a source records the death";
    public static final String RELEASED = "released resolves hostage and missing";
    public static final String UNRESOLVED = "hostage or missing stays unresolved until a source resolves it";

    private static final Set<Status> DEATHS = EnumSet.of(Status.KILLED, Status.REMAINS_IDENTIFIED);
    private static final Set<Status> OPEN = EnumSet.of(Status.HOSTAGE, Status.MISSING);

    private FateRules() {
    }

    /** The statuses known by {@code asOf}: those whose statement date is not after it (undated ones are always known). */
    public static List<StatusEvent> asOf(List<StatusEvent> history, PartialDate asOf) {
        return history.stream().filter(e -> e.known().isEmpty() || compare(e.known().get(), asOf) <= 0).toList();
    }

    /** The current fate from a person's history in one incident (any order). */
    public static FateOutcome decide(List<StatusEvent> history) {
        List<StatusEvent> deaths = of(history, DEATHS);
        List<StatusEvent> open = of(history, OPEN);
        List<StatusEvent> releases = of(history, EnumSet.of(Status.RELEASED));
        if (deaths.isEmpty() && open.isEmpty() && releases.isEmpty()) {
            return new FateOutcome(Fate.NONE, NO_FATE, List.of(), history);
        }
        Fate death = deaths.stream().anyMatch(e -> e.status() == Status.REMAINS_IDENTIFIED) ? Fate.REMAINS_IDENTIFIED : Fate.KILLED;
        if (!deaths.isEmpty()) {
            if (!releases.isEmpty()) {
                Optional<StatusEvent> lastDeath = latestDated(deaths);
                Optional<StatusEvent> lastRelease = latestDated(releases);
                if (lastDeath.isPresent() && lastRelease.isPresent()) {
                    int c = compare(lastDeath.get().date().orElseThrow(), lastRelease.get().date().orElseThrow());
                    if (c > 0) {
                        return new FateOutcome(death, LATER, List.of(lastRelease.get(), lastDeath.get()), history);
                    }
                    if (c < 0) {
                        return afterRelease(history, open, releases, List.of(lastDeath.get()));
                    }
                }
                return new FateOutcome(Fate.CONFLICT, CONFLICT_RELEASED, List.of(deaths.get(0), releases.get(0)), history);
            }
            List<StatusEvent> undatedMissing = open.stream().filter(e -> e.status() == Status.MISSING && e.date().isEmpty()).toList();
            if (!undatedMissing.isEmpty() && deaths.stream().allMatch(e -> e.date().isEmpty())) {
                return new FateOutcome(Fate.CONFLICT, CONFLICT_MISSING, List.of(deaths.get(0), undatedMissing.get(0)), history);
            }
            List<StatusEvent> because = new ArrayList<>(deaths);
            because.addAll(open);
            return new FateOutcome(death, open.isEmpty() ? DEATH : DEATH_STANDS, because, history);
        }
        if (!releases.isEmpty()) {
            return afterRelease(history, open, releases, List.of());
        }
        return new FateOutcome(Fate.MISSING, UNRESOLVED, open, history);
    }

    private static FateOutcome afterRelease(List<StatusEvent> history, List<StatusEvent> open, List<StatusEvent> releases,
                                            List<StatusEvent> superseded) {
        Optional<StatusEvent> lastRelease = latestDated(releases);
        if (lastRelease.isPresent()) {
            PartialDate released = lastRelease.get().date().orElseThrow();
            Optional<StatusEvent> again = open.stream().filter(e -> e.date().isPresent() && compare(e.date().get(), released) > 0)
                    .max(Comparator.comparing(e -> e.date().orElseThrow(), FateRules::compare));
            if (again.isPresent()) {
                return new FateOutcome(Fate.MISSING, LATER, List.of(lastRelease.get(), again.get()), history);
            }
        }
        List<StatusEvent> because = new ArrayList<>(superseded);
        because.addAll(releases);
        return new FateOutcome(Fate.RELEASED, superseded.isEmpty() ? RELEASED : LATER, because, history);
    }

    private static List<StatusEvent> of(List<StatusEvent> history, Set<Status> statuses) {
        return history.stream().filter(e -> statuses.contains(e.status())).toList();
    }

    private static Optional<StatusEvent> latestDated(List<StatusEvent> events) {
        return events.stream().filter(e -> e.date().isPresent()).max(Comparator.comparing(e -> e.date().orElseThrow(), FateRules::compare));
    }

    /**
     * Orders partial dates by what both give: 1992-02 and 1992-02-26 are the same time (0), 1992-03 is
     * later than 1992-02-26. Approximation marks are ignored.
     */
    public static int compare(PartialDate a, PartialDate b) {
        int c = Integer.compare(a.year(), b.year());
        if (c != 0 || a.month() == 0 || b.month() == 0) {
            return c;
        }
        c = Integer.compare(a.month(), b.month());
        if (c != 0 || a.day() == 0 || b.day() == 0) {
            return c;
        }
        return Integer.compare(a.day(), b.day());
    }
}
