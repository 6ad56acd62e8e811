package org.nomina.store.linkage;

import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.nomina.store.StoreException;

/**
 * The link's passes over whole tables, streamed on H2. Unless queries run lazily, H2 materialises a whole result
 * before its first row, and past its in-memory limit writes it to a temporary file and reads it back: on the hard
 * million (990,543 records) that was 560 of the link's main-thread samples, 336 of them in the load stage, the rest
 * reading the active persons and the memberships. The setting is the session's and transactional (it neither commits
 * nor ends the transaction it is set in); it is switched off again after the pass.
 */
final class LazyReads {

    private LazyReads() {
    }

    /**
     * {@code read} with lazy query execution on H2, as it is elsewhere. H2 2.3.232 can lose a lazy scan when its
     * background writer drops a chunk the scan still reads (h2database issue 4142, seen by the figures projection right
     * after a million rows were written): the pass is then read again, materialised.
     */
    static <T> T read(Handle h, Function<Handle, T> read) {
        if (!isH2(h)) {
            return read.apply(h);
        }
        try {
            h.execute("SET LAZY_QUERY_EXECUTION TRUE");
            T out = read.apply(h);
            h.execute("SET LAZY_QUERY_EXECUTION FALSE");
            return out;
        } catch (RuntimeException e) {
            h.execute("SET LAZY_QUERY_EXECUTION FALSE");
            if (!chunkNotFound(e)) {
                throw e;
            }
            return read.apply(h);
        }
    }

    private static boolean chunkNotFound(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getName().equals("org.h2.mvstore.MVStoreException") && String.valueOf(t.getMessage()).contains("not found")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isH2(Handle h) {
        try {
            return h.getConnection().getMetaData().getDatabaseProductName().equals("H2");
        } catch (java.sql.SQLException e) {
            throw new StoreException("cannot ask which database this is: " + e.getMessage(), e);
        }
    }
}
