package org.nomina.app.register;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.nomina.store.users.Users;

/**
 * The register's background work. One job runs at a time: imports and links each take the ledger's head
 * and would only wait for one another.
 */
final class Jobs implements AutoCloseable {
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "nomina-job");
        t.setDaemon(true);
        return t;
    });
    /**
     * Finished jobs kept for their pages and results; older finished ones are forgotten, so a server that runs for
     * months does not keep every import's result (an import's rejections can run to thousands of rows).
     */
    static final int KEPT = 200;

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    /** Starts {@code work}, which reports progress through the job it is given. */
    Job start(String kind, String title, String owner, Function<Job, Object> work) {
        Job job = new Job(Users.randomToken().substring(0, 16), kind, title, owner);
        forgetOldFinished();
        jobs.put(job.id(), job);
        executor.submit(() -> {
            job.running();
            try {
                job.finished(work.apply(job));
            } catch (RuntimeException e) {
                job.failed(e);
            }
        });
        return job;
    }

    private void forgetOldFinished() {
        if (jobs.size() < KEPT) {
            return;
        }
        List<Job.Snapshot> finished = jobs.values().stream().map(Job::snapshot).filter(Job.Snapshot::finished)
                .sorted((a, b) -> a.started().compareTo(b.started())).toList();
        for (int i = 0; i < finished.size() && jobs.size() >= KEPT; i++) {
            jobs.remove(finished.get(i).id());
        }
    }

    /** The job, while it runs and for a while after (the newest {@value #KEPT} are kept). */
    Optional<Job> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    List<Job.Snapshot> recent() {
        return jobs.values().stream().map(Job::snapshot).sorted((a, b) -> b.started().compareTo(a.started())).limit(20).toList();
    }

    @Override
    public void close() {
        jobs.values().forEach(Job::cancel);
        executor.shutdown();
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
