package org.nomina.store.linkage;

import org.nomina.store.LazyReads;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.nomina.engine.linkage.LinkageResult;

/**
 * Which person each of a run's clusters is: a person's id stays with the cluster holding most of its records,
 * largest clusters choosing first; other clusters get new ids.
 *
 * @param clusters        record indexes by cluster, largest first
 * @param oldPerson       each record's person before the run (0 for none)
 * @param personOfCluster each cluster's person id
 * @param reused          whether the cluster's id was a person's before
 * @param claimed         the ids the clusters hold
 * @param newPersons      how many clusters got a new id
 */
record PersonAssignment(List<int[]> clusters, long[] oldPerson, long[] personOfCluster, boolean[] reused, Set<Long> claimed,
                        int newPersons) {

    static PersonAssignment assign(Handle handle, RecordSet set, LinkageResult result) {
        List<int[]> clusters = clustersLargestFirst(set, result);
        long[] oldPerson = LazyReads.read(handle, h -> oldMembership(h, set));
        long nextId = handle.createQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM person").mapTo(Long.class).one();
        long[] personOfCluster = new long[clusters.size()];
        boolean[] reused = new boolean[clusters.size()];
        Set<Long> claimed = new HashSet<>(clusters.size() * 2);
        int newPersons = 0;
        for (int c = 0; c < clusters.size(); c++) {
            long chosen = mostVoted(clusters.get(c), oldPerson, claimed);
            if (chosen == 0) {
                chosen = nextId++;
                newPersons++;
            } else {
                reused[c] = true;
            }
            claimed.add(chosen);
            personOfCluster[c] = chosen;
        }
        return new PersonAssignment(clusters, oldPerson, personOfCluster, reused, claimed, newPersons);
    }

    /** Record indexes grouped by cluster, each in record order; largest clusters first, ties in order of first record. */
    private static List<int[]> clustersLargestFirst(RecordSet set, LinkageResult result) {
        int[] sizes = new int[set.size()];
        Map<Long, Integer> slot = new HashMap<>(set.size() * 2);
        int[] slotOf = new int[set.size()];
        int slots = 0;
        for (int i = 0; i < set.size(); i++) {
            long cluster = result.clusterByKey().getOrDefault(set.key(i), set.key(i));
            Integer s = slot.get(cluster);
            if (s == null) {
                s = slots++;
                slot.put(cluster, s);
            }
            slotOf[i] = s;
            sizes[s]++;
        }
        int[][] members = new int[slots][];
        for (int s = 0; s < slots; s++) {
            members[s] = new int[sizes[s]];
            sizes[s] = 0;
        }
        for (int i = 0; i < set.size(); i++) {
            int s = slotOf[i];
            members[s][sizes[s]++] = i;
        }
        List<int[]> ordered = new ArrayList<>(Arrays.asList(members));
        ordered.sort((a, b) -> Integer.compare(b.length, a.length));
        return ordered;
    }

    /**
     * Each record's person before this run (0 for none), read in key order beside the set's own key order.
     * Every stored membership names a record of the set: records are never deleted (the foreign key would
     * refuse it), and the set holds all of them.
     */
    private static long[] oldMembership(Handle handle, RecordSet set) {
        long[] oldPerson = new long[set.size()];
        int[] cursor = {0};
        handle.createQuery("SELECT source_record_id, person_id FROM person_record ORDER BY source_record_id").setFetchSize(10_000)
                .map((rs, ctx) -> {
                    long key = rs.getLong(1);
                    long person = rs.getLong(2);
                    int i = cursor[0];
                    while (i < set.size() && set.key(i) < key) {
                        i++;
                    }
                    if (i < set.size() && set.key(i) == key) {
                        oldPerson[i] = person;
                    }
                    cursor[0] = i;
                    return 0;
                })
                .forEach(x -> { });
        return oldPerson;
    }

    /** The unclaimed old person holding most of the cluster's records (ties to the smaller id), or 0 when none. */
    private static long mostVoted(int[] members, long[] oldPerson, Set<Long> claimed) {
        long[] votes = new long[members.length];
        int n = 0;
        for (int i : members) {
            if (oldPerson[i] != 0) {
                votes[n++] = oldPerson[i];
            }
        }
        Arrays.sort(votes, 0, n);
        long best = 0;
        int bestCount = 0;
        for (int start = 0; start < n; ) {
            int end = start;
            while (end < n && votes[end] == votes[start]) {
                end++;
            }
            if (end - start > bestCount && !claimed.contains(votes[start])) {
                best = votes[start];
                bestCount = end - start;
            }
            start = end;
        }
        return best;
    }
}
