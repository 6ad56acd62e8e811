package org.nomina.app.demo;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A generated fictional case: the lists on disk, how to import each, and the truth the generator knows
 * (how many people there really were, by status) against which linkage and estimates can be judged.
 */
public record DemoCase(Path directory, List<ListFile> lists, int people, int documented, Map<String, Integer> peopleByStatus, Path truth) {

    /**
     * Counts people per status word; {@code statusOf} gives each person's index into {@code statuses}.
     * Every status appears, with 0 where nobody has it.
     */
    static <P> Map<String, Integer> countByStatus(String[] statuses, List<P> people, java.util.function.ToIntFunction<P> statusOf) {
        Map<String, Integer> byStatus = new java.util.LinkedHashMap<>();
        for (String s : statuses) {
            byStatus.put(s, 0);
        }
        people.forEach(p -> byStatus.merge(statuses[statusOf.applyAsInt(p)], 1, Integer::sum));
        return byStatus;
    }

    /** How many distinct true persons a {@code truth.csv} (source,record_id,person_id) names: the documented. */
    static int documented(Path truth) throws java.io.IOException {
        try (var lines = java.nio.file.Files.lines(truth, java.nio.charset.StandardCharsets.UTF_8)) {
            return (int) lines.skip(1).map(l -> l.substring(l.lastIndexOf(',') + 1)).distinct().count();
        }
    }

    /** One generated list: its file, the source name to import it as, and its mapping, if it needs one. */
    public record ListFile(String source, Path file, Optional<Path> mapping, String description, int rows) {
    }
}
