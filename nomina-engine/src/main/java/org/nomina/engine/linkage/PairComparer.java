package org.nomina.engine.linkage;

import java.util.List;

/**
 * The compare stage for one pair: each comparison's level, and with {@code swap_names} surname and given
 * name compared crossed when that agrees better (a list that wrote the given name first).
 */
final class PairComparer {
    private final RecordTable table;
    private final List<FieldComparator> comparators;
    /** The comparators bound to the table, for the compare stage's pairs. */
    private final FieldComparator.Bound[] bound;
    private final int fields;
    private int surnameField = -1;
    private int givenField = -1;

    PairComparer(RecordTable table, List<FieldComparator> comparators) {
        this.table = table;
        this.comparators = comparators;
        this.fields = comparators.size();
        this.bound = new FieldComparator.Bound[fields];
        for (int f = 0; f < fields; f++) {
            bound[f] = comparators.get(f).bind(table);
        }
        for (int f = 0; f < fields; f++) {
            if (comparators.get(f).field().equals("surname")) {
                surnameField = f;
            } else if (comparators.get(f).field().equals("given_name")) {
                givenField = f;
            }
        }
    }

    /** Writes the levels of pair (a, b); returns whether the names were compared crossed. */
    boolean compare(int a, int b, byte[] out, int offset, boolean swap) {
        for (int f = 0; f < fields; f++) {
            out[offset + f] = (byte) bound[f].level(a, b);
        }
        if (!swap || surnameField < 0 || givenField < 0) {
            return false;
        }
        int straight = out[offset + surnameField] + out[offset + givenField];
        if (straight < 4) {
            return false;
        }
        FieldComparator.NameComparator surname = (FieldComparator.NameComparator) comparators.get(surnameField);
        FieldComparator.NameComparator given = (FieldComparator.NameComparator) comparators.get(givenField);
        int crossedSurname = surname.level(table.surname, a, table.given, b);
        int crossedGiven = given.level(table.given, a, table.surname, b);
        if (crossedSurname + crossedGiven < straight) {
            out[offset + surnameField] = (byte) crossedSurname;
            out[offset + givenField] = (byte) crossedGiven;
            return true;
        }
        return false;
    }
}
