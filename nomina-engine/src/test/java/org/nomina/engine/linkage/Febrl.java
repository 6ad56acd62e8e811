package org.nomina.engine.linkage;

import org.nomina.engine.domain.Sex;
import org.nomina.engine.linkage.ComparisonSpec.Method;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Reads the FEBRL synthetic data sets and scores a linkage against their truth. */
final class Febrl {

    /** Records plus the entity number of each key (rec-N-org / rec-N-dup-K → N). */
    record Data(List<LinkRecord> records, Map<Long, Integer> entityByKey) {
    }

    /** Pairwise precision, recall and F1. */
    record Score(long truePositives, long predicted, long actual) {
        double precision() {
            return predicted == 0 ? 0 : (double) truePositives / predicted;
        }

        double recall() {
            return actual == 0 ? 0 : (double) truePositives / actual;
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    private Febrl() {
    }

    /** The one setting that names the reference data folder (the one holding {@code febrl/}). */
    static final String SETTING = "NOMINA_REFERENCE_DATA";

    /**
     * The reference data folder: the environment variable {@value #SETTING}, else the system property
     * {@code nomina.reference.data} (surefire sets it to {@code ../shared/data} beside the checkout).
     * Empty when neither names a folder holding the FEBRL files: the tests that need them are skipped.
     */
    static Optional<Path> dataDirectory() {
        return Stream.of(System.getenv(SETTING), System.getProperty("nomina.reference.data"))
                .filter(value -> value != null && !value.isBlank())
                .map(Path::of)
                .findFirst()
                .filter(path -> Files.isRegularFile(path.resolve("febrl/dataset3.csv")));
    }

    /** Why FEBRL tests are skipped, naming the setting that would run them. */
    static String missingMessage() {
        return "FEBRL reference data not found; set " + SETTING + " to the folder holding febrl/ (e.g. ../shared/data)";
    }

    static Data read(Path directory, List<String> files) {
        List<LinkRecord> records = new ArrayList<>();
        Map<Long, Integer> entities = new HashMap<>();
        for (int source = 0; source < files.size(); source++) {
            Path file = directory.resolve("febrl").resolve(files.get(source));
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            for (int row = 1; row < lines.size(); row++) {
                String[] cells = lines.get(row).split(",", -1);
                if (cells.length < 11) {
                    throw new IllegalStateException(file + " row " + row + ": " + cells.length + " columns");
                }
                for (int c = 0; c < cells.length; c++) {
                    cells[c] = cells[c].strip();
                }
                long key = records.size();
                String recId = cells[0];
                entities.put(key, Integer.parseInt(recId.split("-")[1]));
                String dob = cells[9];
                int year = 0;
                int month = 0;
                int day = 0;
                if (dob.length() == 8 && dob.chars().allMatch(Character::isDigit)) {
                    year = Integer.parseInt(dob.substring(0, 4));
                    month = Integer.parseInt(dob.substring(4, 6));
                    day = Integer.parseInt(dob.substring(6, 8));
                    if (month > 12 || day > 31) {
                        month = 0;
                        day = 0;
                    }
                }
                String address = String.join(" ", cells[3], cells[4], cells[5]).strip();
                records.add(new LinkRecord(key, source, cells[2], cells[1], "", Sex.UNKNOWN, year, month, day,
                        false, -1, 0, cells[6], address, cells[10], Optional.empty(), Map.of("postcode", cells[7], "state", cells[8])));
            }
        }
        return new Data(records, entities);
    }

    /** The FEBRL configuration: the default engine plus the address and the two extra columns. */
    static LinkageConfig config() {
        List<Double> names = List.of(0.92, 0.88, 0.70);
        List<Double> text = List.of(0.92, 0.80);
        LinkageConfig defaults = LinkageConfig.defaults();
        return defaults.withComparisons(List.of(
                        ComparisonSpec.of("given_name", Method.NAME, names, true),
                        ComparisonSpec.of("surname", Method.NAME, names, true),
                        ComparisonSpec.of("birth_date", Method.DATE, List.of(), false),
                        ComparisonSpec.of("address", Method.TEXT, text, false),
                        ComparisonSpec.of("place", Method.TEXT, text, true),
                        ComparisonSpec.of("id_number", Method.ID_NUMBER, List.of(), false),
                        ComparisonSpec.of("extra.postcode", Method.JARO_WINKLER, List.of(0.9), false),
                        ComparisonSpec.of("extra.state", Method.EXACT, List.of(), false)))
                .withBlockingRules(List.of(
                        new BlockingRule("surname_metaphone", List.of(BlockingKey.Standard.SURNAME_METAPHONE)),
                        new BlockingRule("given_metaphone+postcode",
                                List.of(BlockingKey.Standard.GIVEN_METAPHONE, new BlockingKey.Extra("postcode"))),
                        new BlockingRule("id_number", List.of(BlockingKey.Standard.ID_NUMBER)),
                        new BlockingRule("birth_date", List.of(BlockingKey.Standard.BIRTH_DATE)),
                        new BlockingRule("names_unordered", List.of(BlockingKey.Standard.NAMES_UNORDERED))));
    }

    /** Pairs implied by the clusters, scored against the truth; crossSourceOnly for FEBRL4. */
    static Score score(Data data, LinkageResult result, boolean crossSourceOnly) {
        Map<Long, List<LinkRecord>> clusters = new HashMap<>();
        for (LinkRecord record : data.records()) {
            clusters.computeIfAbsent(result.clusterByKey().get(record.key()), k -> new ArrayList<>()).add(record);
        }
        long predicted = 0;
        long truePositives = 0;
        for (List<LinkRecord> members : clusters.values()) {
            for (int i = 0; i < members.size(); i++) {
                for (int j = i + 1; j < members.size(); j++) {
                    LinkRecord a = members.get(i);
                    LinkRecord b = members.get(j);
                    if (crossSourceOnly && a.sourceIndex() == b.sourceIndex()) {
                        continue;
                    }
                    predicted++;
                    if (data.entityByKey().get(a.key()).equals(data.entityByKey().get(b.key()))) {
                        truePositives++;
                    }
                }
            }
        }
        Map<Integer, List<LinkRecord>> truth = new HashMap<>();
        for (LinkRecord record : data.records()) {
            truth.computeIfAbsent(data.entityByKey().get(record.key()), k -> new ArrayList<>()).add(record);
        }
        long actual = 0;
        for (List<LinkRecord> members : truth.values()) {
            for (int i = 0; i < members.size(); i++) {
                for (int j = i + 1; j < members.size(); j++) {
                    if (!crossSourceOnly || members.get(i).sourceIndex() != members.get(j).sourceIndex()) {
                        actual++;
                    }
                }
            }
        }
        return new Score(truePositives, predicted, actual);
    }
}
