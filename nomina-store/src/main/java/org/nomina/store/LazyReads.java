package org.nomina.store;

import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * Passes over whole tables, streamed on H2 (link's load, its active persons and memberships; the figures projection's
 * scan of every record). Unless queries run lazily, H2 materialises a whole result before its first row, and past its
 * in-memory limit writes it to a temporary file and reads it back: on the hard million (990,543 records) that was 560
 * of the link's main-thread samples, 336 of them in the load stage; figures on 200,000 persons took 11.1 s user time
 * materialised and 9.3 s lazily. The setting is the session's and transactional (it neither commits nor ends the
 * transaction it is set in); it is switched off again after the pass. On PostgreSQL these are no-ops.
 */
public final class LazyReads {

    private LazyReads() {
    }

    /**
     * {@code read} with lazy query execution on H2, as it is elsewhere. H2 2.3.232 can lose a lazy scan when its
     * background writer drops a chunk the scan still reads (h2database issue 4142, seen by the figures projection right
     * after a million rows were written): the pass is then read again, materialised.
     */
    public static <T> T read(Handle h, Function<Handle, T> read) {
        if (!isH2(h)) {
            return read.apply(h);
        }
        try {
            set(h, true);
            T out = read.apply(h);
            set(h, false);
            return out;
        } catch (RuntimeException e) {
            set(h, false);
            if (!chunkNotFound(e)) {
                throw e;
            }
            return read.apply(h);
        }
    }

    /** Lazy execution on or off for the session, on H2; nothing on PostgreSQL. */
    public static void set(Handle h, boolean on) {
        if (isH2(h)) {
            h.execute("SET LAZY_QUERY_EXECUTION " + (on ? "TRUE" : "FALSE"));
        }
    }

    /** Whether {@code e} is H2's lost chunk of a lazy scan (issue 4142): read again, materialised. */
    public static boolean chunkNotFound(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getName().equals("org.h2.mvstore.MVStoreException") && String.valueOf(t.getMessage()).contains("not found")) {
                return true;
            }
        }
        return false;
    }

    /** Whether the handle is on H2. */
    public static boolean isH2(Handle h) {
        try {
            return h.getConnection().getMetaData().getDatabaseProductName().equals("H2");
        } catch (java.sql.SQLException e) {
            throw new StoreException("cannot ask which database this is: " + e.getMessage(), e);
        }
    }
}
