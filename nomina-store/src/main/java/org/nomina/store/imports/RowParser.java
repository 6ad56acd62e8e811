package org.nomina.store.imports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nomina.engine.domain.Field;
import org.nomina.engine.domain.PartialDate;
import org.nomina.engine.domain.Sex;
import org.nomina.engine.domain.Status;
import org.nomina.engine.families.Relation;
import org.nomina.engine.parse.DateParser;
import org.nomina.engine.parse.NameParser;
import org.nomina.engine.parse.ParsedName;
import org.nomina.engine.parse.Placeholders;
import org.nomina.engine.parse.ValueParseException;
import org.nomina.engine.parse.Values;

/**
 * Turns one row's cells into a {@link StoredRecord}, or into the reasons it cannot be imported. Every
 * reason names the column and value. Not thread-safe (reuses buffers); one per import.
 *
 * <p>The policy (README, "Bad rows"): no victim is dropped for a secondary field. A row that names someone
 * is kept when its age, a date, the sex or the status cannot be read: that field is left empty, the raw
 * value stays in {@code verbatim} and the row's {@code problems} say why. A row is rejected only when it
 * names nobody (no name, or only a placeholder such as "-" or "неизвестно"), when its structure is broken
 * (a different number of values than the header, a cell over {@link #MAX_CELL_CHARS}), or — in the importer
 * — when its record id repeats an earlier row's. A column mapped with {@code invalid: reject} makes its
 * unreadable values reject the row again. Placeholders in any field mean the field is empty.
 */
final class RowParser {

    /** Longest cell accepted: longer ones are almost always a broken file (a quote swallowing rows). */
    static final int MAX_CELL_CHARS = 100_000;

    sealed interface Outcome permits Accepted, Rejected {
    }

    /** A stored record, the facts beside it (status date, household, relation, parents, incident), and the columns whose values could not be read and were left empty. */
    record Accepted(StoredRecord record, RecordFacts facts, List<String> problemColumns) implements Outcome {
        Accepted {
            problemColumns = List.copyOf(problemColumns);
        }
    }

    record Rejected(List<Rejection> reasons) implements Outcome {
    }

    private static final JsonFactory JSON = new JsonFactory();

