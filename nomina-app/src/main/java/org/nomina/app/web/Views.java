package org.nomina.app.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Small formatting helpers the templates call. */
public final class Views {
    private Views() {
    }

    /** One field's weight in a review pair, with the bar's side and width class (10 bits fill one side). */
    public record Weight(String field, String level, double bits, String barClass) {
        public String bitsText() {
            return String.format(Locale.ROOT, "%+.1f", bits);
        }
    }

    public static List<Weight> weights(List<Object> contributions) {
        List<Weight> out = new ArrayList<>();
        for (Object c : contributions) {
            if (c instanceof Map<?, ?> m && m.get("weight") instanceof Number n) {
                double w = n.doubleValue();
                int width = (int) Math.min(10, Math.round(Math.abs(w)));
                out.add(new Weight(String.valueOf(m.get("field")), String.valueOf(m.get("level")), w,
                        "bar " + (w >= 0 ? "pos" : "neg") + " w-" + width));
            }
        }
        return out;
    }

    public static String percent(double p) {
        return String.format(Locale.ROOT, "%.1f%%", p * 100);
    }

    public static String masked(String value) {
        return value.startsWith("••••") ? "masked" : "";
    }
}
