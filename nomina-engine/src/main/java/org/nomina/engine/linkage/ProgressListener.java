package org.nomina.engine.linkage;

/**
 * Progress of a linkage run, for progress bars. Called from the thread that called {@link Linker#link};
 * implementations must be quick. Cancellation: interrupt that thread; the linker checks between batches
 * and throws {@link LinkageCancelledException} with the interrupt flag still set.
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores progress. */
    ProgressListener NONE = (stage, done, total) -> { };

    /**
     * @param stage "normalise", "block", "compare", "em", "score" or "cluster"
     * @param done  units of work done in this stage
     * @param total units of work in this stage
     */
    void progress(String stage, long done, long total);
}
