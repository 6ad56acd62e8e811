package org.nomina.app.register;

/**
 * How long work (an import, a link) reports where it is: the terminal draws it as a bar, a {@link Job}
 * keeps it for the browser's polling. {@code stage} says what is being done ("12,000 rows", "blocking"),
 * {@code done} of {@code total} how far (total ≤ 0: unknown). A job's progress throws
 * {@link CancelledException} once the job is cancelled.
 */
@FunctionalInterface
public interface Progress {
    Progress NONE = (stage, done, total) -> { };

    void at(String stage, long done, long total);
}
