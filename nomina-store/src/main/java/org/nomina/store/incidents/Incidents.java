package org.nomina.store.incidents;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.nomina.engine.domain.PartialDate;
import org.nomina.engine.parse.DateParser;
import org.nomina.engine.parse.ValueParseException;
import org.nomina.store.BadInputException;
import org.nomina.store.ledger.Ledger;

/**
 * The register's incidents: a war ▸ a siege ▸ one night's attack. Incidents nest through their parent,
 * and a figure for an incident counts its sub-incidents too. Records that name no incident belong to the
 * register's default incident, which has no row (their {@code incident_id} is NULL).
 */
public final class Incidents {

    /** The kinds of incident the command line offers; free text is refused so figures group cleanly. */
    public static final List<String> KINDS = List.of("attack", "siege", "massacre", "shelling", "deportation", "war", "detention", "other");

    /** One incident. Dates are ISO partial dates ("1992-02-26", "1992-02", "1992") or "". */
    public record Incident(long id, Optional<Long> parentId, String name, String dateFrom, String dateTo, String place, String kind) {

        /** The date ages are counted at: the start date, if one is given. */
        public Optional<PartialDate> start() {
            return dateFrom.isEmpty() ? Optional.empty() : DateParser.auto().parse(dateFrom);
        }
    }

    private Incidents() {
    }

    /** The id of the incident called {@code name}, created (with nothing but its name) if absent. */
    public static long findOrCreate(Handle handle, String name) {
        return find(handle, name).map(Incident::id).orElseGet(() -> insert(handle, name, Optional.empty(), "", "", "", ""));
    }

    public static Optional<Incident> find(Handle handle, String name) {
        return handle.createQuery("SELECT * FROM incident WHERE name = :name").bind("name", name.strip())
                .map((rs, ctx) -> new Incident(rs.getLong("id"), Optional.ofNullable(rs.getObject("parent_id", Long.class)),
                        rs.getString("name"), rs.getString("date_from"), rs.getString("date_to"), rs.getString("place"),
                        rs.getString("kind")))
                .findFirst();
    }

    /**
     * Adds an incident; every argument is checked first and named in the message when wrong.
     *
     * @throws BadInputException when the name is taken or blank, the parent does not exist, a date cannot be
     *                           read or the dates run backwards, or the kind is unknown
     */
    public static Incident add(Jdbi jdbi, String name, Optional<String> parent, Optional<String> from, Optional<String> to,
                               Optional<String> place, Optional<String> kind, String actor) {
        String n = name.strip();
        if (n.isEmpty()) {
            throw new BadInputException("an incident needs a name, e.g. nomina incident add \"Night attack\"");
        }
        String fromIso = from.map(d -> date(d, "from")).orElse("");
        String toIso = to.map(d -> date(d, "to")).orElse("");
        if (!fromIso.isEmpty() && !toIso.isEmpty() && toIso.compareTo(fromIso.substring(0, Math.min(fromIso.length(), toIso.length()))) < 0) {
            throw BadInputException.naming("{to} " + toIso + " lies before {from} " + fromIso, "to", "from");
        }
        kind.ifPresent(k -> {
            if (!KINDS.contains(k)) {
                throw BadInputException.naming("{kind} must be one of " + String.join(", ", KINDS) + ", not '" + k + "'", "kind");
            }
        });
        return jdbi.inTransaction(h -> {
            if (find(h, n).isPresent()) {
                throw new BadInputException("there is already an incident called '" + n + "' (see nomina incident list)");
            }
            Optional<Long> parentId = parent.map(p -> find(h, p).orElseThrow(() -> BadInputException.naming(
                    "{parent} '" + p + "': no such incident (see nomina incident list, or add it first)", "parent")).id());
            long id = insert(h, n, parentId, fromIso, toIso, place.orElse("").strip(), kind.orElse(""));
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("incident_id", id);
            payload.put("name", n);
            payload.put("parent_id", parentId.orElse(null));
            payload.put("date_from", fromIso);
            payload.put("date_to", toIso);
            payload.put("place", place.orElse(""));
            payload.put("kind", kind.orElse(""));
            Ledger.append(h, actor, "incident", payload);
            return find(h, n).orElseThrow();
        });
    }

    private static String date(String text, String field) {
        try {
            return DateParser.auto().parse(text).map(d -> new PartialDate(d.year(), d.month(), d.day(), false).toString())
                    .orElseThrow(() -> BadInputException.naming("{" + field + "} needs a date, e.g. 1992-02-25", field));
        } catch (ValueParseException e) {
            throw (BadInputException) BadInputException.naming("{" + field + "} '" + text + "': " + e.getMessage(), field).initCause(e);
        }
    }

    private static long insert(Handle h, String name, Optional<Long> parent, String from, String to, String place, String kind) {
        return h.createUpdate("""
                INSERT INTO incident (parent_id, name, place, date_from, date_to, kind, created_at)
                VALUES (:parent, :name, :place, :from, :to, :kind, :at)""")
                .bind("parent", parent.orElse(null)).bind("name", name).bind("place", place).bind("from", from).bind("to", to)
                .bind("kind", kind).bind("at", OffsetDateTime.now(ZoneOffset.UTC))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** Every incident, parents before their children, in order of creation. */
    public static List<Incident> list(Handle handle) {
        List<Incident> all = handle.createQuery("SELECT * FROM incident ORDER BY id")
                .map((rs, ctx) -> new Incident(rs.getLong("id"), Optional.ofNullable(rs.getObject("parent_id", Long.class)),
                        rs.getString("name"), rs.getString("date_from"), rs.getString("date_to"), rs.getString("place"),
                        rs.getString("kind")))
                .list();
        return all;
    }

    /** The ids of an incident and all its sub-incidents, however deep. */
    public static Set<Long> withDescendants(List<Incident> all, long root) {
        Map<Long, List<Long>> children = new HashMap<>();
        for (Incident i : all) {
            i.parentId().ifPresent(p -> children.computeIfAbsent(p, k -> new ArrayList<>()).add(i.id()));
        }
        Set<Long> out = new HashSet<>();
        List<Long> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            long id = todo.remove(todo.size() - 1);
            if (out.add(id)) {
                todo.addAll(children.getOrDefault(id, List.of()));
            }
        }
        return out;
    }
}
