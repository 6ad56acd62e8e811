package org.nomina.store.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Runs a producer (reading and parsing a table) on its own thread and hands what it makes to the calling
 * thread (the one that holds the import's transaction and writes to the database) in order, in batches.
 * On the 2-core machine the import is measured on, reading, decoding and parsing a row cost about as much
 * CPU as storing it (profile of 200,000 rows: RowParser, CSV and binding 40% of the importing thread, H2's
 * inserts and commit 45%), so doing them on two threads keeps both cores busy.
 *
 * <p>Nothing changes but the thread: items reach the consumer in the order they were produced, and an
 * exception the producer throws (a file that cannot be read at line N) is thrown to the caller after every
 * item produced before it has been consumed, so the import fails exactly where it failed on one thread.
 * When the consumer fails or the caller is interrupted, the producer is stopped before {@link #run} returns.
 */
final class ReadAhead<T> {

    /** Items per hand-over: large enough that the queue's locking costs nothing per row. */
    static final int BATCH = 512;
    /** Batches waiting at most: bounds the memory read ahead (8 × 512 rows of about 1 kB: 4 MB). */
    static final int DEPTH = 8;

    /** Makes the items, passing each to the sink in order; runs on the read-ahead thread. */
    interface Producer<T> {
        void produce(Consumer<T> sink);
    }

    private record Failed(Throwable error) {
    }

    private static final Object DONE = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(DEPTH);
    private final String threadName;

    ReadAhead(String threadName) {
        this.threadName = threadName;
    }

    /**
     * Produces on a new thread and consumes on this one until the producer is done. Returns normally when the
     * producer finished and every item was consumed; rethrows the producer's or the consumer's exception.
     *
     * @throws IllegalStateException when this thread is interrupted while waiting for the producer
     */
    @SuppressWarnings("unchecked")
    void run(Producer<T> producer, Consumer<T> consumer) {
        Thread thread = Thread.ofPlatform().name(threadName).daemon(true).unstarted(() -> produce(producer));
        thread.start();
        try {
            while (true) {
                Object next;
                try {
                    next = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("import interrupted; nothing was saved", e);
                }
                if (next == DONE) {
                    return;
                }
                if (next instanceof Failed failed) {
                    throw rethrow(failed.error());
                }
                for (T item : (List<T>) next) {
                    consumer.accept(item);
                }
            }
        } finally {
            thread.interrupt();
            joinUninterruptibly(thread);
        }
    }

    /**
     * Waits for the producer to end whatever this thread's interrupt status, and keeps that status. Joining with the
     * status set threw at once, so an interrupted import returned while its producer still ran
     * ({@code ReadAheadTest.shouldStopWhenTheConsumingThreadIsInterrupted} failed so once in CI).
     */
    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = Thread.interrupted();
        try {
            while (true) {
                try {
                    thread.join();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void produce(Producer<T> producer) {
        Batcher batcher = new Batcher();
        try {
            producer.produce(batcher);
            batcher.finish();
            put(DONE);
        } catch (Stopped stopped) {
            // The consumer has stopped (failed or interrupted); nobody waits for more.
        } catch (Throwable t) {
            try {
                batcher.finish(); // the items made before the failure are consumed before it is thrown
                put(new Failed(t));
            } catch (Stopped stopped) {
                // as above
            }
        }
    }

    /** Collects items into batches and queues each full one. */
    private final class Batcher implements Consumer<T> {
        private List<T> batch = new ArrayList<>(BATCH);

        @Override
        public void accept(T item) {
            batch.add(item);
            if (batch.size() == BATCH) {
                put(batch);
                batch = new ArrayList<>(BATCH);
            }
        }

        void finish() {
            if (!batch.isEmpty()) {
                put(batch);
            }
        }
    }

    private void put(Object o) {
        try {
            queue.put(o);
        } catch (InterruptedException e) {
            throw new Stopped();
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t.getMessage(), t);
    }

    /** Unwinds the producer when the consumer has gone. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }
}
