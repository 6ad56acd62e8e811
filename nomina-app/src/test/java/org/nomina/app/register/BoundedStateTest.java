package org.nomina.app.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What a server running for months keeps in memory stays bounded (issue 14): finished jobs are forgotten, oldest first. */
class BoundedStateTest {
    @Test
    void shouldForgetTheOldestFinishedJobsBeyondWhatItKeeps() throws InterruptedException {
        try (Jobs jobs = new Jobs()) {
            List<Job> started = new ArrayList<>();
            for (int i = 0; i < Jobs.KEPT + 50; i++) {
                started.add(jobs.start("test", "job " + i, "tester", job -> "done"));
                waitFinished(started.getLast());
            }
            assertThat(jobs.find(started.getFirst().id())).as("the oldest finished job").isEmpty();
            assertThat(jobs.find(started.getLast().id())).as("the newest job").isPresent();
            long kept = started.stream().filter(j -> jobs.find(j.id()).isPresent()).count();
            assertThat(kept).isLessThanOrEqualTo(Jobs.KEPT).isGreaterThan(Jobs.KEPT - 5);
        }
    }

    @Test
    void shouldKeepARunningJobHoweverManyFinishedAfterIt() throws InterruptedException {
        try (Jobs jobs = new Jobs()) {
            // The executor runs one job at a time, so a blocked first job keeps every later one queued: none finishes,
            // and none may be forgotten.
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            Job blocked = jobs.start("test", "blocked", "tester", job -> {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "done";
            });
            for (int i = 0; i < Jobs.KEPT + 10; i++) {
                jobs.start("test", "queued " + i, "tester", job -> "done");
            }
            assertThat(jobs.find(blocked.id())).isPresent();
            release.countDown();
        }
    }

    private static void waitFinished(Job job) throws InterruptedException {
        for (int i = 0; i < 500 && !job.snapshot().finished(); i++) {
            Thread.sleep(2);
        }
        assertThat(job.snapshot().finished()).as(job.snapshot().toString()).isTrue();
    }
}
