package org.nomina.engine.fates;

import java.util.Optional;
import org.nomina.engine.domain.PartialDate;
import org.nomina.engine.domain.Status;

/**
 * One status a source record gives a person in an incident.
 *
 * @param status   what the record says happened
 * @param date     when it held ({@code status_date}, else the record's incident date), if the record says
 * @param known    from when the statement was known (its date, else the source's date), for {@code --as-of}
 * @param recordId the source record's stored id
 * @param source   the source's name, for showing
 */
public record StatusEvent(Status status, Optional<PartialDate> date, Optional<PartialDate> known, long recordId, String source) {
}
