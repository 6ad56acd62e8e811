package org.nomina.engine.linkage;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Prints precision, recall, F1, seconds and peak heap for FEBRL3, FEBRL4 and a synthetic
 * 1,000,000-record five-list population. Run (after {@code mvnw -pl nomina-engine test-compile}):
 * <pre>
 * java -Xmx4g -cp nomina-engine/target/classes:nomina-engine/target/test-classes:$(deps) \
 *     org.nomina.engine.linkage.LinkageBenchmark [syntheticRecords]
 * </pre>
 */
public final class LinkageBenchmark {

    private LinkageBenchmark() {
    }

    public static void main(String[] args) {
        int synthetic = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path data = Febrl.dataDirectory().orElseThrow(() -> new IllegalStateException(Febrl.missingMessage()));
        // Warm-up run so that the figures below are not JIT compilation.
        Linker.link(Febrl.read(data, List.of("dataset3.csv")).records(), Febrl.config(), List.of(),
                ProgressListener.NONE);
        run("FEBRL3", Febrl.read(data, List.of("dataset3.csv")), false);
        run("FEBRL4", Febrl.read(data, List.of("dataset4a.csv", "dataset4b.csv")), true);
        for (long seed = 1; seed <= 3; seed++) {
            run("communities-3000-seed" + seed, CommunitiesPopulation.generate(3_000, seed), false, LinkageConfig.defaults());
        }
        if (synthetic > 0) {
            long start = System.nanoTime();
            Febrl.Data population = SyntheticPopulation.generate(synthetic, 5, 20240917L);
            System.out.printf(Locale.ROOT, "synthetic generation: %d records in %.1f s%n",
                    population.records().size(), (System.nanoTime() - start) / 1e9);
            run("synthetic-" + synthetic, population, false, LinkageConfig.defaults());
        }
    }

    private static void run(String name, Febrl.Data data, boolean crossOnly) {
        run(name, data, crossOnly, Febrl.config());
    }

    private static void run(String name, Febrl.Data data, boolean crossOnly, LinkageConfig given) {
        // -Dnomina.learn=true|false: with or without learnt spellings, for the figures with and without.
        String learn = System.getProperty("nomina.learn");
        LinkageConfig config = learn == null ? given : given.withLearnSpellings(Boolean.parseBoolean(learn));
        resetPeaks();
        long start = System.nanoTime();
        long[] lastStage = {System.nanoTime()};
        String[] stageName = {""};
        LinkageResult result = Linker.link(data.records(), config, List.of(), (stage, done, total) -> {
            if (!stage.equals(stageName[0])) {
                System.err.printf(Locale.ROOT, "  [%s] %s started after %.1f s%n", name, stage,
                        (System.nanoTime() - lastStage[0]) / 1e9);
                stageName[0] = stage;
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        Febrl.Score score = Febrl.score(data, result, crossOnly);
        System.out.printf(Locale.ROOT,
                "%s: records=%d candidates=%d P=%.4f R=%.4f F1=%.4f (tp=%d predicted=%d actual=%d) "
                        + "time=%.2f s peakHeap=%d MB stages(ms)=%s%n",
                name, data.records().size(), result.candidatePairs(), score.precision(), score.recall(), score.f1(),
                score.truePositives(), score.predicted(), score.actual(), seconds, peakHeapMb(), result.stageMillis());
        long truePairsReported = 0;
        long truePairsAboveMatch = 0;
        for (ScoredPair pair : result.pairs()) {
            if (data.entityByKey().get(pair.keyA()).equals(data.entityByKey().get(pair.keyB()))) {
                truePairsReported++;
                if (pair.probability() >= config.matchProbability()) {
                    truePairsAboveMatch++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "  rules=%s capped=%d lambda=%.4f reported=%d truePairsReported=%d "
                        + "truePairsAboveMatch=%d learnedSpellings=%d%n", result.ruleCounts(), result.cappedBlocks().size(),
                result.model().lambda(), result.pairs().size(), truePairsReported, truePairsAboveMatch,
                result.model().learnedSpellings().size());
        for (FittedModel.FieldModel field : result.model().fields()) {
            StringBuilder line = new StringBuilder("  " + field.field() + ":");
            for (FittedModel.LevelModel level : field.levels()) {
                line.append(String.format(Locale.ROOT, " %s[m=%.3f u=%.4f w=%.1f]", level.label(), level.m(),
                        level.u(), level.weight()));
            }
            System.out.println(line);
        }
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }
}
