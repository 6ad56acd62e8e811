package org.nomina.store.imports;

/**
 * One source record as stored: the source's own id, the row number, the verbatim values (JSON object,
 * header to value) and the parsed fields. Unknown text is "", unknown numbers are null. An age range
 * ("30-40") has {@code age} 30 and {@code ageHigh} 40; {@code ageHigh} is null for a single age.
 */
public record StoredRecord(String recordId, int rowNo, String verbatim, String fullName, String surname, String givenName,
                           String patronymic, String sex, boolean sexInferred, Integer birthYear, Integer birthMonth,
                           Integer birthDay, boolean birthApprox, Integer age, boolean ageApprox, Integer ageHigh, String place, String address,
                           String idNumber, Integer incidentYear, Integer incidentMonth, Integer incidentDay, String status,
                           String notes, String extra, String problems) {
}
