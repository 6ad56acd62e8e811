package org.nomina.app.register;

import java.time.Instant;
import java.util.Optional;

/**
 * A long piece of work (an import, a link) running in the background, with progress that the terminal's
 * bar and the browser's polling both read. Thread-safe: the running thread writes, any thread reads.
 */
public final class Job {
    public enum State { QUEUED, RUNNING, DONE, FAILED, CANCELLED }

    /** What a reader sees at one moment. */
    public record Snapshot(String id, String kind, String title, String owner, State state, String stage, long done, long total,
                           Optional<Object> result, Optional<String> error, Instant started) {
        public int percent() {
            return total <= 0 ? (state == State.DONE ? 100 : 0) : (int) Math.min(100, done * 100 / total);
        }

        public boolean finished() {
            return state == State.DONE || state == State.FAILED || state == State.CANCELLED;
        }
    }

    private final String id;
    private final String kind;
    private final String title;
    private final String owner;
    private final Instant started = Instant.now();
    private volatile boolean cancelled;
    private volatile State state = State.QUEUED;
    private volatile String stage = "";
    private volatile long done;
    private volatile long total;
    private volatile Object result;
    private volatile String error;

    Job(String id, String kind, String title, String owner) {
        this.id = id;
        this.kind = kind;
        this.title = title;
        this.owner = owner;
    }

    public String id() {
        return id;
    }

    /** Asks the job to stop at its next progress report. */
    public void cancel() {
        cancelled = true;
    }

    /** Called by the work: records progress, and throws {@link CancelledException} once the job is cancelled. */
    void progress(String stageNow, long doneNow, long totalNow) {
        if (cancelled) {
            throw new CancelledException(title);
        }
        this.stage = stageNow;
        this.done = doneNow;
        this.total = totalNow;
    }

    void running() {
        state = State.RUNNING;
    }

    void finished(Object value) {
        result = value;
        state = State.DONE;
    }

    void failed(Throwable t) {
        error = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        state = t instanceof CancelledException ? State.CANCELLED : State.FAILED;
    }

    public Snapshot snapshot() {
        return new Snapshot(id, kind, title, owner, state, stage, done, total, Optional.ofNullable(result), Optional.ofNullable(error), started);
    }
}
