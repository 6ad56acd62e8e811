package org.nomina.engine.linkage;

import org.nomina.engine.names.NameNormaliser;
import org.nomina.engine.names.NormalName;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nomina.engine.work.Workers;

/**
 * The records in columns of normalised, interned values, so that the hot loops compare ints and reuse
 * strings instead of touching {@link LinkRecord}s. Built once per run; read-only afterwards.
 */
final class RecordTable {

    /** Interned values of one text column; id -1 = missing. */
    static final class TextColumn {
        final int[] ids;
        final List<String> values;
        final int[] counts;

        TextColumn(String[] perRecord) {
            ids = new int[perRecord.length];
            Map<String, Integer> index = new HashMap<>();
            values = new ArrayList<>();
            List<Integer> countList = new ArrayList<>();
            for (int i = 0; i < perRecord.length; i++) {
                String value = perRecord[i];
                if (value.isEmpty()) {
                    ids[i] = -1;
                    continue;
                }
                Integer id = index.get(value);
                if (id == null) {
                    id = values.size();
                    index.put(value, id);
                    values.add(value);
                    countList.add(0);
                }
                ids[i] = id;
                countList.set(id, countList.get(id) + 1);
            }
            counts = countList.stream().mapToInt(Integer::intValue).toArray();
            words = new String[values.size()][];
            for (int id = 0; id < words.length; id++) {
                words[id] = values.get(id).split(" ");
            }
        }

        /** Each distinct value split into its words (values are single-spaced). */
        final String[][] words;

        String value(int record) {
            int id = ids[record];
            return id < 0 ? "" : values.get(id);
        }
    }

    /** Interned names: form, folded form and family key, each as ids. */
    static final class NameColumn {
        final TextColumn form;
        final int[] foldedIds;
        final int[] familyIds;
        final List<String> folded;
        final List<String> families;

        NameColumn(NormalName[] names) {
            String[] forms = new String[names.length];
            for (int i = 0; i < names.length; i++) {
                forms[i] = names[i].form();
            }
            form = new TextColumn(forms);
            foldedIds = new int[names.length];
            familyIds = new int[names.length];
            folded = new ArrayList<>();
            families = new ArrayList<>();
            Map<String, Integer> foldedIndex = new HashMap<>();
            Map<String, Integer> familyIndex = new HashMap<>();
            for (int i = 0; i < names.length; i++) {
                if (names[i].isEmpty()) {
                    foldedIds[i] = -1;
                    familyIds[i] = -1;
                    continue;
                }
                foldedIds[i] = foldedIndex.computeIfAbsent(names[i].folded(), key -> {
                    folded.add(key);
                    return folded.size() - 1;
                });
                familyIds[i] = familyIndex.computeIfAbsent(names[i].familyKey(), key -> {
                    families.add(key);
                    return families.size() - 1;
                });
            }
        }

        String folded(int record) {
            int id = foldedIds[record];
            return id < 0 ? "" : folded.get(id);
        }

        /** How many records have each spelling family (by family id); for the term-frequency adjustment. */
        int[] familyCounts() {
            int[] counts = familyCounts;
            if (counts == null) {
                counts = new int[families.size()];
                for (int id : familyIds) {
                    if (id >= 0) {
                        counts[id]++;
                    }
                }
                familyCounts = counts;
            }
            return counts;
        }

        private volatile int[] familyCounts;

        /** After family ids were merged ({@link SpellingLearner}): counts are recomputed on next use. */
        void forgetFamilyCounts() {
            familyCounts = null;
        }
    }

    final int size;
    final long[] keys;
    final int[] sources;
    final int sourceCount;
    final NameColumn surname;
    final NameColumn given;
    final NameColumn patronymic;
    /** 0 unknown, 1 male, 2 female. */
    final byte[] sex;
    final int[] year;
    final int[] month;
    final int[] day;
    final boolean[] approx;
    /** Birth year implied by age at the incident (incident year − age), 0 when not known. */
    final int[] impliedYear;
    /** Half the width of an age range ("30-40": 5) around {@code impliedYear}; 0 for a single age. */
    final int[] impliedSpread;
    /** For a single age stated at a date known to the day: that age; else -1. */
    final int[] exactAge;
    /** The year and day (year × 10,000 + month × 100 + day) that {@code exactAge} is stated at; 0 without one. */
    final int[] exactAgeDate;
    final TextColumn place;
    final TextColumn address;
    final TextColumn idNumber;
    /** The canonical status a source gives (killed, missing …); compared exactly. */
    final TextColumn status;
    final Map<String, TextColumn> extras;

