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

    /** Writes one list into the case's directory and its rows' true persons into {@code truth.csv}. */
    @FunctionalInterface
    interface ListWriter {
        ListFile write(java.io.Writer truth) throws java.io.IOException;
    }

    /**
     * Creates {@code lists/} and {@code mappings/} under {@code dir} and writes each list in turn, every one adding its
     * records' true persons to {@code dir/truth.csv} (source,record_id,person_id); the lists in the order written.
     */
    static List<ListFile> writeLists(Path dir, List<ListWriter> writers) throws java.io.IOException {
        java.nio.file.Files.createDirectories(dir.resolve("lists"));
        java.nio.file.Files.createDirectories(dir.resolve("mappings"));
        List<ListFile> lists = new java.util.ArrayList<>();
        try (java.io.Writer truth = java.nio.file.Files.newBufferedWriter(dir.resolve("truth.csv"), java.nio.charset.StandardCharsets.UTF_8)) {
            truth.write("source,record_id,person_id\n");
            for (ListWriter w : writers) {
                lists.add(w.write(truth));
            }
        }
        return lists;
    }

    /** One generated list: its file, the source name to import it as, and its mapping, if it needs one. */
    public record ListFile(String source, Path file, Optional<Path> mapping, String description, int rows) {
    }
}
