package org.nomina.app.register;

import java.util.List;
import java.util.Map;
import org.nomina.store.persons.PersonCorrections;
import org.nomina.store.persons.PersonShow;
import org.nomina.store.search.RegisterReader;

/**
 * A person as one viewer may see them: the consensus values, every source record side by side with
 * the cells as the source wrote them, the name variants in every script. Protected values the viewer's
 * role may not see are replaced by {@link Protection#MASK}. The fate history per incident (with the rule
 * that chose the current fate) and the family links are those {@code nomina person show} gives; for a
 * living person whose details the viewer may not see they are left out. {@code corrections}: the editors'
 * corrections of the consensus values, newest first.
 */
public record PersonPage(RegisterReader.Person person, List<Column> records, List<String> nameVariants, List<String> romanised,
                         boolean livingMasked, int protectedShown, int protectedMasked, List<PersonShow.IncidentHistory> history,
                         List<PersonShow.Link> family, List<PersonCorrections.Correction> corrections) {

    /** One record: its source, the fields the import read, and the verbatim cells in the file's order. */
    public record Column(long key, String source, int version, String recordId, int row, Map<String, String> fields,
                         Map<String, String> verbatim, List<String> problems) {
    }
}