    RecordTable(List<LinkRecord> records, Set<String> extraColumns, NameNormaliser names) {
        size = records.size();
        keys = new long[size];
        sources = new int[size];
        sex = new byte[size];
        year = new int[size];
        month = new int[size];
        day = new int[size];
        approx = new boolean[size];
        impliedYear = new int[size];
        impliedSpread = new int[size];
        exactAge = new int[size];
        exactAgeDate = new int[size];
        Set<Long> seenKeys = new HashSet<>(size * 2);
        Set<Integer> sourceSet = new HashSet<>();
        for (int i = 0; i < size; i++) {
            LinkRecord record = records.get(i);
            if (!seenKeys.add(record.key())) {
                throw new LinkageException("record key " + record.key() + " appears twice in the input");
            }
            keys[i] = record.key();
            sources[i] = record.sourceIndex();
            sourceSet.add(record.sourceIndex());
            sex[i] = switch (record.sex()) {
                case MALE -> 1;
                case FEMALE -> 2;
                case UNKNOWN -> 0;
            };
            year[i] = record.birthYear();
            month[i] = record.birthYear() > 0 ? record.birthMonth() : 0;
            day[i] = record.birthYear() > 0 && record.birthMonth() > 0 ? record.birthDay() : 0;
            approx[i] = record.birthApprox();
            boolean aged = record.age() >= 0 && record.incidentYear() > 0;
            int middle = (record.age() + record.ageHigh() + 1) / 2;
            impliedYear[i] = aged ? record.incidentYear() - middle : 0;
            impliedSpread[i] = aged ? (record.ageHigh() - record.age() + 1) / 2 : 0;
            boolean exact = aged && record.ageHigh() == record.age() && record.ageDate() > 0;
            exactAge[i] = exact ? record.age() : -1;
            exactAgeDate[i] = exact ? record.incidentYear() * 10_000 + record.ageDate() : 0;
        }
        sourceCount = sourceSet.size();
        NormalName[] surnames = new NormalName[size];
        NormalName[] givens = new NormalName[size];
        NormalName[] patronymics = new NormalName[size];
        String[] places = new String[size];
        String[] addresses = new String[size];
        String[] ids = new String[size];
        // Parallel: the normaliser's caches are thread-safe, and ICU work is rare once they are warm.
        Workers.LINKAGE.forEach(0, size, i -> {
            LinkRecord record = records.get(i);
            surnames[i] = names.surname(record.surname());
            givens[i] = names.givenName(record.givenName());
            patronymics[i] = names.patronymic(record.patronymic());
            places[i] = names.placeName(record.place());
            addresses[i] = names.place(record.address());
            ids[i] = normaliseId(record.idNumber());
        });
        surname = new NameColumn(surnames);
        given = new NameColumn(givens);
        patronymic = new NameColumn(patronymics);
        place = new TextColumn(places);
        address = new TextColumn(addresses);
        idNumber = new TextColumn(ids);
        String[] statuses = new String[size];
        for (int i = 0; i < size; i++) {
            statuses[i] = records.get(i).statusWord();
        }
        status = new TextColumn(statuses);
        Map<String, TextColumn> extraMap = new HashMap<>();
        for (String column : extraColumns) {
            String[] values = new String[size];
            for (int i = 0; i < size; i++) {
                values[i] = names.place(records.get(i).extraValue(column));
            }
            extraMap.put(column, new TextColumn(values));
        }
        extras = Map.copyOf(extraMap);
    }

    static String normaliseId(String raw) {
        StringBuilder id = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                id.append(Character.toUpperCase(c));
            }
        }
        return id.toString();
    }

    TextColumn extra(String column) {
        TextColumn extra = extras.get(column);
        if (extra == null) {
            throw new IllegalStateException("extra column not prepared: " + column);
        }
        return extra;
    }
}
