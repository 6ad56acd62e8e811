package org.nomina.store.imports;

import java.util.Map;
import java.util.Optional;
import org.nomina.engine.domain.Field;
import org.nomina.engine.parse.DateParser;
import org.nomina.engine.parse.NameOrder;

/**
 * How one column of a list is read.
 *
 * @param column the header text as it stands in the file
 * @param field  the field it fills; empty for a column kept only as an extra attribute
 * @param order  for full names: surname first, given name first, or guessed per name
 * @param dates  for date fields: the pattern (or auto)
 * @param values the source's own words mapped onto canonical values (sex and status)
 * @param keepInvalid when a value cannot be read, keep the row with the field empty and a problem noted (the
 *                    default, {@code invalid: keep}: no victim is dropped for a secondary field); false
 *                    ({@code invalid: reject}) rejects the row instead
 */
public record ColumnMapping(String column, Optional<Field> field, NameOrder order, DateParser dates, Map<String, String> values,
                            boolean keepInvalid) {
    public ColumnMapping {
        values = Map.copyOf(values);
    }

    public static ColumnMapping recognised(String column, Field field) {
        return new ColumnMapping(column, Optional.of(field), NameOrder.AUTO, DateParser.auto(), Map.of(), true);
    }

    public static ColumnMapping extra(String column) {
        return new ColumnMapping(column, Optional.empty(), NameOrder.AUTO, DateParser.auto(), Map.of(), true);
    }

    /** What the column became, for reports: a field's name or {@code extra}. */
    public String target() {
        return field.map(Field::key).orElse("extra");
    }
}
