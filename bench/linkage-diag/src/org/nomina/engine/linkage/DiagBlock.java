package org.nomina.engine.linkage;

import org.nomina.engine.names.NameNormaliser;
import org.nomina.engine.names.PhoneticKeys;
import java.lang.reflect.Method;
import java.util.*;

public final class DiagBlock {
    static RecordTable TABLE;
    static Blocker BLOCKER;

    /** Candidate pairs as packed record indexes (min << 32 | max). */
    public static long[] candidates(List<LinkRecord> records, LinkageConfig config) {
        TABLE = new RecordTable(records, Set.of(), NameNormaliser.shared());
        BLOCKER = new Blocker(TABLE, new PhoneticKeys());
        return BLOCKER.block(config.blockingRules(), config.blockCap(), () -> { }).pairs();
    }

    static final BlockingKey.Standard[] PARTS = {BlockingKey.Standard.SURNAME_FAMILY, BlockingKey.Standard.SURNAME_CONSONANTS,
            BlockingKey.Standard.SURNAME_METAPHONE, BlockingKey.Standard.GIVEN_FAMILY, BlockingKey.Standard.GIVEN_METAPHONE,
            BlockingKey.Standard.GIVEN_INITIAL, BlockingKey.Standard.PATRONYMIC_FAMILY, BlockingKey.Standard.NAMES_UNORDERED,
            BlockingKey.Standard.BIRTH_YEAR, BlockingKey.Standard.PLACE, BlockingKey.Standard.BIRTH_YEAR_OR_PLACE};
    static String[][][] VALUES;

    /** Which key parts the two records share, as a signature. */
    public static String shared(int x, int y) throws Exception {
        if (VALUES == null) {
            Method m = Blocker.class.getDeclaredMethod("partValues", BlockingKey.class);
            m.setAccessible(true);
            VALUES = new String[PARTS.length][][];
            for (int k = 0; k < PARTS.length; k++) VALUES[k] = (String[][]) m.invoke(BLOCKER, PARTS[k]);
        }
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < PARTS.length; k++) {
            String[] a = VALUES[k][x], b = VALUES[k][y];
            String mark = a == null || b == null ? "-" : intersects(a, b) ? "Y" : "n";
            s.append(mark);
        }
        return s.toString();
    }

    static boolean intersects(String[] a, String[] b) {
        for (String u : a) for (String v : b) if (u.equals(v)) return true;
        return false;
    }
}
