package org.nomina.store.imports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nomina.engine.domain.Field;
import org.nomina.engine.domain.PartialDate;
import org.nomina.engine.domain.Sex;
import org.nomina.engine.domain.Status;
import org.nomina.engine.families.Relation;
import org.nomina.engine.parse.DateParser;
import org.nomina.engine.parse.NameParser;
import org.nomina.engine.parse.ParsedName;
import org.nomina.engine.parse.ValueParseException;
import org.nomina.engine.parse.Values;

/**
 * Turns one row's cells into a {@link StoredRecord}, or into the reasons it cannot be imported. Every
 * reason names the column and value. Not thread-safe (reuses buffers); one per import.
 */
final class RowParser {

    /** Longest cell accepted: longer ones are almost always a broken file (a quote swallowing rows). */
    static final int MAX_CELL_CHARS = 100_000;

    sealed interface Outcome permits Accepted, Rejected {
    }

    record Accepted(StoredRecord record, RecordFacts facts) implements Outcome {
    }

    record Rejected(List<Rejection> reasons) implements Outcome {
    }

    private static final JsonFactory JSON = new JsonFactory();

    private final List<String> header;
    private final ColumnMapping[] byIndex;
    private final boolean strictWidth;
    private final StringWriter buffer = new StringWriter(1024);

    RowParser(List<String> header, List<ColumnMapping> columns, boolean strictWidth) {
        this.header = List.copyOf(header);
        this.byIndex = columns.toArray(new ColumnMapping[0]);
        this.strictWidth = strictWidth;
    }

