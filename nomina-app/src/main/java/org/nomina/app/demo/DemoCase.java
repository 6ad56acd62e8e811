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

    /** One generated list: its file, the source name to import it as, and its mapping, if it needs one. */
    public record ListFile(String source, Path file, Optional<Path> mapping, String description, int rows) {
    }
}
