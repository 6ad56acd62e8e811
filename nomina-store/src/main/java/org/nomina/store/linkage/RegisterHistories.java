package org.nomina.store.linkage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.nomina.engine.domain.AgeGroup;
import org.nomina.engine.domain.Status;
import org.nomina.store.BadInputException;
import org.nomina.store.Database;

/**
 * Capture histories from the linked register: each person's history is the set of sources that list
 * them. Optionally only persons of one status, and a stratum per person (place, sex, status or age group).
 */
public final class RegisterHistories {

    /** The fields a register estimate can be stratified by. */
    public static final List<String> STRATA = List.of("place", "sex", "status", "age_group");

    /** One linked person: the sources (0-based, in {@code sources} order) that list them, and their stratum. */
    public record PersonHistory(long personId, Set<Integer> lists, String stratum) {
    }

    public record Histories(List<String> sources, List<PersonHistory> people) {
    }

    private RegisterHistories() {
    }

    public static Histories load(Database db, Optional<String> status, Optional<String> by) {
        by.ifPresent(b -> {
            if (!STRATA.contains(b)) {
                throw BadInputException.naming("{by} must be one of " + String.join(", ", STRATA) + ", not '" + b + "'", "by");
            }
        });
        status.ifPresent(s -> {
            if (Status.AT_INCIDENT.stream().noneMatch(known -> known.word().equals(s))) {
                throw BadInputException.naming("{status} must be one of "
                        + String.join(", ", Status.AT_INCIDENT.stream().map(Status::word).toList()) + ", not '" + s + "'", "status");
            }
        });
        return db.jdbi().withHandle(h -> {
            int persons = h.createQuery("SELECT COUNT(*) FROM person_record").mapTo(Integer.class).one();
            if (persons == 0) {
                throw new BadInputException("the register has no linked persons yet: run nomina link first");
            }
            List<String> sources = new ArrayList<>();
            Map<Long, Integer> index = new HashMap<>();
            h.createQuery("SELECT id, name FROM source ORDER BY id").map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                    .forEach(e -> {
                        index.put(e.getKey(), sources.size());
                        sources.add(e.getValue());
                    });
            Map<Long, PersonHistoryBuilder> builders = new HashMap<>();
            List<Long> order = new ArrayList<>();
            h.createQuery("""
                    SELECT p.id, p.place, p.sex, p.status, r.source_id, COALESCE(r.age, r.incident_year - r.birth_year) AS age
                    FROM person p JOIN person_record pr ON pr.person_id = p.id JOIN source_record r ON r.id = pr.source_record_id
                    WHERE p.retired_at IS NULL AND (:status = '' OR p.status = :status) ORDER BY p.id""")
                    .bind("status", status.orElse(""))
                    .setFetchSize(10_000)
                    .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getObject(6) == null ? null : rs.getInt(6)})
                    .forEach(row -> {
                        long id = (Long) row[0];
                        PersonHistoryBuilder b = builders.computeIfAbsent(id, k -> {
                            order.add(k);
                            return new PersonHistoryBuilder((String) row[1], (String) row[2], (String) row[3]);
                        });
                        b.lists.add(index.get((Long) row[4]));
                        if (b.age == null && row[5] != null) {
                            b.age = (Integer) row[5];
                        }
                    });
            List<PersonHistory> people = new ArrayList<>(order.size());
            for (long id : order) {
                PersonHistoryBuilder b = builders.get(id);
                people.add(new PersonHistory(id, Set.copyOf(b.lists), by.map(b::stratum).orElse("all")));
            }
            return new Histories(sources, people);
        });
    }

    private static final class PersonHistoryBuilder {
        final String place;
        final String sex;
        final String status;
        final Set<Integer> lists = new HashSet<>();
        Integer age;

        PersonHistoryBuilder(String place, String sex, String status) {
            this.place = place;
            this.sex = sex;
            this.status = status;
        }

        String stratum(String by) {
            return switch (by) {
                case "place" -> place.isEmpty() ? "not stated" : place;
                case "sex" -> sex;
                case "status" -> status.isEmpty() ? "not stated" : status;
                case "age_group" -> AgeGroup.of(age).label();
                default -> throw new IllegalArgumentException(by);
            };
        }
    }
}
