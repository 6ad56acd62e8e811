package org.nomina.app.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.nomina.store.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Measures linkage against known truth: pairwise precision, recall and F1 of a clusters file",
            "(nomina export clusters) against a truth file with the same first two columns (source,record_id) and",
            "a third naming the real entity. Records missing from either file are left out of the count."})
final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--clusters", required = true, paramLabel = "FILE", description = "source,record_id,person_id")
    Path clusters;

    @Option(names = "--truth", required = true, paramLabel = "FILE", description = "source,record_id,entity")
    Path truth;

    @Mixin
    ReportOptions report;

    @Override
    public Integer call() {
        Map<String, String> predicted = read(clusters);
        Map<String, String> actual = read(truth);
        // Pairs are counted from group sizes, never enumerated: a cluster of n records holds n(n-1)/2 pairs.
        Map<String, Long> byPredicted = new HashMap<>();
        Map<String, Long> byActual = new HashMap<>();
        Map<String, Long> byBoth = new HashMap<>();
        long records = 0;
        for (Map.Entry<String, String> e : predicted.entrySet()) {
            String entity = actual.get(e.getKey());
            if (entity == null) {
                continue;
            }
            records++;
            byPredicted.merge(e.getValue(), 1L, Long::sum);
            byActual.merge(entity, 1L, Long::sum);
            byBoth.merge(e.getValue() + "\u0000" + entity, 1L, Long::sum);
        }
        long predictedPairs = pairs(byPredicted);
        long truePairs = pairs(byActual);
        long correct = pairs(byBoth);
        double precision = predictedPairs == 0 ? 1 : (double) correct / predictedPairs;
        double recall = truePairs == 0 ? 1 : (double) correct / truePairs;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        long counted = records;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("records", counted);
        out.put("predicted_persons", byPredicted.size());
        out.put("true_entities", byActual.size());
        out.put("predicted_pairs", predictedPairs);
        out.put("true_pairs", truePairs);
        out.put("correct_pairs", correct);
        out.put("precision", precision);
        out.put("recall", recall);
        out.put("f1", f1);
        report.report(() -> out, text -> {
            text.line("%,d records: %,d persons found, %,d real entities", counted, byPredicted.size(), byActual.size());
            text.line("pairs: %,d linked, %,d true, %,d correct", predictedPairs, truePairs, correct);
            text.line("precision %.4f  recall %.4f  F1 %.4f", precision, recall, f1);
        });
        return 0;
    }

    private static long pairs(Map<String, Long> sizes) {
        long n = 0;
        for (long s : sizes.values()) {
            n += s * (s - 1) / 2;
        }
        return n;
    }

    private static Map<String, String> read(Path file) {
        Map<String, String> out = new HashMap<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int row = 1;
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                row++;
                if (rec.size() < 3) {
                    throw new BadInputException(file + ", row " + row + ": expected source,record_id and a third column, found " + rec.size() + " values");
                }
                out.put(rec.get(0) + "\u0000" + rec.get(1), rec.get(2));
            }
        } catch (IOException | IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new BadInputException(file + ": cannot be read as CSV: " + e.getMessage(), e);
        }
        return out;
    }
}
