package org.nomina.app.register;

import java.util.List;
import java.util.Map;
import org.nomina.store.search.RegisterReader;

/**
 * A person as one viewer may see them: the consensus values, every source record side by side with
 * the cells as the source wrote them, the name variants in every script. Protected values the viewer's
 * role may not see are replaced by {@link Protection#MASK}.
 */
public record PersonPage(RegisterReader.Person person, List<Column> records, List<String> nameVariants, List<String> romanised,
                         boolean livingMasked, int protectedShown, int protectedMasked) {

    /** One record: its source, the fields the import read, and the verbatim cells in the file's order. */
    public record Column(long key, String source, int version, String recordId, int row, Map<String, String> fields,
                         Map<String, String> verbatim, List<String> problems) {
    }
}
