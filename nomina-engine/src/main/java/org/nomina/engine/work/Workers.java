package org.nomina.engine.work;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;

/**
 * A bounded pool for one kind of work, one thread per processor the JVM may use, in place of the common pool
 * that parallel streams share with everything else in the process: a link run inside the server must not
 * take the threads a web request's search or an estimate's bootstrap needs, and a thread dump says whose
 * threads are busy. Its daemon threads are named {@code PREFIX-N} and end after a minute idle.
 *
 * <p>Work started from one of its own threads is forked in the same pool, where a waiting thread helps with
 * the pending pieces rather than blocking, so nesting cannot exhaust it ({@link ForkJoinTask#fork} forks into
 * the pool the current task runs in). Each result goes to its own index, so results are in index order
 * whatever the number of threads.
 */
public final class Workers {
    /** Linkage: normalising records, comparing and scoring pairs, training, rivals. */
    public static final Workers LINKAGE = named("nomina-linkage");
    /** Estimation: bootstrap resamples, jackknife samples, sampler chains. */
    public static final Workers ESTIMATION = named("nomina-estimation");

    private final ForkJoinPool pool;

    private Workers(String prefix) {
        this.pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors(), p -> {
            ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            thread.setName(prefix + "-" + thread.getPoolIndex());
            thread.setDaemon(true);
            return thread;
        }, null, false);
    }

    /** A pool whose threads are named {@code prefix-N}. */
    public static Workers named(String prefix) {
        return new Workers(prefix);
    }

    /** Whether the calling thread is one of this pool's. */
    public boolean runsHere() {
        return ForkJoinTask.getPool() == pool;
    }

    /** Threads the pool may run at once. */
    public int parallelism() {
        return pool.getParallelism();
    }

    /** {@code body(from) … body(to - 1)} on the pool, in parallel; returns when all are done. */
    public void forEach(int from, int to, IntConsumer body) {
        inPool(() -> IntStream.range(from, to).parallel().forEach(body));
    }

    /** {@code piece(0) … piece(count - 1)} on the pool, each as its own task, in index order. */
    public double[] mapToDouble(int count, IntToDoubleFunction piece) {
        double[] results = new double[count];
        runAll(count, index -> results[index] = piece.applyAsDouble(index));
        return results;
    }

    /** {@code piece(0) … piece(count - 1)} on the pool, each as its own task, in index order. */
    public <T> List<T> map(int count, IntFunction<T> piece) {
        Object[] results = new Object[count];
        runAll(count, index -> results[index] = piece.apply(index));
        @SuppressWarnings("unchecked")
        List<T> list = (List<T>) Arrays.asList(results);
        return list;
    }

    private void runAll(int count, IntConsumer piece) {
        List<ForkJoinTask<?>> tasks = IntStream.range(0, count)
                .<ForkJoinTask<?>>mapToObj(index -> ForkJoinTask.adapt(() -> piece.accept(index))).toList();
        inPool(() -> ForkJoinTask.invokeAll(tasks));
    }

    private void inPool(Runnable work) {
        if (runsHere()) {
            work.run();
        } else {
            // A fork from a thread outside this pool would go to the common pool: enter it first.
            pool.invoke(ForkJoinTask.adapt(work));
        }
    }
}
