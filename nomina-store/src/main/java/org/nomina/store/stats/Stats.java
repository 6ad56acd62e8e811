package org.nomina.store.stats;

import org.nomina.store.StagedImports;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.nomina.engine.domain.AgeGroup;
import org.nomina.engine.domain.Sex;
import org.nomina.engine.domain.Status;

/**
 * Counts of what the register holds, each traceable to the source records behind it: records per
 * source, status, sex, age group and place, and the rows each source version refused.
 */
public final class Stats {

    /** One source: records and rejected rows over all its versions. */
    public record SourceCount(String source, int versions, long records, long rejectedRows) {
    }

    /** The whole picture; maps keep the order in which they should be shown. */
    public record Summary(long records, long sources, long rejectedRows, List<SourceCount> bySource, Map<String, Long> byStatus,
                          Map<String, Long> bySex, Map<String, Long> byAgeGroup, Map<String, Long> byPlace, long otherPlaces) {
    }

    private static final int PLACES_SHOWN = 25;

    private Stats() {
    }

    public static Summary summarise(Jdbi jdbi) {
        return jdbi.withHandle(Stats::summarise);
    }

    private static Summary summarise(Handle h) {
        // An import that has not finished is not counted (StagedImports): its records, its version, a source it created.
        long stagedFrom = StagedImports.stagedFrom(h);
        String visible = StagedImports.whereVisible(stagedFrom, "r");
        String sourceVisible = " WHERE " + StagedImports.SOURCE_VISIBLE;
        long records = h.createQuery("SELECT COUNT(*) FROM source_record r" + visible).mapTo(Long.class).one();
        long sources = h.createQuery("SELECT COUNT(*) FROM source s" + sourceVisible).mapTo(Long.class).one();
        long rejected = h.createQuery("SELECT COALESCE(SUM(v.rows_rejected), 0) FROM source_version v WHERE " + StagedImports.VERSION_COMPLETE)
                .mapTo(Long.class).one();
        List<SourceCount> bySource = h.createQuery("SELECT s.name,"
                        + " (SELECT COUNT(*) FROM source_version v WHERE v.source_id = s.id AND v.complete) AS versions,"
                        + " (SELECT COUNT(*) FROM source_record r WHERE r.source_id = s.id" + StagedImports.andVisible(stagedFrom, "r") + ") AS records,"
                        + " (SELECT COALESCE(SUM(v.rows_rejected), 0) FROM source_version v WHERE v.source_id = s.id) AS rejected"
                        + " FROM source s" + sourceVisible + " ORDER BY s.name")
                .map((rs, ctx) -> new SourceCount(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getLong(4))).list();
        Map<String, Long> byStatus = ordered(h, "SELECT status, COUNT(*) FROM source_record r" + visible + " GROUP BY status",
                Stream.concat(Status.AT_INCIDENT.stream().map(Status::word), Stream.of("")).toList());
        relabel(byStatus, "", "not stated");
        Map<String, Long> bySex = ordered(h, "SELECT sex, COUNT(*) FROM source_record r" + visible + " GROUP BY sex",
                Arrays.stream(Sex.values()).map(Sex::word).toList());
        // Counted per age, grouped here: the groups are AgeGroup's, not a second copy of them in SQL.
        Map<String, Long> ageCounts = new LinkedHashMap<>();
        h.createQuery("SELECT a, COUNT(*) FROM (SELECT COALESCE(age, incident_year - birth_year) AS a FROM source_record r" + visible + ") ages GROUP BY a")
                .map((rs, ctx) -> Map.entry(AgeGroup.of(rs.getObject(1, Integer.class)).label(), rs.getLong(2)))
                .forEach(e -> ageCounts.merge(e.getKey(), e.getValue(), Long::sum));
        Map<String, Long> byAge = inOrder(ageCounts, AgeGroup.labels());
        Map<String, Long> byPlace = new LinkedHashMap<>();
        h.createQuery("SELECT place, COUNT(*) AS n FROM source_record r" + visible + " GROUP BY place ORDER BY n DESC, place")
                .setMaxRows(PLACES_SHOWN)
                .map((rs, ctx) -> Map.entry(rs.getString(1).isEmpty() ? "not stated" : rs.getString(1), rs.getLong(2)))
                .forEach(e -> byPlace.merge(e.getKey(), e.getValue(), Long::sum));
        long shown = byPlace.values().stream().mapToLong(Long::longValue).sum();
        return new Summary(records, sources, rejected, bySource, byStatus, bySex, byAge, byPlace, records - shown);
    }

    private static Map<String, Long> ordered(Handle h, String sql, List<String> order) {
        Map<String, Long> counts = new LinkedHashMap<>();
        h.createQuery(sql).map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2))).forEach(e -> counts.put(e.getKey(), e.getValue()));
        return inOrder(counts, order);
    }

    /** {@code counts} with the keys of {@code order} first, in that order (0 when absent), then any others. */
    private static Map<String, Long> inOrder(Map<String, Long> counts, List<String> order) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String k : order) {
            out.put(k, counts.getOrDefault(k, 0L));
        }
        counts.forEach(out::putIfAbsent);
        return out;
    }

    private static void relabel(Map<String, Long> map, String from, String to) {
        Long v = map.remove(from);
        if (v != null) {
            map.put(to, v);
        }
    }
}
