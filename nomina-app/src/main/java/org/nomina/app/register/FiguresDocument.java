package org.nomina.app.register;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nomina.engine.domain.PartialDate;
import org.nomina.store.figures.Figures;

/**
 * The figures as one JSON document — the same for {@code nomina figures --json}, {@code /api/v1/figures}
 * and the dashboard: {@code {"incident", "as_of", "definitions", "figures": [{"category", "subgroup",
 * "count", "unknown", "person_ids" | "family_ids"}]}}.
 */
public final class FiguresDocument {
    private FiguresDocument() {
    }

    public static Map<String, Object> of(Figures.Report r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("incident", r.incident());
        out.put("as_of", r.asOf().map(PartialDate::toString).orElse(null));
        out.put("definitions", r.definitions());
        List<Object> figures = new ArrayList<>();
        for (Figures.Figure f : r.figures()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("category", f.category());
            f.subgroup().ifPresent(s -> m.put("subgroup", s));
            m.put("count", f.count());
            m.put("unknown", f.unknown());
            if (f.countsFamilies()) {
                m.put("family_ids", f.familyIds());
            } else {
                m.put("person_ids", f.personIds());
            }
            figures.add(m);
        }
        out.put("figures", figures);
        return out;
    }
}
