package org.nomina.store.figures;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.nomina.engine.fates.Subgroups;
import org.nomina.engine.names.NameNormaliser;

/**
 * Persons (not source records) by current fate, sex, age group at the incident, place and incident: the
 * first table of {@code stats}. A place is shown once under the spelling most of its records use, however
 * many scripts the lists write it in (Nomkənd, Номкенд and Nomkend are one place).
 */
public record PersonStats(long persons, Map<String, Long> byFate, Map<String, Long> bySex, Map<String, Long> byAgeGroup,
                          Map<String, Long> byPlace, long otherPlaces, Map<String, Long> byIncident) {

    private static final int PLACES_SHOWN = 25;

    /** The counts; empty when nobody has been linked yet. */
    public static Optional<PersonStats> compute(Jdbi jdbi) {
        long persons = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM person_record").mapTo(Long.class).one());
        if (persons == 0) {
            return Optional.empty();
        }
        Figures.Report r = Figures.compute(jdbi, Optional.empty(), Optional.empty(), Subgroups.DEFAULT);
        return jdbi.withHandle(h -> {
            NameNormaliser names = NameNormaliser.shared();
            Map<String, Map<String, Long>> spellings = new HashMap<>();
            Map<Long, Map<String, Integer>> placeVotes = new HashMap<>();
            h.createQuery("SELECT pr.person_id, r.place FROM person_record pr JOIN source_record r ON r.id = pr.source_record_id")
                    .setFetchSize(10_000)
                    .map((rs, ctx) -> {
                        String place = rs.getString(2).strip();
                        String key = place.isEmpty() ? "" : names.placeName(place);
                        if (!key.isEmpty()) {
                            spellings.computeIfAbsent(key, k -> new HashMap<>()).merge(place, 1L, Long::sum);
                        }
                        placeVotes.computeIfAbsent(rs.getLong(1), k -> new HashMap<>(2)).merge(key, key.isEmpty() ? 0 : 1, Integer::sum);
                        return 0;
                    }).forEach(x -> { });
            Map<String, Long> byKey = new HashMap<>();
            placeVotes.values().forEach(votes -> byKey.merge(votes.entrySet().stream().max(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey).orElse(""), 1L, Long::sum));
            Map<String, Long> byPlace = new LinkedHashMap<>();
            byKey.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
                    .limit(PLACES_SHOWN)
                    .forEach(e -> byPlace.merge(e.getKey().isEmpty() ? "not stated" : spellings.get(e.getKey()).entrySet().stream()
                            .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry::getKey, (a, b) -> b.compareTo(a)))
                            .orElseThrow().getKey(), e.getValue(), Long::sum));
            long shown = byPlace.values().stream().mapToLong(Long::longValue).sum();
            Map<String, Long> byIncident = new LinkedHashMap<>();
            h.createQuery("""
                    SELECT COALESCE(i.name, '(default incident)'), COUNT(DISTINCT pr.person_id)
                    FROM person_record pr JOIN source_record r ON r.id = pr.source_record_id LEFT JOIN incident i ON i.id = r.incident_id
                    GROUP BY COALESCE(i.name, '(default incident)') ORDER BY 2 DESC""")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                    .forEach(e -> byIncident.put(e.getKey(), e.getValue()));
            return Optional.of(new PersonStats(r.persons(), r.byFate(), r.bySex(), r.byAgeGroup(), byPlace, placeVotes.size() - shown,
                    byIncident));
        });
    }
}
