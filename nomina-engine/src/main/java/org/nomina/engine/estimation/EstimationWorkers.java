package org.nomina.engine.estimation;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;

/**
 * The threads estimation runs its independent pieces on (bootstrap resamples, jackknife samples, sampler
 * chains): a {@link ForkJoinPool} of its own, one thread per processor the JVM may use, instead of the
 * common pool that parallel streams share with everything else in the process (the linker, a web server's
 * requests). Its daemon threads are named {@code nomina-estimation-N} and end after a minute idle.
 *
 * <p>Work submitted from one of its own threads (a bootstrap resample whose estimator runs sampler chains)
 * is forked in the same pool, where a waiting thread helps with the pending pieces rather than blocking, so
 * nesting cannot exhaust it. Each result goes to its own index, so results are in index order whatever
 * the number of threads; what makes them reproducible is that each piece draws from its own random
 * stream, fixed before the pieces start.
 */
final class EstimationWorkers {

    static final ForkJoinPool POOL = new ForkJoinPool(Runtime.getRuntime().availableProcessors(), pool -> {
        ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        thread.setName("nomina-estimation-" + thread.getPoolIndex());
        thread.setDaemon(true);
        return thread;
    }, null, false);

    private EstimationWorkers() {
    }

    /** {@code piece(0) … piece(count - 1)} on the pool, in index order. */
    static double[] mapToDouble(int count, IntToDoubleFunction piece) {
        double[] results = new double[count];
        runAll(count, index -> results[index] = piece.applyAsDouble(index));
        return results;
    }

    /** {@code piece(0) … piece(count - 1)} on the pool, in index order. */
    static <T> List<T> map(int count, IntFunction<T> piece) {
        Object[] results = new Object[count];
        runAll(count, index -> results[index] = piece.apply(index));
        @SuppressWarnings("unchecked")
        List<T> list = (List<T>) Arrays.asList(results);
        return list;
    }

    private interface Piece {
        void run(int index);
    }

    private static void runAll(int count, Piece piece) {
        List<ForkJoinTask<?>> tasks = IntStream.range(0, count)
                .<ForkJoinTask<?>>mapToObj(index -> ForkJoinTask.adapt(() -> piece.run(index))).toList();
        if (ForkJoinTask.getPool() == POOL) {
            ForkJoinTask.invokeAll(tasks);
        } else {
            // ForkJoinTask.fork from a thread outside this pool would go to the common pool: enter it first.
            POOL.invoke(ForkJoinTask.adapt(() -> ForkJoinTask.invokeAll(tasks)));
        }
    }
}