    private final List<String> header;
    private final ColumnMapping[] byIndex;
    private final boolean strictWidth;
    private final StringWriter buffer = new StringWriter(1024);
    /**
     * Each date column's values read so far, by their text: a list writes the same dates again and again (a million
     * rows of the generated register hold 29,994 distinct birth dates in 764,937 filled cells), and the automatic parser tries up
     * to ten regular expressions on each. Values it cannot read are not kept (they are rare, and their message is made
     * again). At most {@link #DATES_KEPT} per column, so memory stays bounded whatever the file.
     */
    private final Map<Integer, Map<String, PartialDate>> dates = new HashMap<>();
    static final int DATES_KEPT = 100_000;

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
        List<String> problemColumns = new ArrayList<>();
        List<Integer> extraColumns = new ArrayList<>();
        String placeholderName = "";
        String placeholderColumn = "";

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
            if (Placeholders.isPlaceholder(value)) {
                if (isNameField(cm.field().get()) && placeholderColumn.isEmpty()) {
                    placeholderName = value;
                    placeholderColumn = cm.column();
                }
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
                    case BIRTH_DATE -> birth = date(i, cm, value);
                    case BIRTH_YEAR -> birthYear = date(i, cm, value);
                    case AGE -> age = Values.age(value);
                    case PLACE -> place = value;
                    case ADDRESS -> address = value;
                    case ID_NUMBER -> idNumber = value;
                    case INCIDENT_DATE -> incident = date(i, cm, value);
                    case STATUS -> status = status(cm, value).word();
                    case NOTES -> notes = value;
                    case STATUS_DATE -> statusDate = date(i, cm, value);
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
                unreadable(cm, rowNo, line, value, e.getMessage(), reasons, problems, problemColumns);
            }
        }

        if (surname.isEmpty()) {
            surname = Placeholders.orEmpty(parsed.surname());
        }
        if (given.isEmpty()) {
            given = Placeholders.orEmpty(parsed.givenName());
        }
        if (patronymic.isEmpty()) {
            patronymic = Placeholders.orEmpty(parsed.patronymic());
        }
        if (fullName.isEmpty()) {
            fullName = String.join(" ", List.of(surname, given, patronymic).stream().filter(s -> !s.isEmpty()).toList());
        }
        if (surname.isEmpty() && given.isEmpty() && !fullName.isEmpty() && !parsed.surname().isEmpty()) {
            // Every part of the full name was a placeholder ("- -", "xxx ?").
            placeholderName = fullName;
            placeholderColumn = columnOf(Field.FULL_NAME);
            fullName = "";
        }
        if (fullName.isEmpty() && reasons.isEmpty()) {
            if (!placeholderColumn.isEmpty()) {
                reasons.add(new Rejection(rowNo, line, placeholderColumn, Rejection.shown(placeholderName), "the name '"
                        + placeholderName + "' is a placeholder for \"not known\", not a name: the row names nobody"));
            } else {
                reasons.add(new Rejection(rowNo, line, nameColumns(), "", "the row has no name (no surname, given name or full name)"));
            }
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

        if (birth.isPresent() && DateParser.isFuture(birth.get())) {
            unreadable(mappingOf(Field.BIRTH_DATE), rowNo, line, birth.get().toString(), "the birth date " + birth.get()
                    + " lies in the future", reasons, problems, problemColumns);
            birth = Optional.empty();
        }
        if (birthYear.isPresent() && DateParser.isFuture(birthYear.get())) {
            unreadable(mappingOf(Field.BIRTH_YEAR), rowNo, line, birthYear.get().toString(), "the birth year " + birthYear.get()
                    + " lies in the future", reasons, problems, problemColumns);
            birthYear = Optional.empty();
        }
        if (incident.isPresent() && DateParser.isFuture(incident.get())) {
            unreadable(mappingOf(Field.INCIDENT_DATE), rowNo, line, incident.get().toString(), "the incident date " + incident.get()
                    + " lies in the future", reasons, problems, problemColumns);
            incident = Optional.empty();
        }
        if (statusDate.isPresent() && DateParser.isFuture(statusDate.get())) {
            unreadable(mappingOf(Field.STATUS_DATE), rowNo, line, statusDate.get().toString(), "the status date " + statusDate.get()
                    + " lies in the future", reasons, problems, problemColumns);
            statusDate = Optional.empty();
        }
        PartialDate born = birth.isPresent() ? birth.get() : birthYear.orElse(null);
        if (birth.isPresent() && birthYear.isPresent() && birth.get().year() != birthYear.get().year()) {
            problems.add("birth date " + birth.get() + " and birth year " + birthYear.get() + " disagree; the birth date is kept");
        }
        if (born != null && incident.isPresent() && born.year() > incident.get().year()) {
            problems.add("born " + born + ", after the incident date " + incident.get());
        }
        if (born != null && age.isPresent() && incident.isPresent()) {
            int implied = incident.get().year() - born.year();
            if (implied < age.get().low() - 2 || implied > age.get().high() + 2) {
                problems.add("age " + age.get() + " disagrees with birth " + born + " at the incident " + incident.get());
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
                age.map(Values.Age::low).orElse(null), age.map(Values.Age::approx).orElse(false),
                age.filter(Values.Age::isRange).map(Values.Age::high).orElse(null), place, address, idNumber,
                incident.map(PartialDate::year).orElse(null), incident.map(PartialDate::month).filter(m -> m != 0).orElse(null),
                incident.map(PartialDate::day).filter(d -> d != 0).orElse(null),
                status, notes, extra(cells, extraColumns), problems(problems)),
                new RecordFacts(statusDate, household, relation, fatherName, motherName, incidentName), problemColumns);
    }

    private static boolean isNameField(Field field) {
        return field == Field.FULL_NAME || field == Field.SURNAME || field == Field.GIVEN_NAME;
    }

    /**
     * A value that could not be read: the row is rejected when its column says {@code invalid: reject};
     * otherwise the field stays empty and the row keeps a problem naming the column and the value.
     */
    private static void unreadable(ColumnMapping cm, int rowNo, long line, String value, String why, List<Rejection> reasons,
                                   List<String> problems, List<String> problemColumns) {
        if (cm.keepInvalid()) {
            problems.add(cm.column() + ": " + why + "; left empty");
            problemColumns.add(cm.column());
        } else {
            reasons.add(new Rejection(rowNo, line, cm.column(), Rejection.shown(value), why));
        }
    }

    private ColumnMapping mappingOf(Field field) {
        for (ColumnMapping cm : byIndex) {
            if (cm.field().equals(Optional.of(field))) {
                return cm;
            }
        }
        throw new IllegalStateException("no column is mapped to " + field.key());
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

    /** {@code cm}'s date parser's reading of {@code value} (column {@code column}), from {@link #dates} when read before. */
    private Optional<PartialDate> date(int column, ColumnMapping cm, String value) {
        Map<String, PartialDate> known = dates.computeIfAbsent(column, c -> new HashMap<>());
        PartialDate date = known.get(value);
        if (date != null) {
            return Optional.of(date);
        }
        Optional<PartialDate> read = cm.dates().parse(value);
        if (read.isPresent() && known.size() < DATES_KEPT) {
            known.put(value, read.get());
        }
        return read;
    }
}