    Outcome parse(int rowNo, long line, List<String> cells) {
        List<Rejection> reasons = new ArrayList<>(2);
        if (cells.size() != header.size()) {
            boolean extraFilled = cells.size() > header.size()
                    && cells.subList(header.size(), cells.size()).stream().anyMatch(c -> !c.isBlank());
            if (strictWidth || extraFilled) {
                String tail = cells.size() > header.size() ? String.join(" | ", cells.subList(header.size(), cells.size())) : "";
                reasons.add(new Rejection(rowNo, line, "", Rejection.shown(tail),
                        "the row has " + cells.size() + " values but the header has " + header.size() + " columns"));
                return new Rejected(reasons);
            }
        }
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).length() > MAX_CELL_CHARS) {
                reasons.add(new Rejection(rowNo, line, columnName(i), Rejection.shown(cells.get(i)),
                        "the value is " + String.format("%,d", cells.get(i).length()) + " characters long; the limit is "
                                + String.format("%,d", MAX_CELL_CHARS)));
            }
        }
        if (!reasons.isEmpty()) {
            return new Rejected(reasons);
        }

        String recordId = "";
        String fullName = "";
        ParsedName parsed = new ParsedName("", "", "", Optional.empty());
        String surname = "";
        String given = "";
        String patronymic = "";
        Optional<Sex> sex = Optional.empty();
        Optional<PartialDate> birth = Optional.empty();
        Optional<PartialDate> birthYear = Optional.empty();
        Optional<Values.Age> age = Optional.empty();
        Optional<PartialDate> incident = Optional.empty();
        String place = "";
        String address = "";
        String idNumber = "";
        String status = "";
        String notes = "";
        Optional<PartialDate> statusDate = Optional.empty();
        String household = "";
        String relation = "";
        String fatherName = "";
        String motherName = "";
        String incidentName = "";
        List<String> problems = new ArrayList<>();
        List<Integer> extraColumns = new ArrayList<>();

        for (int i = 0; i < byIndex.length; i++) {
            String raw = i < cells.size() ? cells.get(i) : "";
            String value = raw.strip();
            ColumnMapping cm = byIndex[i];
            if (cm.field().isEmpty()) {
                if (!value.isEmpty()) {
                    extraColumns.add(i);
                }
                continue;
            }
            if (value.isEmpty()) {
                continue;
            }
            try {
                switch (cm.field().get()) {
                    case RECORD_ID -> recordId = value;
                    case FULL_NAME -> {
                        fullName = value;
                        parsed = NameParser.parse(value, cm.order());
                    }
                    case SURNAME -> surname = NameParser.titleCase(value);
                    case GIVEN_NAME -> given = NameParser.titleCase(value);
                    case PATRONYMIC -> patronymic = NameParser.titleCase(value);
                    case SEX -> sex = Optional.of(sex(cm, value));
                    case BIRTH_DATE -> birth = cm.dates().parse(value);
                    case BIRTH_YEAR -> birthYear = cm.dates().parse(value);
                    case AGE -> age = Values.age(value);
                    case PLACE -> place = value;
                    case ADDRESS -> address = value;
                    case ID_NUMBER -> idNumber = value;
                    case INCIDENT_DATE -> incident = cm.dates().parse(value);
                    case STATUS -> status = status(cm, value).word();
                    case NOTES -> notes = value;
                    case STATUS_DATE -> statusDate = cm.dates().parse(value);
                    case HOUSEHOLD -> household = value;
                    case RELATION -> {
                        relation = relation(cm, value).map(Relation::word).orElse("");
                        if (relation.isEmpty()) {
                            // A relation nobody knows never costs a person their place in the register, nor is it guessed.
                            problems.add(cm.column() + ": '" + value + "' is not a relation this list's mapping knows; kept without "
                                    + "a relation (map it under values: to one of " + Relation.words() + ")");
                        }
                    }
                    case FATHER_NAME -> fatherName = value;
                    case MOTHER_NAME -> motherName = value;
                    case INCIDENT -> incidentName = value;
                }
            } catch (ValueParseException e) {
                if (cm.keepInvalid()) {
                    problems.add(cm.column() + ": " + e.getMessage() + "; left empty");
                } else {
                    reasons.add(new Rejection(rowNo, line, cm.column(), Rejection.shown(value), e.getMessage()));
                }
            }
        }

        if (surname.isEmpty()) {
            surname = parsed.surname();
        }
        if (given.isEmpty()) {
            given = parsed.givenName();
        }
        if (patronymic.isEmpty()) {
            patronymic = parsed.patronymic();
        }
        if (fullName.isEmpty()) {
            fullName = String.join(" ", List.of(surname, given, patronymic).stream().filter(s -> !s.isEmpty()).toList());
        }
        if (fullName.isEmpty() && reasons.isEmpty()) {
            reasons.add(new Rejection(rowNo, line, nameColumns(), "", "the row has no name (no surname, given name or full name)"));
        }

        boolean sexInferred = false;
        if (sex.isEmpty() || sex.get() == Sex.UNKNOWN) {
            Optional<Sex> fromName = parsed.sexFromName();
            if (fromName.isEmpty() && !patronymic.isEmpty()) {
                fromName = NameParser.sexFromPatronymic(patronymic);
            }
            if (fromName.isEmpty()) {
                fromName = NameParser.sexFromSurname(surname);
            }
            if (fromName.isPresent()) {
                sex = fromName;
                sexInferred = true;
            }
        }

        PartialDate born = birth.isPresent() ? birth.get() : birthYear.orElse(null);
        if (birth.isPresent() && birthYear.isPresent() && birth.get().year() != birthYear.get().year()) {
            problems.add("birth date " + birth.get() + " and birth year " + birthYear.get() + " disagree; the birth date is kept");
        }
        if (born != null && DateParser.isFuture(born)) {
            reasons.add(new Rejection(rowNo, line, columnOf(Field.BIRTH_DATE, Field.BIRTH_YEAR), born.toString(),
                    "the birth date " + born + " lies in the future"));
        }
        if (statusDate.isPresent() && DateParser.isFuture(statusDate.get())) {
            reasons.add(new Rejection(rowNo, line, columnOf(Field.STATUS_DATE), statusDate.get().toString(),
                    "the status date " + statusDate.get() + " lies in the future"));
        }
        if (incident.isPresent() && DateParser.isFuture(incident.get())) {
            reasons.add(new Rejection(rowNo, line, columnOf(Field.INCIDENT_DATE), incident.get().toString(),
                    "the incident date " + incident.get() + " lies in the future"));
        }
        if (born != null && incident.isPresent() && born.year() > incident.get().year()) {
            problems.add("born " + born + ", after the incident date " + incident.get());
        }
        if (born != null && age.isPresent() && incident.isPresent()) {
            int implied = incident.get().year() - born.year();
            if (Math.abs(implied - age.get().years()) > 2) {
                problems.add("age " + age.get().years() + " disagrees with birth " + born + " at the incident " + incident.get());
            }
        }
        if (!reasons.isEmpty()) {
            return new Rejected(reasons);
        }
        if (recordId.isEmpty()) {
            recordId = "row-" + rowNo;
        }
        return new Accepted(new StoredRecord(recordId, rowNo, verbatim(cells), fullName, surname, given, patronymic,
                sex.map(Sex::word).orElse("unknown"), sexInferred,
                born == null ? null : born.year(), born == null || born.month() == 0 ? null : born.month(),
                born == null || born.day() == 0 ? null : born.day(), born != null && born.approx(),
                age.map(Values.Age::years).orElse(null), age.map(Values.Age::approx).orElse(false),
                place, address, idNumber,
                incident.map(PartialDate::year).orElse(null), incident.map(PartialDate::month).filter(m -> m != 0).orElse(null),
                incident.map(PartialDate::day).filter(d -> d != 0).orElse(null),
                status, notes, extra(cells, extraColumns), problems(problems)),
                new RecordFacts(statusDate, household, relation, fatherName, motherName, incidentName));
    }

    private static Optional<Relation> relation(ColumnMapping cm, String value) {
        String mapped = cm.values().get(Mapping.normaliseWord(value));
        return mapped != null ? Relation.fromWord(mapped) : Values.relationWord(value);
    }

    private static Sex sex(ColumnMapping cm, String value) {
        String mapped = cm.values().get(Mapping.normaliseWord(value));
        if (mapped != null) {
            return Sex.fromWord(mapped).orElseThrow();
        }
        return Values.sexWord(value).or(() -> Sex.fromWord(value))
                .orElseThrow(() -> new ValueParseException("'" + value + "' is not a sex this list's mapping knows; "
                        + "map it under values: to male, female or unknown"));
    }

    private static Status status(ColumnMapping cm, String value) {
        String mapped = cm.values().get(Mapping.normaliseWord(value));
        if (mapped != null) {
            return Status.fromWord(mapped).orElseThrow();
        }
        return Values.statusWord(value)
                .orElseThrow(() -> new ValueParseException("'" + value + "' is not a status this list's mapping knows; "
                        + "map it under values: to one of " + Status.words()));
    }

    private String columnName(int i) {
        return i < header.size() ? header.get(i) : "column " + (i + 1);
    }

    private String columnOf(Field... fields) {
        for (Field f : fields) {
            for (ColumnMapping cm : byIndex) {
                if (cm.field().equals(Optional.of(f))) {
                    return cm.column();
                }
            }
        }
        return "";
    }

    private String nameColumns() {
        List<String> names = new ArrayList<>();
        for (ColumnMapping cm : byIndex) {
            if (cm.field().filter(f -> f == Field.FULL_NAME || f == Field.SURNAME || f == Field.GIVEN_NAME).isPresent()) {
                names.add(cm.column());
            }
        }
        return String.join(", ", names);
    }

    private String verbatim(List<String> cells) {
        buffer.getBuffer().setLength(0);
        try (JsonGenerator g = JSON.createGenerator(buffer)) {
            g.writeStartObject();
            for (int i = 0; i < cells.size(); i++) {
                g.writeStringField(columnName(i), cells.get(i));
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toString();
    }

    private String extra(List<String> cells, List<Integer> columns) {
        if (columns.isEmpty()) {
            return "{}";
        }
        buffer.getBuffer().setLength(0);
        try (JsonGenerator g = JSON.createGenerator(buffer)) {
            g.writeStartObject();
            for (int i : columns) {
                g.writeStringField(columnName(i), cells.get(i).strip());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toString();
    }

    private String problems(List<String> problems) {
        if (problems.isEmpty()) {
            return "[]";
        }
        buffer.getBuffer().setLength(0);
        try (JsonGenerator g = JSON.createGenerator(buffer)) {
            g.writeStartArray();
            for (String p : problems) {
                g.writeString(p);
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toString();
    }
}
